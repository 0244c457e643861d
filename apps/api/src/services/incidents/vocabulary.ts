import type { IncidentType } from '@hanjiang/shared'

// The vocabularies live in packages/shared (the web and the contract use them too).
export { INCIDENT_CHANNELS, REQUEST_TYPES, TRACKS, type IncidentChannel, type RequestType, type Track } from '@hanjiang/shared'
import type { Track } from '@hanjiang/shared'

/**
 * The workflow's incident type (which deadline rules apply) from request type and track:
 * urgent and simple tracks are their own types; a normal consultation is a consultation (R2);
 * every other normal request (complaint, help, suggestion, report) is timed like a complaint (R1).
 */
export function incidentTypeOf(requestType: string, track: string): IncidentType {
  if (track === 'urgent') return 'urgent'
  if (track === 'simple') return 'simple'
  return requestType === 'consultation' ? 'consultation' : 'complaint'
}

/** Registering with an incident type sets the track (and, for complaint/consultation, the request type). */
export function classify(type: IncidentType, current: { requestType: string }): { track: Track; requestType: string } {
  switch (type) {
    case 'urgent':
      return { track: 'urgent', requestType: current.requestType }
    case 'simple':
      return { track: 'simple', requestType: current.requestType }
    case 'consultation':
      return { track: 'normal', requestType: 'consultation' }
    case 'complaint':
      return { track: 'normal', requestType: current.requestType === 'consultation' ? 'complaint' : current.requestType }
  }
}
