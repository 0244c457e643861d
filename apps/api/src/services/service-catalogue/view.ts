import { formatShanghai } from '@hanjiang/shared'
import type { ServiceItem } from '@hanjiang/shared/contract'
import type { ServiceItemRow } from '../../db/repositories/service-catalogue.ts'

/** An item row on the wire: times in Shanghai, who edited it left out (the audit log has it). */
export function itemView(r: ServiceItemRow): ServiceItem {
  const { editedBy: _by, ...rest } = r
  return {
    ...rest,
    specialServices: r.specialServices as ServiceItem['specialServices'],
    validFrom: formatShanghai(r.validFrom),
    validTo: r.validTo ? formatShanghai(r.validTo) : null,
  }
}
