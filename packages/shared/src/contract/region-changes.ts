import { z } from 'zod'
import { REGION_LEVELS } from '../regions/levels.ts'

/** Grid editor change sets (docs/GRID-EDITOR.md). Geometries are GeoJSON (RFC 7946) objects. */

export const CHANGE_SET_STATES = ['draft', 'submitted', 'approved', 'rejected', 'withdrawn'] as const
export const CHANGE_OPS = ['create', 'update', 'retire'] as const

const geometry = z.object({ type: z.string(), coordinates: z.array(z.any()) }).meta({ id: 'GeoJsonGeometry' })

export const changeItemSchema = z
  .object({
    index: z.number().int(),
    op: z.enum(CHANGE_OPS),
    level: z.enum(REGION_LEVELS),
    /** Null for a new region until it is published (the next free code under its parent). */
    code: z.string().nullable(),
    parentCode: z.string().nullable(),
    name: z.string().nullable(),
    /** MultiPolygon; null for a retirement or a name-only update. */
    geometry: geometry.nullable(),
    baseVersion: z.number().int().nullable(),
    publishedVersion: z.number().int().nullable(),
  })
  .meta({ id: 'RegionChangeItem' })
export type RegionChangeItem = z.infer<typeof changeItemSchema>

export const changeSetSummarySchema = z
  .object({
    id: z.number().int(),
    title: z.string(),
    state: z.enum(CHANGE_SET_STATES),
    version: z.number().int(),
    createdBy: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
    submittedBy: z.string().nullable(),
    submittedAt: z.string().nullable(),
    decidedBy: z.string().nullable(),
    decidedAt: z.string().nullable(),
    decisionComment: z.string().nullable(),
    effectiveFrom: z.string().nullable(),
    publishedAt: z.string().nullable(),
    itemCount: z.number().int(),
  })
  .meta({ id: 'RegionChangeSetSummary' })
export type RegionChangeSetSummary = z.infer<typeof changeSetSummarySchema>

const place = z.object({
  streetCode: z.string().nullable(),
  communityCode: z.string().nullable(),
  gridCode: z.string().nullable(),
  unitCode: z.string().nullable(),
})

export const changeImpactSchema = z
  .object({
    regions: z.array(
      z.object({
        index: z.number().int(),
        op: z.enum(CHANGE_OPS),
        code: z.string(),
        name: z.string().nullable(),
        level: z.string().nullable(),
        areaBeforeM2: z.number().nullable(),
        areaAfterM2: z.number().nullable(),
      }),
    ),
    incidents: z.object({
      /** Every open incident that would move; `items` lists at most 500. */
      count: z.number().int(),
      items: z.array(z.object({ code: z.string(), state: z.string(), from: place, to: place.extend({ gridIndex: z.number().int().nullable() }) })),
    }),
    routes: z.array(z.object({ gridCode: z.string(), lengthM: z.number(), outsideM: z.number(), retired: z.boolean() })),
    areas: z.array(z.object({ id: z.number().int(), name: z.string(), unitCode: z.string(), changedM2: z.number() })),
  })
  .meta({ id: 'RegionChangeImpact' })
export type RegionChangeImpact = z.infer<typeof changeImpactSchema>

export const changeSetSchema = changeSetSummarySchema
  .extend({ items: z.array(changeItemSchema), preview: changeImpactSchema.nullable() })
  .meta({ id: 'RegionChangeSet' })
export type RegionChangeSet = z.infer<typeof changeSetSchema>

export const changeSetListSchema = z.object({ items: z.array(changeSetSummarySchema) }).meta({ id: 'RegionChangeSetList' })

const versionRef = z.object({ version: z.number().int(), validFrom: z.string(), validTo: z.string().nullable(), areaM2: z.number() })
export const regionDiffSchema = z
  .object({
    type: z.literal('FeatureCollection'),
    code: z.string(),
    from: versionRef,
    to: versionRef,
    addedM2: z.number(),
    removedM2: z.number(),
    features: z.array(
      z.object({ type: z.literal('Feature'), properties: z.object({ kind: z.enum(['added', 'removed']), areaM2: z.number() }), geometry }),
    ),
  })
  .meta({ id: 'RegionDiff' })
export type RegionDiff = z.infer<typeof regionDiffSchema>
