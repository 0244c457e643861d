import { api, type ApiClient } from './client.ts'
import type { JsonBody } from './contract.ts'

/** The citizens' side of the API (apps/api/src/routes/public.ts): no sign-in, no personal data back. */

export type PublicStep =
  | 'received' | 'registered' | 'dispatched' | 'accepted' | 'on_site' | 'resolved' | 'closed' | 'rework'
  | 'returned' | 'rejected' | 'merged' | 'reopened' | 'extension_requested' | 'extended' | 'rated' | 'cluster_closed'
  | 'cluster_reopened'

export { RATINGS, type Rating } from '@hanjiang/shared'
import type { Rating } from '@hanjiang/shared'

/** `POST /api/public/reports`; the web always sends a client id (retries answer the first report). */
export type PublicReportBody = JsonBody<'/api/public/reports', 'post'> & { clientId: string }

// Answers the API does not describe yet (their routes answer `anyJson`): hand-typed until they get a schema.

export interface PublicTrack {
  trackingCode: string
  state: string
  stateLabel: { zh: string; en: string }
  fineClass: { code: string; name: string } | null
  reportedAt: string
  timeline: { at: string; step: PublicStep; unit?: { zh: string; en: string } | null; text?: string | null; photos?: string[] }[]
  rating: { canRate: boolean; given: Rating | null }
}

export function publicEndpoints(client: ApiClient = api) {
  return {
    report: (body: PublicReportBody) =>
      client.request<{ trackingCode: string; state: string; createdAt: string }>('/api/public/reports', { method: 'POST', body }),
    track: (code: string, signal?: AbortSignal) => client.get<PublicTrack>(`/api/public/track/${encodeURIComponent(code)}`, { signal }),
    rate: (code: string, rating: Rating) =>
      client.request<PublicTrack>(`/api/public/track/${encodeURIComponent(code)}/rating`, { method: 'POST', body: { rating } }),
  }
}

export const publicPhotoUrl = (trackingCode: string, id: string) =>
  `/api/public/track/${encodeURIComponent(trackingCode)}/photos/${encodeURIComponent(id)}`

/** Tracking codes are typed by people: upper-case, no spaces or dashes, Crockford's look-alikes mapped. */
export function normaliseTrackingCode(raw: string): string {
  return raw.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1')
}

export const isTrackingCode = (s: string) => /^[0-9A-HJKMNP-TV-Z]{12}$/.test(s)
