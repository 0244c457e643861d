import { z } from 'zod'
import { ASSIGNMENT_RULES } from '../assignment/types.ts'
import { CRS_VALUES } from '../geo/crs.ts'
import { DEADLINE_KINDS, INCIDENT_TYPES } from '../deadlines/types.ts'
import { INCIDENT_CHANNELS, REQUEST_TYPES, TRACKS } from '../incidents/vocabulary.ts'
import { RATINGS } from '../public/rating.ts'
import { REGION_LEVELS } from '../regions/levels.ts'
import { INCIDENT_STATES, WORKFLOW_ACTIONS } from '../workflow/states.ts'
import { instantSchema, namedSchema, pointSchema } from './common.ts'

/**
 * The incident answers of the API (apps/api/src/services/incidents/view.ts builds them, typed by these), as the
 * web reads them. Times are ISO-8601 with +08:00.
 */

/** A region the incident lies in; the name when the intake's snapshot knew it. */
const regionRefSchema = z.object({ code: z.string(), name: z.string().nullable() })
const bilingualSchema = z.object({ zh: z.string(), en: z.string() })

/** Every deadline the incident has (null: not set / not this type's). */
export const deadlinesSchema = z.object({
  dispatchBy: instantSchema.nullable(),
  arriveBy: instantSchema.nullable(),
  handleBy: instantSchema.nullable(),
  resolveBy: instantSchema.nullable(),
  ownershipBy: instantSchema.nullable(),
  callbackAt: instantSchema.nullable(),
  overdueAt: instantSchema.nullable(),
})
export type Deadlines = z.infer<typeof deadlinesSchema>
/** The deadline fields of an incident (the computed kinds, and `overdueAt`). */
export type DeadlineField = keyof Deadlines

/** A row of `GET /api/incidents` (reporter masked). */
export const incidentListItemSchema = z
  .object({
    code: z.string(),
    state: z.enum(INCIDENT_STATES),
    version: z.number().int(),
    channel: z.enum(INCIDENT_CHANNELS),
    requestType: z.enum(REQUEST_TYPES),
    track: z.enum(TRACKS),
    type: z.enum(INCIDENT_TYPES),
    fineClass: z.object({ code: z.string(), name: z.string(), subclass: namedSchema.nullable() }).nullable(),
    safetyHazard: z.boolean(),
    location: pointSchema.nullable(),
    address: z.string().nullable(),
    description: z.string(),
    reporter: z.object({ name: z.string().nullable(), phone: z.string().nullable() }),
    unit: namedSchema.nullable(),
    suggestedUnit: namedSchema.nullable(),
    street: regionRefSchema.nullable(),
    needsReview: z.boolean(),
    deadlines: deadlinesSchema,
    escalationLevel: z.number().int(),
    extensionPending: z.boolean(),
    createdAt: instantSchema,
    updatedAt: instantSchema,
  })
  .meta({ id: 'IncidentListItem' })
export type IncidentListItem = z.infer<typeof incidentListItemSchema>

/** The assignment computed at intake (or on reclassification), stored with the incident. */
export const assignmentSnapshotSchema = z.looseObject({
  unit: namedSchema.optional(),
  rule: z.enum(ASSIGNMENT_RULES).optional(),
  needsReview: z.boolean().optional(),
  area: z.object({ areaId: z.union([z.string(), z.number()]), name: z.string() }).nullable().optional(),
  explanation: z.array(bilingualSchema).optional(),
  candidates: z
    .array(
      z.object({
        unit: namedSchema,
        rule: z.enum(ASSIGNMENT_RULES),
        area: z.object({ areaId: z.union([z.string(), z.number()]), name: z.string() }).optional(),
        reason: bilingualSchema,
        beatenBy: bilingualSchema,
      }),
    )
    .optional(),
  street: namedSchema.nullable().optional(),
  community: namedSchema.nullable().optional(),
  grid: namedSchema.nullable().optional(),
  nearBoundary: z
    .object({ level: z.enum(REGION_LEVELS), neighbour: namedSchema, distanceM: z.number() })
    .nullable()
    .optional(),
  point: pointSchema.optional(),
})
export type AssignmentSnapshot = z.infer<typeof assignmentSnapshotSchema>

/** `GET /api/incidents/:code` and every write's answer: the incident for the caller, with its allowed actions. */
export const incidentDetailSchema = incidentListItemSchema
  .extend({
    trackingCode: z.string(),
    locationCrs: z.enum(CRS_VALUES).nullable(),
    firstUnit: namedSchema.nullable(),
    regions: z.object({
      street: regionRefSchema.nullable(),
      community: regionRefSchema.nullable(),
      grid: regionRefSchema.nullable(),
    }),
    regionVersions: z.object({ street: z.number().nullable(), community: z.number().nullable(), grid: z.number().nullable() }),
    assignment: assignmentSnapshotSchema.nullable(),
    reworkCount: z.number().int(),
    reopenCount: z.number().int(),
    hazardMarked: z.boolean(),
    /** R8: the pending extension request. */
    extension: z.object({ pending: z.boolean(), requestedDueAt: instantSchema.nullable(), reason: z.string().nullable() }),
    primaryCode: z.string().nullable(),
    satisfaction: z.enum(RATINGS).nullable(),
    createdBy: z.string().nullable(),
    registeredAt: instantSchema.nullable(),
    dispatchedAt: instantSchema.nullable(),
    acceptedAt: instantSchema.nullable(),
    arrivedAt: instantSchema.nullable(),
    resolvedAt: instantSchema.nullable(),
    closedAt: instantSchema.nullable(),
    allowedActions: z.array(z.enum(WORKFLOW_ACTIONS)),
  })
  .meta({ id: 'IncidentDetail' })
export type IncidentDetail = z.infer<typeof incidentDetailSchema>

export const incidentPageSchema = z
  .object({ items: z.array(incidentListItemSchema), nextCursor: z.string().nullable() })
  .meta({ id: 'IncidentPage' })
export type IncidentPage = z.infer<typeof incidentPageSchema>

/** `GET /api/dispatch/queue`: one page of the desk's queue, with the counts of everything waiting. */
export const deskQueuePageSchema = incidentPageSchema
  .extend({ total: z.number().int(), urgent: z.number().int() })
  .meta({ id: 'DeskQueuePage' })
export type DeskQueuePage = z.infer<typeof deskQueuePageSchema>

export const OWED_CALLBACK_KINDS = ['r10', 'progress', 'satisfaction'] as const
export type OwedCallbackKind = (typeof OWED_CALLBACK_KINDS)[number]

export const owedCallbackItemSchema = incidentListItemSchema
  .extend({ callback: z.object({ kind: z.enum(OWED_CALLBACK_KINDS), dueAt: instantSchema }) })
  .meta({ id: 'OwedCallbackItem' })
export type OwedCallbackItem = z.infer<typeof owedCallbackItemSchema>

/** `GET /api/dispatch/queue?view=callbacks`: the longest owed first; `urgent` counts the R10 ones. */
export const owedCallbacksPageSchema = z
  .object({
    items: z.array(owedCallbackItemSchema),
    nextCursor: z.string().nullable(),
    total: z.number().int(),
    urgent: z.number().int(),
  })
  .meta({ id: 'OwedCallbacksPage' })
export type OwedCallbacksPage = z.infer<typeof owedCallbacksPageSchema>

export const PHOTO_KINDS = ['before', 'after', 'attachment'] as const
export const photoRefSchema = z.object({ id: z.string(), kind: z.enum(PHOTO_KINDS) })
export type PhotoRef = z.infer<typeof photoRefSchema>

/** One row of an incident's append-only event log. */
export const incidentEventSchema = z
  .object({
    id: z.number().int(),
    at: instantSchema,
    actor: z.string().nullable(),
    actorRole: z.string().nullable(),
    /** The acting user's display name, when the actor is a user account (not the system or a citizen). */
    actorName: z.string().nullable().optional(),
    action: z.string(),
    from: z.enum(INCIDENT_STATES).nullable(),
    to: z.enum(INCIDENT_STATES).nullable(),
    note: z.string().nullable(),
    /** `[{id, kind}]`; older rows may hold bare ids. */
    photos: z.array(z.union([photoRefSchema, z.string()])).nullable(),
    data: z.record(z.string(), z.unknown()).nullable(),
  })
  .meta({ id: 'IncidentEvent' })
export type IncidentEvent = z.infer<typeof incidentEventSchema>

/** `GET /api/incidents/:code/events`, oldest first. */
export const incidentEventsSchema = z
  .object({ code: z.string(), events: z.array(incidentEventSchema) })
  .meta({ id: 'IncidentEvents' })

/** `GET /api/deadlines/preview`: what registering now (or at `start`) would set. */
export const deadlinePreviewSchema = z
  .object({
    type: z.enum(INCIDENT_TYPES),
    start: instantSchema,
    deadlines: z.array(
      z.object({
        kind: z.enum(DEADLINE_KINDS),
        rule: z.enum(['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7', 'R10']),
        dueAt: instantSchema,
      }),
    ),
  })
  .meta({ id: 'DeadlinePreview' })
export type DeadlinePreview = z.infer<typeof deadlinePreviewSchema>
