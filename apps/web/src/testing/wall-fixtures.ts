import type { WallStats } from '../api/incident-map.ts'

/** A small but complete wall answer for component and option tests. */
export function wallStatsFixture(over: Partial<WallStats> = {}): WallStats {
  return {
    generatedAt: '2026-05-01T10:00:00+08:00',
    day: '2026-05-01',
    totals: { today: 7, open: 12, overdue: 2, urgentOpen: 1 },
    intakeByChannel: [
      { channel: 'hotline_12345', count: 5 },
      { channel: 'patrol', count: 2 },
    ],
    byStreet: [
      { code: '350303001000', name: '涵东街道', open: 8, overdue: 2 },
      { code: '350303002000', name: '涵西街道', open: 4, overdue: 0 },
    ],
    onTime: { days: 30, closed: 40, onTime: 34, rate: 0.85 },
    topClasses: { days: 7, items: [{ code: '020602', count: 9, name: '暴露垃圾', nameEn: 'Exposed rubbish' }, { code: '010502', count: 3, name: '路面塌陷', nameEn: 'Road collapse' }] },
    events: [{ id: 3, code: 'HJ20260501-00003', action: 'dispatch', fromState: 'registered', toState: 'dispatched', at: '2026-05-01T09:58:00+08:00', state: 'dispatched', track: 'urgent', fineClass: '010502', streetCode: '350303001000', className: { name: '路面塌陷', nameEn: 'Road collapse' } }],
    urgent: [{ code: 'HJ20260501-00003', state: 'dispatched', fineClass: '010502', streetCode: '350303001000', unitCode: 'transport', address: '涵东 某路', createdAt: '2026-05-01T09:50:00+08:00', dueAt: '2026-05-01T15:58:00+08:00', overdue: false, className: { name: '路面塌陷', nameEn: 'Road collapse' }, unitName: { name: '区交通运输局', nameEn: 'Transport Bureau' } }],
    ...over,
  }
}
