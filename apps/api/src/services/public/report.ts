import type { Crs } from '@hanjiang/shared'
import { countPublicPhotos, findByTrackingCode, insertPublicReport } from '../../db/repositories/public.ts'
import type { Database } from '../../db/types.ts'
import type { Actor } from '../../http/actor.ts'
import { problems } from '../../http/problem.ts'
import { createIncident } from '../incidents/create.ts'
import { PUBLIC_LIMITS, type RateLimiter } from './rate-limiter.ts'

export const PUBLIC_ACTOR: Actor = { id: 'public-web', role: 'public' }

export interface PublicReportInput {
  requestType: 'complaint' | 'report' | 'suggestion' | 'consultation' | 'help'
  fineClass?: string | null
  description: string
  location?: { lng: number; lat: number; crs?: Crs } | null
  address?: string | null
  phone?: string | null
  name?: string | null
  photos: string[]
  /** The reporter allows their photos on the public tracking page. */
  photosPublic: boolean
  clientId?: string | null
}

export interface PublicReportResult {
  trackingCode: string
  state: string
  createdAt: string
  replayed: boolean
}

/**
 * A citizen's report from the public page: limited per IP and per phone number, then the
 * normal intake (channel `public_web`, actor `public`). Answers only the tracking code — random and not
 * derivable from the incident code or another tracking code (create.ts `newTrackingCode`, 60 random bits).
 */
export async function submitPublicReport({
  database,
  limiter,
  ip,
  input,
}: {
  database: Database
  limiter: RateLimiter
  ip: string
  input: PublicReportInput
}): Promise<PublicReportResult> {
  await limiter.enforce([
    [PUBLIC_LIMITS.reportPerIp, ip],
    [PUBLIC_LIMITS.reportPerPhone, input.phone || null],
  ])
  if (input.photos.length && (await countPublicPhotos(database, input.photos)) !== new Set(input.photos).size) {
    throw problems.unprocessable('unknown_photo', 'A photo id is unknown or was not uploaded through the public form', {
      errors: [{ path: 'photos', message: 'upload the photos with POST /api/public/photos' }],
    })
  }
  const { replayed, incident } = await createIncident({
    database,
    actor: PUBLIC_ACTOR,
    input: {
      channel: 'public_web',
      requestType: input.requestType,
      fineClass: input.fineClass ?? null,
      location: input.location ?? null,
      address: input.address ?? null,
      description: input.description,
      reporter: input.phone || input.name ? { name: input.name ?? null, phone: input.phone ?? null } : null,
      photos: input.photos.length ? input.photos : undefined,
      clientId: input.clientId ?? null,
    },
  })
  // Its own statement after the intake's (the intake batches many reports in one): a crash in between
  // leaves photosPublic unset, i.e. false — the safe side.
  if (!replayed) await insertPublicReport(database, await incidentIdOf(database, incident.trackingCode), input.photosPublic)
  return { trackingCode: incident.trackingCode, state: incident.state, createdAt: incident.createdAt, replayed }
}

async function incidentIdOf(database: Database, trackingCode: string): Promise<number> {
  const t = await findByTrackingCode(database, trackingCode)
  return t!.id
}
