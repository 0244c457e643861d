import type { AnalyticsMeasures, ChoroplethLevel, ChoroplethMetric } from './query.ts'
import type { ClassMethod } from './classify.ts'
import type { EmergingClass } from './emerging.ts'

/** The answers of GET /api/analytics/* (apps/api/src/routes/analytics.ts), shared by the API and the web. */
export interface AnalyticsSummary extends AnalyticsMeasures {
  from: string
  to: string
}

export interface ChoroplethRegion extends AnalyticsMeasures {
  code: string
  name: string
  areaKm2: number
  value: number | null
}

export interface ChoroplethAnswer {
  level: ChoroplethLevel
  metric: ChoroplethMetric
  method: ClassMethod
  breaks: number[]
  regions: ChoroplethRegion[]
}

export interface HeatBin {
  lng: number
  lat: number
  count: number
  overdue: number
  urgent: number
}

export interface HeatmapAnswer {
  /** Bin size in degrees (a bin is [floor(lng / cell) · cell, + cell) × the same in latitude). */
  cell: number
  bins: HeatBin[]
}

export interface HexAnswer {
  resolution: number
  snap: number
  cells: (HeatBin & { h3: string; boundary: [number, number][] })[]
}

export interface HotspotFeature {
  code?: string
  name?: string
  h3?: string
  boundary?: [number, number][]
  lng: number
  lat: number
  count: number
  /** Counts of the previous periods, oldest first. */
  previous: number[]
  z: number
  p: number
  bin: -3 | -2 | -1 | 0 | 1 | 2 | 3
  emerging: EmergingClass
}

export interface HotspotAnswer {
  over: 'grid' | 'hex'
  periods: { from: string; to: string }[]
  resolution?: number
  neighbourhood: { kind: 'distanceBand'; metres: number } | { kind: 'h3Ring'; k: number }
  features: HotspotFeature[]
}

export interface TimeseriesAnswer {
  previous: { from: string; to: string }
  weeks: { week: string; count: number; overdue: number; urgent: number; previousWeek: string | null; previousCount: number | null }[]
  hourWeekday: { dow: number; hour: number; count: number }[]
}

/** One incident behind an analytics number. */
export interface AnalyticsDrillRow {
  code: string
  state: string
  fineClass: string | null
  className: string | null
  unitCode: string | null
  unitName: string | null
  address: string | null
  createdAt: string
  overdue: boolean
  urgent: boolean
}

export interface DrillAnswer {
  total: number
  items: AnalyticsDrillRow[]
}
