/**
 * The service side of the notice (§4–§6; docs/SERVICES.md): words both sides use. Kept in one place so the
 * database checks (drizzle/0030), the API's validation and the UI's labels cannot drift apart.
 */

/** Special services (特色服务, §6): appointment 预约, extended hours 延时, home visit 上门, proxy handling 代办. */
export const SPECIAL_SERVICES = ['appointment', 'extended_hours', 'home_visit', 'proxy'] as const
export type SpecialService = (typeof SPECIAL_SERVICES)[number]

export const SERVICE_CATEGORIES = ['utilities', 'civil_affairs', 'social_security', 'household', 'medical_insurance', 'housing', 'business', 'other'] as const
export type ServiceCategory = (typeof SERVICE_CATEGORIES)[number]

/** The district administrative service center, a town/street service center, a village agent point (便民代办点). */
export const SERVICE_POINT_KINDS = ['district_center', 'town_center', 'village_point'] as const
export type ServicePointKind = (typeof SERVICE_POINT_KINDS)[number]

/** A request is `booked` until the point serves it, the citizen cancels, or the slot passes unattended. */
export const SERVICE_REQUEST_STATES = ['booked', 'served', 'cancelled', 'no_show'] as const
export type ServiceRequestState = (typeof SERVICE_REQUEST_STATES)[number]

export const SERVICE_ITEM_CODE_RE = /^[A-Z0-9][A-Z0-9-]{1,31}$/

export const SPECIAL_SERVICE_LABELS: Record<SpecialService, { zh: string; en: string }> = {
  appointment: { zh: '预约办理', en: 'Appointment' },
  extended_hours: { zh: '延时服务', en: 'Extended hours' },
  home_visit: { zh: '上门服务', en: 'Home visit' },
  proxy: { zh: '代办服务', en: 'Proxy handling' },
}
