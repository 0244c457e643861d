import { z } from 'zod'

/** Answers of the inspectors' patrol page (`/api/patrol/…`): docs/DOMAIN.md, patrol and verification (核查). */

export const patrolGridSummarySchema = z
  .object({ code: z.string(), name: z.string(), hasRoute: z.boolean() })
  .meta({ id: 'PatrolGridSummary' })
export type PatrolGridSummary = z.infer<typeof patrolGridSummarySchema>

/** `GET /api/patrol/grids`: the inspector's grids, and the one at the given point. */
export const patrolGridsSchema = z
  .object({
    /** The inspector's area code prefixes. */
    areas: z.array(z.string()),
    /** The grid containing the point asked about, if any. */
    current: z.string().nullable(),
    grids: z.array(patrolGridSummarySchema),
  })
  .meta({ id: 'PatrolGrids' })
export type PatrolGrids = z.infer<typeof patrolGridsSchema>

export const photoLinkSchema = z.object({ id: z.string(), url: z.string(), thumbnailUrl: z.string() }).meta({ id: 'PhotoLink' })
export type PhotoLink = z.infer<typeof photoLinkSchema>

const pointGeometrySchema = z.object({ type: z.literal('Point'), coordinates: z.array(z.number()) })

/** A resolved incident in the inspector's areas waiting for verification, with the handler's note and photos. */
export const verificationItemSchema = z
  .object({
    code: z.string(),
    version: z.number().int(),
    fineClass: z.string().nullable(),
    description: z.string(),
    address: z.string().nullable(),
    gridCode: z.string().nullable(),
    unitCode: z.string().nullable(),
    location: pointGeometrySchema.nullable(),
    /** UTC ISO-8601. */
    resolvedAt: z.string().nullable(),
    resolveNote: z.string().nullable(),
    afterPhotos: z.array(photoLinkSchema),
    beforePhotos: z.array(photoLinkSchema),
  })
  .meta({ id: 'VerificationItem' })
export type VerificationItem = z.infer<typeof verificationItemSchema>

export const verificationListSchema = z.object({ items: z.array(verificationItemSchema) }).meta({ id: 'VerificationList' })
export type VerificationList = z.infer<typeof verificationListSchema>
