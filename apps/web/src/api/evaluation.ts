import type { DrillAnswer, LedgerAnswer, LetterDetail, RankingsAnswer } from '@hanjiang/shared'
import { api, type ApiClient } from './client.ts'
import { csrfHeaders } from './csrf.ts'

/** The evaluation side of the API (apps/api/src/routes/{evaluation,letters}.ts); types from packages/shared. */
export function evaluationEndpoints(client: ApiClient = api) {
  const post = <T>(path: string, body: unknown) => client.request<T>(path, { method: 'POST', body, headers: csrfHeaders() })
  return {
    rankings: (period: string, level: 'unit' | 'street') => client.get<RankingsAnswer>('/api/evaluation/rankings', { query: { period, level } }),
    drill: (q: { period: string; level: string; code?: string; indicator: string; part?: 'numerator' | 'denominator' }) =>
      client.get<DrillAnswer>('/api/evaluation/incidents', { query: { ...q, limit: 200 } }),
    ledger: () => client.get<LedgerAnswer>('/api/supervision/ledger'),
    letter: (id: number) => client.get<LetterDetail>(`/api/letters/${id}`),
    issue: (body: { kind: 'warning' | 'supervision'; unitCode: string; body: string; deadline: string; indicator?: string | null; periodKey?: string | null; incidentCodes?: string[] }) =>
      post<LetterDetail>('/api/letters', body),
    step: (id: number, action: 'reply' | 'close' | 'send-back', body: { note: string; photos?: string[] }) => post<LetterDetail>(`/api/letters/${id}/${action}`, body),
  }
}
