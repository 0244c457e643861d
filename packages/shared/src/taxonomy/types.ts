/**
 * The incident taxonomy (docs/DOMAIN.md §3, seed/taxonomy.json): 大类 class (2 digits) →
 * 小类 subclass (4 digits, with a lead unit) → 细类 fine class (6 digits, with a responsible unit
 * or `territorial`), plus the units that can own them. Data, never hard-coded.
 */

/** `responsible: "territorial"` — the street/town office whose area contains the location (属地). */
export const TERRITORIAL = 'territorial' as const
export type Territorial = typeof TERRITORIAL

/**
 * command: the command center; supervision: efficiency/civilization offices; department: 区直单位;
 * utility: water/power/gas/telecom… companies; street_office: 街道办事处/乡镇政府 (owns `territorial`);
 * section: a 股室/中队 inside another unit (see `parent`).
 */
export const UNIT_KINDS = ['command', 'supervision', 'department', 'utility', 'street_office', 'section'] as const
export type UnitKind = (typeof UNIT_KINDS)[number]

export interface Unit {
  /** Stable code, e.g. `transport`. `territorial` is reserved. */
  code: string
  name: string
  nameEn: string
  kind: UnitKind
  /** The unit a `section` belongs to. */
  parent?: string
  /** For a `street_office`: the 12-digit division code of its street/town. */
  regionCode?: string
}

export interface FineClass {
  /** 6 digits, starting with its subclass code. */
  code: string
  name: string
  nameEn: string
  /** A unit code, or `territorial`. */
  responsible: string
  /** An urgent safety hazard (R4–R7, R10, R11). */
  safetyHazard: boolean
}

export interface TaxonomySubclass {
  /** 4 digits, starting with its class code. */
  code: string
  name: string
  nameEn: string
  /** 牵头单位: takes what nobody else owns (R7, R12). Always a real unit, never `territorial`. */
  leadUnit: string
  fineClasses: FineClass[]
}

export interface TaxonomyClass {
  /** 2 digits. */
  code: string
  name: string
  nameEn: string
  subclasses: TaxonomySubclass[]
}

export interface Taxonomy {
  note?: string
  responsibleRule?: Record<string, string>
  units: Unit[]
  classes: TaxonomyClass[]
}

/** A fine class with its parents, as found by `fineClassInfo`. */
export interface FineClassInfo {
  fine: FineClass
  subclass: TaxonomySubclass
  class: TaxonomyClass
}

export type CodeLevel = 'class' | 'subclass' | 'fine'
