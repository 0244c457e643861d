import type { RegionLevel } from '../regions/levels.ts'
import type { FineClassInfo } from '../taxonomy/types.ts'

/** A text the dispatcher reads, in both UI languages (whole sentences, never concatenated fragments). */
export interface Bilingual {
  zh: string
  en: string
}

export interface UnitRef {
  code: string
  name: string
}

/** A unit with its optional English name, used only for the `en` explanations. */
export interface NamedUnit extends UnitRef {
  nameEn?: string
}

export interface RegionRef {
  code: string
  name: string
}

/**
 * Unit code → its name (a string, or `{name, nameEn}`), e.g. `unitDirectory(taxonomy)` plus the
 * street offices and sections. A code missing from it is shown by its code.
 */
export type UnitNameEntry = string | { name: string; nameEn?: string }
export type UnitNames = ReadonlyMap<string, UnitNameEntry> | Readonly<Record<string, UnitNameEntry>>

/** The regions containing the point (PostGIS `ST_Covers`); `street === null` means outside the district. */
export interface RegionsAtPoint {
  street: RegionRef | null
  community: RegionRef | null
  grid: RegionRef | null
}

interface AreaMatchBase {
  /** Primary key of the responsibility area; the last tie-break (lowest wins). */
  areaId: string | number
  name: string
  /** The unit (often a section or squad) that owns the area. */
  unitCode: string
  /** 2, 4 or 6 digits: the class, subclass or fine class the area is for. */
  classCode: string
}

export interface PolygonAreaMatch extends AreaMatchBase {
  geometryKind: 'polygon'
  /** Area of the polygon, m². */
  areaM2: number
}

export interface LineAreaMatch extends AreaMatchBase {
  geometryKind: 'line'
  /** Distance from the point to the line, m. */
  distanceM: number
  /** The line's buffer, m: it applies when `distanceM <= bufferM`. */
  bufferM: number
}

/** A responsibility area found at the point by the database. */
export type ResponsibilityAreaMatch = PolygonAreaMatch | LineAreaMatch

export const ASSIGNMENT_RULES = ['responsibility_area', 'fine_class', 'territorial', 'lead_unit_fallback', 'no_class'] as const
export type AssignmentRule = (typeof ASSIGNMENT_RULES)[number]

/** The point is within the threshold of the boundary with `neighbour` at `level`. */
export interface NearBoundary {
  level: RegionLevel
  neighbour: RegionRef
  distanceM: number
}

export interface AssignmentInput {
  /** `fineClassInfo(taxonomy, code)`, or null when no (known) fine class was given. */
  fine: FineClassInfo | null
  regions: RegionsAtPoint
  /** The street/town office unit of `regions.street`, or null when none is configured. */
  streetOffice: NamedUnit | null
  /** Every responsibility area at the point; those for other classes are ignored. */
  areaMatches: readonly ResponsibilityAreaMatch[]
  units: UnitNames
  commandCenter: NamedUnit
  /** From {@link nearBoundary}; adds a step to the explanation, does not change the unit. */
  nearBoundary?: NearBoundary | null
}

export interface AreaRef {
  areaId: string | number
  name: string
}

export interface AssignmentCandidate {
  unit: UnitRef
  rule: AssignmentRule
  /** Set when the candidate came from a responsibility area. */
  area?: AreaRef
  /** Why it was a candidate. */
  reason: Bilingual
  /** Why it lost. */
  beatenBy: Bilingual
}

export interface AssignmentDecision {
  unit: UnitRef
  rule: AssignmentRule
  /** Flag for the command center: the dispatcher must confirm or override. */
  needsReview: boolean
  /** The winning responsibility area (rule `responsibility_area`), else null. */
  area: AreaRef | null
  /** One entry per step of the chain, in order: location, class, matches, decision. */
  explanation: Bilingual[]
  candidates: AssignmentCandidate[]
}
