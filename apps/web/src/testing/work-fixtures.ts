import type { WorkItem } from '../api/work.ts'

/** A workbench queue item as the API sends it (apps/api/src/services/workbench/queue.ts). */
export function workItem(over: Partial<WorkItem> = {}): WorkItem {
  return {
    code: 'HJ20261126-00001',
    state: 'dispatched',
    version: 3,
    channel: 'hotline_12345',
    requestType: 'complaint',
    track: 'normal',
    type: 'complaint',
    fineClass: { code: '020602', name: '暴露垃圾', subclass: null },
    safetyHazard: false,
    location: { lng: 119.12, lat: 25.48 },
    address: '涵西街道 某路 1 号',
    description: '路边垃圾堆积多日无人清理',
    reporter: { name: '张*', phone: '138****1234' },
    unit: { code: 'city_admin', name: '区城管局' },
    suggestedUnit: null,
    street: null,
    needsReview: false,
    deadlines: {} as WorkItem['deadlines'],
    escalationLevel: 0,
    extensionPending: false,
    createdAt: '2026-11-26T09:00:00+08:00',
    updatedAt: '2026-11-26T09:00:00+08:00',
    hazardMarked: false,
    due: { kind: 'resolveBy', at: '2026-11-30T17:30:00+08:00', iso: '2026-11-30T09:30:00.000Z' },
    overdue: false,
    section: null,
    assignee: null,
    dispatchedAt: '2026-11-26T09:10:00+08:00',
    extensionReason: null,
    allowedActions: ['accept', 'returnToCenter'],
    ...over,
  } as WorkItem
}
