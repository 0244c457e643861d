import type { Indicators, RateKey } from './indicators.ts'
import type { ScoreComponent } from './scores.ts'

/** The evaluation API's answers (apps/api/src/routes/{evaluation,letters}.ts), shared with the web app. */

export interface ScopeIndicatorsRow {
  code: string
  name: string
  nameEn: string
  indicators: Indicators
  score: { score: number | null; parts: { indicator: RateKey; weight: number; rate: number | null; points: number | null }[] }
}

export interface IndicatorsAnswer {
  period: { key: string; firstDay: string; lastDay: string; asOf: string }
  level: 'district' | 'street' | 'unit'
  scheme: { components: ScoreComponent[]; source: 'published' | 'period' | 'default' }
  rows: ScopeIndicatorsRow[]
}

export interface RankingAnswerRow {
  code: string
  name: string
  nameEn: string
  score: number | null
  parts: ScopeIndicatorsRow['score']['parts']
  indicators: Indicators
  rank: number | null
  previousRank: number | null
  previousScore: number | null
  rankChange: number | null
  scoreChange: number | null
  list: 'red' | 'black' | null
}

export interface RankingsAnswer {
  period: { key: string; firstDay: string; lastDay: string }
  level: 'unit' | 'street'
  published: { at: string; by: string } | null
  previousPeriod: string
  rows: RankingAnswerRow[]
}

export interface DrillAnswer {
  period: string
  level: string
  code: string | null
  indicator: string
  counts: string
  total: number
  items: { id: number; code: string; state: string; track: string; fineClass: string | null; unitCode: string | null; streetCode: string | null; address: string | null; createdAt: string }[]
}

export interface LetterView {
  id: number
  number: string
  kind: 'warning' | 'supervision'
  title: string
  unit: { code: string; name: string }
  body: string
  indicator: string | null
  periodKey: string | null
  incidentCodes: string[]
  deadline: string
  state: 'issued' | 'replied' | 'closed'
  overdue: boolean
  escalationLevel: number
  issuedBy: string
  issuedAt: string
  repliedAt: string | null
  closedAt: string | null
}

export interface LetterEventView {
  id: number
  at: string
  actor: string
  actorRole: string
  action: string
  fromState: string | null
  toState: string | null
  note: string | null
  photos: string[] | null
  data: unknown
}

export interface LetterDetail extends LetterView {
  events: LetterEventView[]
}

export interface SupervisionCheckView {
  id: number
  checkedAt: string
  unitCode: string | null
  unitName: string | null
  place: string
  finding: string
  state: string
  letterId: number | null
  createdBy: string
}

export interface LedgerAnswer {
  letters: LetterView[]
  checks: SupervisionCheckView[]
}
