/** Incident fixtures for the desk's unit tests, shaped like the API's answers. */
import type { IncidentDetail, IncidentListItem } from '../api/incidents.ts'
import { territorialAnswer } from './fixtures.ts'

const none = { dispatchBy: null, arriveBy: null, handleBy: null, resolveBy: null, ownershipBy: null, callbackAt: null, overdueAt: null }

export function listItem(over: Partial<IncidentListItem> = {}): IncidentListItem {
  return {
    code: 'HJ20261126-0001',
    state: 'reported',
    version: 1,
    channel: 'hotline_12345',
    requestType: 'complaint',
    track: 'normal',
    type: 'complaint',
    fineClass: { code: '020602', name: '积存垃圾渣土', subclass: { code: '0206', name: '市容环境' } },
    safetyHazard: false,
    location: { lng: 119.1168, lat: 25.4619 },
    address: null,
    description: '垃圾堆积多日无人清运',
    reporter: { name: '李*', phone: '138****5678' },
    unit: null,
    suggestedUnit: { code: 'office_350303001', name: '涵东街道办事处' },
    street: { code: '350303001000', name: '涵东街道' },
    needsReview: false,
    deadlines: { ...none },
    escalationLevel: 0,
    extensionPending: false,
    createdAt: '2026-11-26T09:00:00.000+08:00',
    updatedAt: '2026-11-26T09:00:00.000+08:00',
    ...over,
  }
}

export function detail(over: Partial<IncidentDetail> = {}): IncidentDetail {
  const { point: _p, crs: _c, fineClass: _f, regionVersions: _r, ...assignment } = territorialAnswer
  return {
    ...listItem(),
    trackingCode: 'T-ABC',
    locationCrs: 'wgs84',
    firstUnit: null,
    regions: {
      street: { code: '350303001000', name: '涵东街道' },
      community: { code: '350303001002', name: '顶铺社区居委会' },
      grid: { code: '350303001002002', name: '顶铺社区002网格' },
    },
    regionVersions: { street: 2, community: 16, grid: 271 },
    assignment,
    reworkCount: 0,
    reopenCount: 0,
    hazardMarked: false,
    extension: { pending: false, requestedDueAt: null, reason: null },
    primaryCode: null,
    satisfaction: null,
    createdBy: 'dispatcher',
    registeredAt: null,
    dispatchedAt: null,
    acceptedAt: null,
    arrivedAt: null,
    resolvedAt: null,
    closedAt: null,
    allowedActions: ['register', 'reject', 'merge'],
    ...over,
  }
}
