import { z } from 'zod'
import { TERRITORIAL, UNIT_KINDS, type Taxonomy } from './types.ts'

export interface TaxonomyIssue {
  /** Where, e.g. `classes[0].subclasses[4].fineClasses[1].responsible`; `` for the whole document. */
  path: string
  message: string
}

/** Thrown by {@link parseTaxonomy}; carries every issue found, not just the first. */
export class TaxonomyError extends Error {
  readonly code = 'invalid_taxonomy'
  constructor(readonly issues: TaxonomyIssue[]) {
    const shown = issues.slice(0, 5).map((i) => (i.path ? `${i.path}: ${i.message}` : i.message))
    const more = issues.length > 5 ? ` (and ${issues.length - 5} more)` : ''
    super(`invalid taxonomy: ${shown.join('; ')}${more}`)
    this.name = 'TaxonomyError'
  }
}

export type TaxonomyParseResult = { ok: true; taxonomy: Taxonomy } | { ok: false; issues: TaxonomyIssue[] }

const text = z.string().trim().min(1, { error: 'must not be empty' })
const digits = (n: number, what: string) =>
  z.string().regex(new RegExp(`^[0-9]{${n}}$`), { error: (iss) => `${what} code must be ${n} digits, got ${JSON.stringify(iss.input)}` })

const unitSchema = z.object({
  code: z
    .string()
    .regex(/^[a-z][a-z0-9_]*$/, { error: (iss) => `unit code must be lower_snake_case, got ${JSON.stringify(iss.input)}` }),
  name: text,
  nameEn: text,
  kind: z.enum(UNIT_KINDS, { error: (iss) => `unknown unit kind ${JSON.stringify(iss.input)} (expected one of ${UNIT_KINDS.join(', ')})` }),
  parent: z.string().optional(),
  regionCode: digits(12, 'region').optional(),
})

const fineSchema = z.object({
  code: digits(6, 'fine class'),
  name: text,
  nameEn: text,
  responsible: text,
  safetyHazard: z.boolean(),
})

const subclassSchema = z.object({
  code: digits(4, 'subclass'),
  name: text,
  nameEn: text,
  leadUnit: text,
  fineClasses: z.array(fineSchema),
})

const classSchema = z.object({
  code: digits(2, 'class'),
  name: text,
  nameEn: text,
  subclasses: z.array(subclassSchema),
})

const taxonomySchema = z.object({
  note: z.string().optional(),
  responsibleRule: z.record(z.string(), z.string()).optional(),
  units: z.array(unitSchema).min(1, { error: 'at least one unit is required' }),
  classes: z.array(classSchema).min(1, { error: 'at least one class is required' }),
})

function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`))
    .join('')
}

/** Cross-reference checks the schema cannot express. */
function semanticIssues(tax: Taxonomy): TaxonomyIssue[] {
  const issues: TaxonomyIssue[] = []
  const add = (path: string, message: string) => issues.push({ path, message })

  const unitAt = new Map<string, string>()
  tax.units.forEach((u, i) => {
    const path = `units[${i}]`
    if (u.code === TERRITORIAL) {
      add(`${path}.code`, `"${TERRITORIAL}" is reserved for the 属地 rule and cannot be a unit code`)
    } else if (unitAt.has(u.code)) {
      add(`${path}.code`, `duplicate unit code "${u.code}" (also ${unitAt.get(u.code)})`)
    } else unitAt.set(u.code, path)
  })
  tax.units.forEach((u, i) => {
    const path = `units[${i}]`
    if (u.kind === 'section' && u.parent === undefined) {
      add(`${path}.parent`, `section "${u.code}" must name the unit it belongs to`)
    } else if (u.parent !== undefined) {
      if (u.kind !== 'section') add(`${path}.parent`, `only a section has a parent unit; "${u.code}" is a ${u.kind}`)
      else if (u.parent === u.code) add(`${path}.parent`, `section "${u.code}" cannot be its own parent`)
      else if (!unitAt.has(u.parent)) add(`${path}.parent`, `unknown unit code "${u.parent}"`)
    }
    if (u.regionCode !== undefined && u.kind !== 'street_office') {
      add(`${path}.regionCode`, `only a street_office has a regionCode; "${u.code}" is a ${u.kind}`)
    }
  })

  const codeAt = new Map<string, string>()
  const claim = (code: string, path: string) => {
    const seen = codeAt.get(code)
    if (seen) add(`${path}.code`, `duplicate taxonomy code "${code}" (also ${seen})`)
    else codeAt.set(code, path)
  }
  tax.classes.forEach((cls, ci) => {
    const cPath = `classes[${ci}]`
    claim(cls.code, cPath)
    cls.subclasses.forEach((sub, si) => {
      const sPath = `${cPath}.subclasses[${si}]`
      claim(sub.code, sPath)
      if (!sub.code.startsWith(cls.code)) {
        add(`${sPath}.code`, `subclass code "${sub.code}" must start with its class code "${cls.code}"`)
      }
      if (sub.leadUnit === TERRITORIAL) {
        add(`${sPath}.leadUnit`, `leadUnit cannot be "${TERRITORIAL}": the lead unit takes what nobody else owns, so it must be a unit`)
      } else if (!unitAt.has(sub.leadUnit)) {
        add(`${sPath}.leadUnit`, `unknown unit code "${sub.leadUnit}" in leadUnit of ${sub.code} ${sub.name}`)
      }
      sub.fineClasses.forEach((fine, fi) => {
        const fPath = `${sPath}.fineClasses[${fi}]`
        claim(fine.code, fPath)
        if (!fine.code.startsWith(sub.code)) {
          add(`${fPath}.code`, `fine class code "${fine.code}" must start with its subclass code "${sub.code}"`)
        }
        if (fine.responsible !== TERRITORIAL && !unitAt.has(fine.responsible)) {
          add(
            `${fPath}.responsible`,
            `unknown unit code "${fine.responsible}" in responsible of ${fine.code} ${fine.name} (expected a unit code or "${TERRITORIAL}")`,
          )
        }
      })
    })
  })
  return issues
}

/**
 * Validates a taxonomy document (an object, or its JSON text) and returns it typed, or every
 * issue found: shape and code formats first (zod), then cross-references — duplicate unit or
 * taxonomy codes, codes not prefixed by their parent's, unknown units in `leadUnit`,
 * `responsible` or `parent`, a `territorial` lead unit. Unknown keys are dropped.
 */
export function safeParseTaxonomy(json: unknown): TaxonomyParseResult {
  let data = json
  if (typeof json === 'string') {
    try {
      data = JSON.parse(json)
    } catch (e) {
      return { ok: false, issues: [{ path: '', message: `not valid JSON: ${(e as Error).message}` }] }
    }
  }
  const parsed = taxonomySchema.safeParse(data)
  if (!parsed.success) {
    return { ok: false, issues: parsed.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })) }
  }
  const taxonomy: Taxonomy = parsed.data
  const issues = semanticIssues(taxonomy)
  return issues.length > 0 ? { ok: false, issues } : { ok: true, taxonomy }
}

/** Like {@link safeParseTaxonomy}, but throws a {@link TaxonomyError} listing the issues. */
export function parseTaxonomy(json: unknown): Taxonomy {
  const r = safeParseTaxonomy(json)
  if (!r.ok) throw new TaxonomyError(r.issues)
  return r.taxonomy
}
