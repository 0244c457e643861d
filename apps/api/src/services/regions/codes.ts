import { childLevel, type RegionLevel } from '@hanjiang/shared'

/**
 * Region codes follow the national division codes (GB/T 2260 + the statistical 12-digit extension),
 * plus a 3-digit grid sequence:
 *   district  350303 000 000   6 digits + 000000
 *   street    350303 001 000   the district's first 6 + a 3-digit street (≠ 000) + 000
 *   community 350303 001 001   the street's first 9 + a 3-digit community (≠ 000)
 *   grid      350303001001 007 the community's 12 + a 3-digit sequence (≠ 000)
 * So a code names its level and its parent; the request's level and parentCode must agree with it.
 */
export function levelOfCode(code: string): RegionLevel | null {
  if (/^\d{15}$/.test(code)) return code.endsWith('000') ? null : 'grid'
  if (!/^\d{12}$/.test(code)) return null
  if (code.endsWith('000000')) return code.startsWith('000000') ? null : 'district'
  if (code.endsWith('000')) return 'street'
  return 'community'
}

/** The parent code a code implies (null for a district). */
export function impliedParentCode(code: string, level: RegionLevel): string | null {
  switch (level) {
    case 'district':
      return null
    case 'street':
      return `${code.slice(0, 6)}000000`
    case 'community':
      return `${code.slice(0, 9)}000`
    case 'grid':
      return code.slice(0, 12)
  }
}

const SHAPES: Record<RegionLevel, string> = {
  district: '12 digits ending in 000000',
  street: "12 digits: the district's first 6, a 3-digit street number (not 000), then 000",
  community: "12 digits: the street's first 9 and a 3-digit community number (not 000)",
  grid: "15 digits: the community's 12-digit code and a 3-digit grid number (not 000)",
}

export interface IdentityProblem {
  code: 'invalid_code' | 'parent_not_found'
  path: string
  message: string
}

/**
 * Checks code, level and parentCode against each other and against the parent as found
 * (current in the database or in the same import): level must be one below the parent's.
 */
export function checkRegionIdentity(
  r: { code: string; level: RegionLevel; parentCode: string | null },
  parent: { code: string; level: RegionLevel } | null,
): IdentityProblem | null {
  const shape = levelOfCode(r.code)
  if (shape !== r.level) {
    return {
      code: 'invalid_code',
      path: 'code',
      message: `code ${r.code} is not a ${r.level} code: a ${r.level} code has ${SHAPES[r.level]}${shape ? ` (${r.code} reads as a ${shape} code)` : ''}`,
    }
  }
  const implied = impliedParentCode(r.code, r.level)
  if (r.level === 'district') {
    if (r.parentCode !== null) {
      return { code: 'invalid_code', path: 'parentCode', message: 'a district is the top of the tree: parentCode must be null' }
    }
    return null
  }
  if (r.parentCode === null) {
    return { code: 'invalid_code', path: 'parentCode', message: `a ${r.level} needs a parentCode (${implied} for code ${r.code})` }
  }
  if (r.parentCode !== implied) {
    return {
      code: 'invalid_code',
      path: 'code',
      message: `code ${r.code} does not belong under parent ${r.parentCode}: a ${r.level} code has ${SHAPES[r.level]}, so its parent is ${implied}`,
    }
  }
  if (!parent) {
    return { code: 'parent_not_found', path: 'parentCode', message: `parent region ${r.parentCode} does not exist (no current version)` }
  }
  if (childLevel(parent.level) !== r.level) {
    return {
      code: 'invalid_code',
      path: 'level',
      message: `a ${r.level} cannot be placed under ${parent.code}, a ${parent.level}: the level must be one below the parent's (${childLevel(parent.level) ?? 'none'})`,
    }
  }
  return null
}

/** Where a level's 3-digit sequence sits in its code (the digits after the parent's part). */
const SEQUENCE_AT: Record<Exclude<RegionLevel, 'district'>, number> = { street: 6, community: 9, grid: 12 }

/**
 * The next free code of a new child of `parentCode`: one past the highest sequence EVER used under
 * that parent (`highest`, any version — codes of retired regions are never reused) and past the codes
 * already handed out in this batch (`taken`). Null when the 999 sequences are used up.
 */
export function nextChildCode(parentCode: string, level: RegionLevel, highest: string | null, taken: ReadonlySet<string>): string | null {
  if (level === 'district') return null
  const at = SEQUENCE_AT[level]
  const prefix = level === 'grid' ? parentCode : parentCode.slice(0, at)
  const suffix = level === 'street' ? '000' : ''
  let seq = highest ? Number(highest.slice(at, at + 3)) : 0
  for (const t of taken) if (t.startsWith(prefix) && t.length === prefix.length + 3 + suffix.length) seq = Math.max(seq, Number(t.slice(at, at + 3)))
  if (seq >= 999) return null
  return `${prefix}${String(seq + 1).padStart(3, '0')}${suffix}`
}
