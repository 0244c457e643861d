import { shallowRef } from 'vue'
import { api, type ApiClient } from '../api/client.ts'
import type { JsonAnswer } from '../api/contract.ts'

/**
 * The district's taxonomy (docs/DOMAIN.md §3: classes › subclasses › fine classes, and the units) as the API serves it
 * (`GET /api/taxonomy`, editable by admins): loaded once at start (main.ts, {@link loadTaxonomy}); every lookup
 * below reads the loaded copy reactively, so computed values fill in when it arrives.
 */
export type TaxonomyView = JsonAnswer<'/api/taxonomy', 'get'>
type ClassView = TaxonomyView['classes'][number]
type SubclassView = ClassView['subclasses'][number]
type FineView = SubclassView['fineClasses'][number]

/** One fine class with its parents, as the picker lists it. */
export interface FineClassOption {
  code: string
  name: string
  nameEn: string
  safetyHazard: boolean
  /** The responsible unit's code, or `territorial` (the street/town office of the location). */
  responsible: string
  subclass: Pick<SubclassView, 'code' | 'name' | 'nameEn'>
  cls: Pick<ClassView, 'code' | 'name' | 'nameEn'>
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

interface Index {
  taxonomy: TaxonomyView
  options: FineClassOption[]
  byCode: Map<string, FineClassOption>
  unitEn: Map<string, string>
  names: Map<string, { name: string; nameEn: string }>
}

const EMPTY: TaxonomyView = { classes: [], units: [] }
const current = shallowRef<Index>(indexOf(EMPTY))

function indexOf(taxonomy: TaxonomyView): Index {
  const options = fineClassOptions(taxonomy)
  const names = new Map<string, { name: string; nameEn: string }>()
  for (const c of taxonomy.classes) {
    names.set(c.code, pick(c))
    for (const s of c.subclasses) {
      names.set(s.code, pick(s))
      for (const f of s.fineClasses) names.set(f.code, pick(f))
    }
  }
  return {
    taxonomy,
    options,
    byCode: new Map(options.map((o) => [o.code, o])),
    // English names of the taxonomy's units (sections and street offices added by the seed are not in it).
    unitEn: new Map(taxonomy.units.map((u) => [u.code, u.nameEn])),
    names,
  }
}

/** Uses this taxonomy from now on (the loaded one; tests set a fixture). */
export function setTaxonomy(taxonomy: TaxonomyView): void {
  current.value = indexOf(taxonomy)
}

/** The loaded taxonomy (empty until {@link loadTaxonomy} answered). */
export function taxonomy(): TaxonomyView {
  return current.value.taxonomy
}

let loading: Promise<void> | null = null
/** Fetches the taxonomy unless there is one (again after a failure); the lookups fill in when it arrives. */
export function loadTaxonomy(client: ApiClient = api): Promise<void> {
  if (current.value.taxonomy.classes.length) return Promise.resolve()
  return (loading ??= client
    .get<TaxonomyView>('/api/taxonomy')
    .then(setTaxonomy)
    .catch((e: unknown) => {
      loading = null
      throw e
    }))
}

/** Every fine class in taxonomy order (class › subclass › fine). */
export function fineClassOptions(tax: TaxonomyView = current.value.taxonomy): FineClassOption[] {
  const out: FineClassOption[] = []
  for (const c of tax.classes) {
    for (const s of c.subclasses) {
      for (const f of s.fineClasses) out.push(toOption(f, s, c))
    }
  }
  return out
}

function toOption(f: FineView, s: SubclassView, c: ClassView): FineClassOption {
  return {
    code: f.code,
    name: f.name,
    nameEn: f.nameEn,
    safetyHazard: f.safetyHazard,
    responsible: f.territorial || !f.responsibleUnit ? 'territorial' : f.responsibleUnit.code,
    subclass: pick(s),
    cls: pick(c),
  }
}

export function fineClassOption(code: string | null | undefined): FineClassOption | null {
  return code ? (current.value.byCode.get(code) ?? null) : null
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
export function searchFineClasses(query: string, options: readonly FineClassOption[] = current.value.options): FineClassOption[] {
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

export function unitNameEn(code: string): string | null {
  return current.value.unitEn.get(code) ?? null
}

/** The names of a class, subclass or fine class code, or null when the code is unknown. */
export function taxonomyName(code: string): { name: string; nameEn: string } | null {
  return current.value.names.get(code) ?? null
}
