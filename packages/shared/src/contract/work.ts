import { z } from 'zod'
import { NOTIFICATION_KINDS } from '../notifications/index.ts'
import { RATINGS } from '../public/rating.ts'
import { USER_ROLES, WORKFLOW_ACTIONS } from '../workflow/states.ts'
import { instantSchema, namedSchema } from './common.ts'
import { incidentListItemSchema } from './incidents.ts'
import { meSchema } from './system.ts'

/** Answers of the unit workbench, the bell, the citizens' tracking page and user administration. */

const zhEn = z.object({ zh: z.string(), en: z.string() })

/** A row of the unit's queue and ledger (`GET /api/workbench/queue`, `…/ledger`). */
export const workItemSchema = incidentListItemSchema
  .extend({
    hazardMarked: z.boolean(),
    /** The step's deadline (`at` +08:00, `iso` UTC). */
    due: z.object({ kind: z.enum(['resolveBy', 'handleBy', 'arriveBy']), at: instantSchema, iso: z.string() }).nullable(),
    overdue: z.boolean(),
    section: z.object({ code: z.string(), name: z.string().nullable() }).nullable(),
    /** The colleague it is handed to (username) and their display name. */
    assignee: z.string().nullable(),
    assigneeName: z.string().nullable(),
    dispatchedAt: instantSchema.nullable(),
    extensionReason: z.string().nullable(),
    allowedActions: z.array(z.enum(WORKFLOW_ACTIONS)),
  })
  .meta({ id: 'WorkItem' })
export type WorkItem = z.infer<typeof workItemSchema>

export const workQueueSchema = z
  .object({
    unitCode: z.string(),
    unit: z.object({ code: z.string(), name: z.string(), nameEn: z.string() }),
    items: z.array(workItemSchema),
    generatedAt: instantSchema,
  })
  .meta({ id: 'WorkQueue' })
export type WorkQueue = z.infer<typeof workQueueSchema>

/** `GET /api/workbench/colleagues`: the caller's own unit's handlers and supervisors. */
export const colleaguesSchema = z
  .object({
    unitCode: z.string(),
    colleagues: z.array(
      z.object({ username: z.string(), displayName: z.string(), roles: z.array(z.string()), /** The caller. */ me: z.boolean() }),
    ),
  })
  .meta({ id: 'Colleagues' })
export type Colleagues = z.infer<typeof colleaguesSchema>

/** One notification of the bell. */
export const notificationSchema = z
  .object({
    id: z.number().int(),
    kind: z.enum(NOTIFICATION_KINDS),
    incidentCode: z.string(),
    at: instantSchema,
    read: z.boolean(),
    data: z
      .looseObject({
        action: z.string().optional(),
        rule: z.string().optional(),
        level: z.number().optional(),
        message: zhEn.optional(),
        fineClass: z.string().optional(),
        unitCode: z.string().optional(),
        state: z.string().optional(),
      })
      .nullable(),
  })
  .meta({ id: 'Notification' })
export type AppNotification = z.infer<typeof notificationSchema>

export const notificationListSchema = z
  .object({ unread: z.number().int(), items: z.array(notificationSchema) })
  .meta({ id: 'NotificationList' })

export const PUBLIC_STEPS = [
  'received', 'registered', 'dispatched', 'accepted', 'on_site', 'resolved', 'closed', 'rework', 'returned', 'rejected',
  'merged', 'reopened', 'extension_requested', 'extended', 'rated', 'cluster_closed', 'cluster_reopened',
] as const
export type PublicStep = (typeof PUBLIC_STEPS)[number]

/** `GET /api/public/track/:code`: the report as its reporter sees it (nothing internal: no people, no notes). */
export const publicTrackSchema = z
  .object({
    trackingCode: z.string(),
    state: z.string(),
    stateLabel: zhEn,
    fineClass: namedSchema.nullable(),
    reportedAt: instantSchema,
    timeline: z.array(
      z.object({
        at: instantSchema,
        step: z.enum(PUBLIC_STEPS),
        unit: zhEn.nullable().optional(),
        text: z.string().nullable().optional(),
        photos: z.array(z.string()).optional(),
      }),
    ),
    rating: z.object({ canRate: z.boolean(), given: z.enum(RATINGS).nullable() }),
  })
  .meta({ id: 'PublicTrack' })
export type PublicTrack = z.infer<typeof publicTrackSchema>

/** A user as administration sees it. */
export const adminUserSchema = meSchema
  .omit({ permissions: true })
  .extend({
    roles: z.array(z.enum(USER_ROLES)),
    disabled: z.boolean(),
    lastLoginAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'AdminUser' })
export type AdminUser = z.infer<typeof adminUserSchema>
export const adminUserListSchema = z.object({ items: z.array(adminUserSchema) }).meta({ id: 'AdminUserList' })

/** `GET /api/admin/sign-in-throttle` (times +08:00). */
export const signInThrottleListSchema = z
  .object({
    maxFailures: z.number().int(),
    windowMinutes: z.number(),
    items: z.array(
      z.object({
        /** An IPv4 address or an IPv6 /64. */
        address: z.string(),
        failures: z.number().int(),
        throttled: z.boolean(),
        windowStart: instantSchema,
        windowEndsAt: instantSchema,
      }),
    ),
  })
  .meta({ id: 'SignInThrottleList' })
export type SignInThrottleList = z.infer<typeof signInThrottleListSchema>

/** `GET /api/audit`, newest first; `nextBefore` pages on. */
export const auditPageSchema = z
  .object({
    items: z.array(
      z.object({
        id: z.number().int(),
        at: z.string(),
        actor: z.object({ id: z.string(), username: z.string().nullable() }).nullable(),
        role: z.string().nullable(),
        action: z.string(),
        objectType: z.string().nullable(),
        objectId: z.string().nullable(),
        ip: z.string().nullable(),
        userAgent: z.string().nullable(),
        detail: z.unknown(),
      }),
    ),
    nextBefore: z.number().int().nullable(),
  })
  .meta({ id: 'AuditPage' })
export type AuditPage = z.infer<typeof auditPageSchema>
