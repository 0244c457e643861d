import { HttpError, patrolApi, type IncidentBrief } from '../api/patrol.ts'
import { SendError, type Sender } from './flush.ts'
import type { OutboxItem, PhotoSlot } from './outbox.ts'

type Api = typeof patrolApi

/** lastError of an item that could not reach the server. */
export const NETWORK_ERROR = 'network'

/** Network failures, 5xx, 408/429 and an expired session are worth retrying; any other refusal is final. */
export function classify(e: unknown): SendError {
  if (e instanceof SendError) return e
  if (e instanceof HttpError) {
    const retry = e.status >= 500 || e.status === 408 || e.status === 429 || e.status === 401
    return new SendError(`${e.status} ${e.message}`, retry ? 'retry' : 'permanent')
  }
  // fetch's TypeError ("Failed to fetch"): offline or the server unreachable — the UI says so in its language.
  return new SendError(NETWORK_ERROR, 'retry')
}

/** Uploads the item's photos not uploaded yet (saving each id at once) and returns the ids per slot. */
async function uploadPhotos(api: Api, item: OutboxItem, save: (i: OutboxItem) => Promise<void>): Promise<Record<PhotoSlot, string[]>> {
  const out: Record<PhotoSlot, string[]> = { photos: [], beforePhotos: [], afterPhotos: [] }
  for (const p of item.photos) {
    if (!p.uploadedId) {
      p.uploadedId = (await api.uploadPhoto(new Blob([p.data], { type: p.type }), p.name)).id
      await save(item)
    }
    out[p.slot].push(p.uploadedId)
  }
  return out
}

const withPhotos = (body: Record<string, unknown>, ids: string[]) => (ids.length ? { ...body, photos: ids } : body)

/**
 * A workflow action taken offline carries the version seen then. 409 (someone moved it first, or our own earlier
 * attempt got through but its answer was lost): if our action is the incident's latest event, it is done.
 */
async function actOnce(api: Api, item: OutboxItem, code: string, action: string, body: Record<string, unknown>, me: string | null): Promise<void> {
  try {
    await api.act(code, action, body)
  } catch (e) {
    if (e instanceof HttpError && e.status === 409) {
      const { events } = await api.events(code)
      const last = events[events.length - 1]
      if (last?.action === action && (me === null || last.actor === me)) return
      throw new SendError(`${code}: ${e.message}`, 'permanent')
    }
    throw e
  }
}

export function createSender(api: Api = patrolApi, me: () => string | null = () => null): Sender {
  return async (item, save) => {
    try {
      const ids = await uploadPhotos(api, item, save)
      switch (item.kind) {
        case 'report': {
          await api.createIncident(item.key, withPhotos(item.payload, ids.photos))
          return
        }
        case 'selfResolve': {
          // Two steps: intake (idempotent by key), then selfResolve (reported → closed) with before/after photos.
          let created = item.progress?.incident as IncidentBrief | undefined
          if (!created) {
            created = await api.createIncident(item.key, withPhotos(item.payload, ids.beforePhotos))
            item.progress = { incident: created }
            await save(item)
          }
          if (created.state !== 'reported') return // the earlier attempt already closed it
          await actOnce(api, item, created.code, 'selfResolve', { version: created.version, beforePhotos: ids.beforePhotos, afterPhotos: ids.afterPhotos, note: item.payload.note ?? undefined }, me())
          return
        }
        case 'verify': {
          const { code, version, pass, reason } = item.payload as { code: string; version: number; pass: boolean; reason?: string }
          const body = pass ? { version, photos: ids.photos } : { version, reason, photos: ids.photos }
          await actOnce(api, item, code, pass ? 'verifyPass' : 'verifyFail', body, me())
          return
        }
        case 'track': {
          await api.uploadTrack({ ...(item.payload as Parameters<Api['uploadTrack']>[0]), chunkId: item.key })
          return
        }
      }
    } catch (e) {
      throw classify(e)
    }
  }
}
