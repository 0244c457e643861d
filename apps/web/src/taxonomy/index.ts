import type { FineClass, Taxonomy, TaxonomyClass, TaxonomySubclass } from '@hanjiang/shared/taxonomy/types'
// The district's taxonomy (docs/DOMAIN.md §3), bundled at build time: there is no taxonomy endpoint yet. The API seeds
// its database from the same file, so the codes match; `index.test.ts` checks it with the shared parser.
import raw from '../../../../seed/taxonomy.json'

export const TAXONOMY = raw as Taxonomy

/** One fine class with its parents, as the picker lists it. */
export interface FineClassOption {
  code: string
  name: string
  nameEn: string
  safetyHazard: boolean
  responsible: string
  subclass: Pick<TaxonomySubclass, 'code' | 'name' | 'nameEn'>
  cls: Pick<TaxonomyClass, 'code' | 'name' | 'nameEn'>
}

/** A subclass heading and its fine classes, under its class (the picker's groups). */
export interface FineClassGroup {
  key: string
  cls: FineClassOption['cls']
  subclass: FineClassOption['subclass']
  options: FineClassOption[]
}

function pick<T extends { code: string; name: string; nameEn: string }>(x: T) {
  return { code: x.code, name: x.name, nameEn: x.nameEn }
}

/** Every fine class in taxonomy order (class › subclass › fine). */
export function fineClassOptions(tax: Taxonomy = TAXONOMY): FineClassOption[] {
  const out: FineClassOption[] = []
  for (const c of tax.classes) {
    for (const s of c.subclasses) {
      for (const f of s.fineClasses) out.push(toOption(f, s, c))
    }
  }
  return out
}

function toOption(f: FineClass, s: TaxonomySubclass, c: TaxonomyClass): FineClassOption {
  return {
    code: f.code,
    name: f.name,
    nameEn: f.nameEn,
    safetyHazard: f.safetyHazard,
    responsible: f.responsible,
    subclass: pick(s),
    cls: pick(c),
  }
}

const ALL = fineClassOptions()
const BY_CODE = new Map(ALL.map((o) => [o.code, o]))

export function fineClassOption(code: string | null | undefined): FineClassOption | null {
  return code ? (BY_CODE.get(code) ?? null) : null
}

/** Normalises for matching: lower case, full-width ASCII folded to half-width, spaces collapsed. */
export function normalise(s: string): string {
  return s
    .replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .toLowerCase()
    .trim()
}

/**
 * The fine classes matching a query, in taxonomy order. Every word of the query must match somewhere: the start
 * of the fine, subclass or class code, or anywhere in their Chinese or English names. So "0105" lists the road
 * subclass, "坑洼" finds 010501, "road 破损" narrows to the damaged roads. An empty query matches all.
 */
export function searchFineClasses(query: string, options: readonly FineClassOption[] = ALL): FineClassOption[] {
  const words = normalise(query).split(/[\s,，、;；]+/).filter(Boolean)
  if (!words.length) return [...options]
  return options.filter((o) => {
    const names = [o.name, o.nameEn, o.subclass.name, o.subclass.nameEn, o.cls.name, o.cls.nameEn].map(normalise)
    return words.every((w) => (/^\d+$/.test(w) ? o.code.startsWith(w) : names.some((n) => n.includes(w))))
  })
}

/** Options grouped by subclass (each group knows its class), keeping their order. */
export function groupFineClasses(options: readonly FineClassOption[]): FineClassGroup[] {
  const groups: FineClassGroup[] = []
  for (const o of options) {
    let g = groups.at(-1)
    if (!g || g.subclass.code !== o.subclass.code) {
      g = { key: o.subclass.code, cls: o.cls, subclass: o.subclass, options: [] }
      groups.push(g)
    }
    g.options.push(o)
  }
  return groups
}

/** English names of the taxonomy's units (sections and street offices added by the seed are not in it). */
const UNIT_EN = new Map(TAXONOMY.units.map((u) => [u.code, u.nameEn]))

export function unitNameEn(code: string): string | null {
  return UNIT_EN.get(code) ?? null
}

const CODE_NAMES = new Map<string, { name: string; nameEn: string }>()
for (const c of TAXONOMY.classes) {
  CODE_NAMES.set(c.code, pick(c))
  for (const s of c.subclasses) {
    CODE_NAMES.set(s.code, pick(s))
    for (const f of s.fineClasses) CODE_NAMES.set(f.code, pick(f))
  }
}

/** The names of a class, subclass or fine class code, or null when the code is unknown. */
export function taxonomyName(code: string): { name: string; nameEn: string } | null {
  return CODE_NAMES.get(code) ?? null
}
