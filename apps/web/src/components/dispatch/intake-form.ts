import type { Crs } from '@hanjiang/shared/geo/crs'
import { normalizePhone } from '@hanjiang/shared/phone/normalize'
import type { NewIncident, RequestType, Track, Channel } from '../../api/incidents.ts'

/** The intake's point: as the seat gave it (map click and place search are WGS84; typed may be GCJ-02/BD-09). */
export interface IntakeLocation {
  lng: number
  lat: number
  crs: Crs
  via: 'map' | 'place' | 'typed'
  /** The place's name, when found by search. */
  label?: string
}

export interface IntakeFields {
  channel: Channel
  callerName: string
  callerPhone: string
  requestType: RequestType
  track: Track
  description: string
  fineClass: string | null
  address: string
  location: IntakeLocation | null
}

/** The API's own rule (normalizePhone, packages/shared), so the seat hears about a bad number before sending. */
const phoneOk = (raw: string) => normalizePhone(raw).ok

export type IntakeErrors = Partial<Record<'callerPhone' | 'callerName' | 'description' | 'location' | 'address', string>>

/** Field → i18n key of what is wrong; empty when the form can be sent. */
export function validateIntake(f: IntakeFields): IntakeErrors {
  const e: IntakeErrors = {}
  if (!f.description.trim()) e.description = 'intake.errors.descriptionRequired'
  else if (f.description.length > 4000) e.description = 'intake.errors.descriptionTooLong'
  if (f.callerPhone.trim() && !phoneOk(f.callerPhone.trim())) e.callerPhone = 'intake.errors.phone'
  if (f.callerName.length > 100) e.callerName = 'intake.errors.nameTooLong'
  if (f.address.length > 500) e.address = 'intake.errors.addressTooLong'
  // The API needs a point for a classified or urgent incident (assignment is by location).
  if (!f.location && (f.fineClass || f.track === 'urgent')) e.location = 'intake.errors.locationRequired'
  return e
}

/** The request body; the client id is kept across retries of one call so a resend never duplicates it. */
export function intakeBody(f: IntakeFields, clientId: string): NewIncident {
  const name = f.callerName.trim()
  const phone = f.callerPhone.trim()
  return {
    channel: f.channel,
    requestType: f.requestType,
    track: f.track,
    fineClass: f.fineClass,
    location: f.location ? { lng: f.location.lng, lat: f.location.lat, crs: f.location.crs } : null,
    address: f.address.trim() || f.location?.label || null,
    description: f.description.trim(),
    reporter: name || phone ? { name: name || null, phone: phone || null } : null,
    clientId,
  }
}

export function newClientId(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `c-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`
}
