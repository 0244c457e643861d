/** Where an incident came in (R16: the 12345 hotline absorbs the branch hotlines 12315 / 12369). */
export const INCIDENT_CHANNELS = [
  'hotline_12345',
  'hotline_12315',
  'hotline_12369',
  'patrol',
  'public_web',
  'open311',
  'other_system',
] as const
export type IncidentChannel = (typeof INCIDENT_CHANNELS)[number]

/** The hotline seats' channels (the intake form's choice). */
export const HOTLINE_CHANNELS = ['hotline_12345', 'hotline_12315', 'hotline_12369'] as const satisfies readonly IncidentChannel[]

/** What the reporter asks for (诉求类型). */
export const REQUEST_TYPES = ['complaint', 'consultation', 'help', 'suggestion', 'report'] as const
export type RequestType = (typeof REQUEST_TYPES)[number]

/** How it is handled and timed: normal (R1/R2 by request type), simple (R3), urgent (R4–R7, R10). */
export const TRACKS = ['normal', 'simple', 'urgent'] as const
export type Track = (typeof TRACKS)[number]
