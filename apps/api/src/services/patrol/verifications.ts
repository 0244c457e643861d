import type { PhotoLink, VerificationList } from '@hanjiang/shared/contract'
import { verificationsInAreas } from '../../db/repositories/patrol.ts'
import type { Database } from '../../db/types.ts'
import type { Actor } from '../../http/actor.ts'
import { patrolPrefixes } from './scope.ts'

const photoUrls = (id: string): PhotoLink => ({ id, url: `/api/photos/${id}`, thumbnailUrl: `/api/photos/${id}/thumbnail` })

/** Resolved incidents in the actor's areas waiting for verification (核查), with the handler's note and photos. */
export async function listVerifications({ database, actor, limit = 100 }: { database: Database; actor: Actor; limit?: number }): Promise<VerificationList> {
  const rows = await verificationsInAreas(database, patrolPrefixes(actor), limit)
  return {
    items: rows.map((r) => ({
      code: r.code,
      version: r.version,
      fineClass: r.fineClass,
      description: r.description,
      address: r.address,
      gridCode: r.gridCode,
      unitCode: r.unitCode,
      location: r.location ? (JSON.parse(r.location) as VerificationList['items'][number]['location']) : null,
      resolvedAt: r.resolvedAt ? new Date(r.resolvedAt).toISOString() : null,
      resolveNote: r.note,
      afterPhotos: (r.photos ?? []).filter((p) => p.kind === 'after').map((p) => photoUrls(p.id)),
      beforePhotos: (r.photos ?? []).filter((p) => p.kind === 'before').map((p) => photoUrls(p.id)),
    })),
  }
}
