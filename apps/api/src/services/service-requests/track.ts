import { formatShanghai, maskName, type Rating } from '@hanjiang/shared'
import type { ServiceRequestPublic } from '@hanjiang/shared/contract'
import { findRequestByCode, type ServiceRequestRow } from '../../db/repositories/service-requests.ts'
import type { Database } from '../../db/types.ts'
import { problems } from '../../http/problem.ts'

export function publicView(r: ServiceRequestRow): ServiceRequestPublic {
  return {
    publicCode: r.publicCode,
    kind: r.kind,
    state: r.state,
    item: { code: r.itemCode, version: r.itemVersion, name: r.itemName, nameEn: r.itemNameEn },
    point: { code: r.pointCode, name: r.pointName, nameEn: r.pointNameEn, address: r.pointAddress },
    slotAt: formatShanghai(r.slotAt),
    deadline: formatShanghai(r.deadline),
    createdAt: formatShanghai(r.createdAt),
    servedAt: r.servedAt ? formatShanghai(r.servedAt) : null,
    cancelledAt: r.cancelledAt ? formatShanghai(r.cancelledAt) : null,
    citizenName: maskName(r.citizenName) ?? '',
    rating: { canRate: r.state === 'served' && r.satisfaction === null, given: (r.satisfaction as Rating | null) ?? null },
  }
}

/** A special-service request by its public code, as the citizen sees it (name masked, no phone). */
export async function trackServiceRequest(database: Database, publicCode: string): Promise<ServiceRequestPublic> {
  const r = await findRequestByCode(database, publicCode)
  if (!r) throw problems.notFound('service_request', 'No special-service request with this code')
  return publicView(r)
}
