import { z } from 'zod'
import { RATINGS } from '../public/rating.ts'
import { SERVICE_CATEGORIES, SERVICE_POINT_KINDS, SERVICE_REQUEST_STATES, SPECIAL_SERVICES } from '../services/vocabulary.ts'
import { instantSchema } from './common.ts'

/** The service side's answers (docs/SERVICES.md). */

export const serviceItemSchema = z
  .object({
    code: z.string(),
    version: z.number().int(),
    name: z.string(),
    nameEn: z.string().nullable(),
    category: z.enum(SERVICE_CATEGORIES),
    unitCode: z.string().nullable(),
    unitName: z.string(),
    materials: z.array(z.string()),
    steps: z.string(),
    /** Working days; 0 = done on the spot (即办件). */
    timeLimitDays: z.number().int(),
    fees: z.string(),
    onlinePrereview: z.boolean(),
    specialServices: z.array(z.enum(SPECIAL_SERVICES)),
    /** Stand-in content, to be checked before publishing. */
    demo: z.boolean(),
    pinyinInitials: z.string(),
    validFrom: instantSchema,
    validTo: instantSchema.nullable(),
  })
  .meta({ id: 'ServiceItem' })
export type ServiceItem = z.infer<typeof serviceItemSchema>

export const serviceItemListSchema = z
  .object({
    items: z.array(serviceItemSchema.extend({ via: z.enum(['text', 'pinyin', 'code']).optional() })),
  })
  .meta({ id: 'ServiceItemList' })

export const servicePointSchema = z
  .object({
    code: z.string(),
    name: z.string(),
    nameEn: z.string().nullable(),
    kind: z.enum(SERVICE_POINT_KINDS),
    regionCode: z.string(),
    address: z.string(),
    phone: z.string().nullable(),
    openingHours: z.string(),
    extendedHours: z.string().nullable(),
    slotMinutes: z.number().int(),
    slotCapacity: z.number().int(),
    lng: z.number(),
    lat: z.number(),
    itemCount: z.number().int(),
    /** Metres from the asked place (nearest only). */
    distanceM: z.number().optional(),
  })
  .meta({ id: 'ServicePoint' })
export type ServicePoint = z.infer<typeof servicePointSchema>
export const servicePointListSchema = z.object({ points: z.array(servicePointSchema) }).meta({ id: 'ServicePointList' })

/** An item's guide (办事指南): the item, how many points of each kind handle it. */
export const serviceGuideSchema = z
  .object({
    item: serviceItemSchema,
    points: z.object({ district_center: z.number().int(), town_center: z.number().int(), village_point: z.number().int() }),
  })
  .meta({ id: 'ServiceGuide' })

export const servicePointDetailSchema = z
  .object({ point: servicePointSchema, items: z.array(serviceItemSchema) })
  .meta({ id: 'ServicePointDetail' })

/** A point's slots on a day, with the seats left (working days only; empty otherwise). */
export const serviceSlotsSchema = z
  .object({
    pointCode: z.string(),
    date: z.string(),
    workingDay: z.boolean(),
    slots: z.array(z.object({ at: instantSchema, time: z.string(), kind: z.enum(['opening', 'extended']), left: z.number().int() })),
  })
  .meta({ id: 'ServiceSlots' })

/** A special-service request as the citizen tracks it (no phone; the name masked). */
export const serviceRequestPublicSchema = z
  .object({
    publicCode: z.string(),
    kind: z.enum(SPECIAL_SERVICES),
    state: z.enum(SERVICE_REQUEST_STATES),
    item: z.object({ code: z.string(), version: z.number().int(), name: z.string(), nameEn: z.string().nullable() }),
    point: z.object({ code: z.string(), name: z.string(), nameEn: z.string().nullable(), address: z.string() }),
    slotAt: instantSchema,
    deadline: instantSchema,
    createdAt: instantSchema,
    servedAt: instantSchema.nullable(),
    cancelledAt: instantSchema.nullable(),
    citizenName: z.string(),
    rating: z.object({ canRate: z.boolean(), given: z.enum(RATINGS).nullable() }),
  })
  .meta({ id: 'ServiceRequestPublic' })
export type ServiceRequestPublic = z.infer<typeof serviceRequestPublicSchema>

/** The same request for the point's staff and the hotline seat (the phone masked unless revealed elsewhere). */
export const serviceRequestStaffSchema = serviceRequestPublicSchema
  .extend({ citizenPhone: z.string(), channel: z.enum(['public_web', 'hotline']), note: z.string().nullable(), address: z.string().nullable(), onTime: z.boolean().nullable() })
  .meta({ id: 'ServiceRequestStaff' })
export const serviceRequestStaffListSchema = z.object({ requests: z.array(serviceRequestStaffSchema) }).meta({ id: 'ServiceRequestStaffList' })
