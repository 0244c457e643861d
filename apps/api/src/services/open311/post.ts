import { CRS_VALUES, fineClassInfo, isCrs, type Crs } from '@hanjiang/shared'
import { runAudited } from '../../auth/audit-writes.ts'
import { sha256 } from '../../auth/crypto.ts'
import { useToken } from '../../db/repositories/api-keys.ts'
import type { Database } from '../../db/types.ts'
import type { Actor } from '../../http/actor.ts'
import { actorOfApiKey } from '../api-keys/actor.ts'
import { enforceKeyRate } from '../api-keys/rate.ts'
import { reference } from '../assignment/reference-cache.ts'
import { createIncident } from '../incidents/create.ts'
import { REQUEST_TYPES, type RequestType } from '../incidents/vocabulary.ts'
import type { RateLimiter } from '../public/rate-limiter.ts'
import { open311Errors } from './format.ts'

/**
 * POST requests (docs/OPEN311.md): a unit's API key with `open311:write`, then the normal intake — assignment,
 * deadlines, timers — with channel `open311`, idempotent per key on the client's `client_id` (extension) or
 * Idempotency-Key header. The reporter's name and phone are stored like any intake's (masked in every read, never
 * in an Open311 answer); e-mail, device_id and account_id are not kept.
 */

export const DESCRIPTION_MAX = 4000

export type PostFields = Record<string, string | string[] | undefined>

const one = (f: PostFields, k: string): string | undefined => {
  const v = f[k]
  const s = Array.isArray(v) ? v[0] : v
  return s === undefined || s.trim() === '' ? undefined : s.trim()
}

function coordinate(name: string, v: string): number {
  if (!/^[+-]?\d+(\.\d+)?$/.test(v)) throw open311Errors.badRequest(`${name} must be a decimal number of degrees (got "${v}")`)
  return Number(v)
}

/** The authenticated key behind `api_key`: 403 when missing, unknown, revoked, expired or without the scope. */
export async function open311Key(database: Database, apiKey: string | undefined) {
  if (!apiKey) throw open311Errors.forbidden('api_key is required to post a service request')
  const use = await useToken(database, sha256(apiKey))
  if (!use || use.kind !== 'key') throw open311Errors.forbidden('api_key is not valid (unknown, revoked or expired)')
  if (!use.scopes.includes('open311:write')) throw open311Errors.forbidden('api_key does not hold the open311:write scope')
  return use
}

export async function postRequest({
  database,
  limiter,
  fields,
  idempotencyKey,
  client,
}: {
  database: Database
  limiter: RateLimiter
  fields: PostFields
  idempotencyKey?: string | null
  client: Pick<Actor, 'ip' | 'userAgent'>
}) {
  const key = await open311Key(database, one(fields, 'api_key'))
  await enforceKeyRate(limiter, key)
  const actor = actorOfApiKey(key, client)

  const serviceCode = one(fields, 'service_code')
  if (!serviceCode) throw open311Errors.badRequest('service_code is required')
  const ref = await reference(database)
  const info = /^\d{6}$/.test(serviceCode) ? fineClassInfo(ref.taxonomy, serviceCode) : null
  if (!info) throw open311Errors.notFound(`service_code ${serviceCode} was not found`)

  const lat = one(fields, 'lat')
  const long = one(fields, 'long')
  if (!lat || !long) {
    const alt = one(fields, 'address_string') || one(fields, 'address_id')
    throw open311Errors.badRequest(
      alt
        ? 'lat and long are required: this jurisdiction assigns requests by coordinates, address_string/address_id alone cannot be located'
        : 'A location is required: send lat and long (WGS84, or set crs)',
    )
  }
  const crsRaw = (one(fields, 'crs') ?? 'wgs84').toLowerCase()
  if (!isCrs(crsRaw)) throw open311Errors.badRequest(`crs must be one of ${CRS_VALUES.join(', ')} (got "${crsRaw}")`)
  const crs: Crs = crsRaw

  const description = one(fields, 'description')
  if (description && [...description].length > DESCRIPTION_MAX) {
    throw open311Errors.badRequest(`description is at most ${DESCRIPTION_MAX} characters (got ${[...description].length})`)
  }
  const requestType = one(fields, 'attribute[request_type]') ?? 'report'
  if (!(REQUEST_TYPES as readonly string[]).includes(requestType)) {
    throw open311Errors.badRequest(`attribute[request_type] must be one of ${REQUEST_TYPES.join(', ')}`)
  }
  const address = one(fields, 'address_string')
  if (address && address.length > 500) throw open311Errors.badRequest('address_string is at most 500 characters')
  const name = [one(fields, 'last_name'), one(fields, 'first_name')].filter(Boolean).join('') || null
  const phone = one(fields, 'phone') ?? null
  if (phone && !/^\+?[0-9][0-9 -]{2,24}$/.test(phone)) throw open311Errors.badRequest('phone must be a phone number (digits, spaces, dashes)')
  if (name && name.length > 100) throw open311Errors.badRequest('first_name and last_name together are at most 100 characters')
  const mediaUrl = one(fields, 'media_url')
  if (mediaUrl && (mediaUrl.length > 2000 || !/^https?:\/\//i.test(mediaUrl))) throw open311Errors.badRequest('media_url must be an http(s) URL')
  const clientId = idempotencyKey ?? one(fields, 'client_id') ?? null
  if (clientId && (clientId.length > 150 || !/^[\x21-\x7e]+$/.test(clientId))) {
    throw open311Errors.badRequest('client_id is at most 150 printable ASCII characters without spaces')
  }

  const entry = {
    actorId: null,
    actorUsername: actor.id,
    role: 'public',
    action: 'open311.request.create',
    objectType: 'incident',
    objectId: null,
    ip: client.ip ?? null,
    userAgent: client.userAgent ?? null,
    detail: { route: 'POST /open311/v2/requests', apiKey: { id: key.id, name: key.name }, serviceCode },
  }
  const { replayed, incident } = await runAudited(database, entry, () =>
    createIncident({
      database,
      actor,
      input: {
        channel: 'open311',
        requestType: requestType as RequestType,
        fineClass: serviceCode,
        location: { lng: coordinate('long', long), lat: coordinate('lat', lat), crs },
        address: address ?? null,
        description: description ?? `${info.fine.name}（Open311 上报）`,
        reporter: name || phone ? { name, phone } : null,
        note: mediaUrl ? `media_url: ${mediaUrl}` : null,
      },
      // Per key: two clients may use the same client ids without meeting.
      idempotencyKey: clientId ? `open311:${key.id}:${clientId}` : null,
    }),
  )
  const unit = incident.suggestedUnit
  return {
    replayed,
    body: [
      {
        service_request_id: incident.code,
        token: incident.trackingCode,
        service_notice: `已受理，建议责任单位：${unit?.name ?? '指挥中心'}；可凭 service_request_id 查询进度 (accepted; suggested unit: ${unit?.code ?? 'command_center'})`,
        account_id: null,
      },
    ],
  }
}
