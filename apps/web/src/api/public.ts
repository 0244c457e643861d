import { api, type ApiClient } from './client.ts'
import type { JsonBody, Schemas } from './contract.ts'

/** The citizens' side of the API (apps/api/src/routes/public.ts): no sign-in, no personal data back. */

export { RATINGS, type Rating } from '@hanjiang/shared'
import type { Rating } from '@hanjiang/shared'

/** `POST /api/public/reports`; the web always sends a client id (retries answer the first report). */
export type PublicReportBody = JsonBody<'/api/public/reports', 'post'> & { clientId: string }

/** `GET /api/public/track/:code`: the report as its reporter sees it. */
export type PublicTrack = Schemas['PublicTrack']
export type PublicStep = PublicTrack['timeline'][number]['step']

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
