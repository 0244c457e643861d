import { z } from 'zod'
import { PERMISSIONS } from '../auth/permissions.ts'
import { USER_ROLES } from '../workflow/states.ts'
import { REGION_LEVELS } from '../regions/levels.ts'
import { UNIT_KINDS } from '../taxonomy/types.ts'
import { namedSchema } from './common.ts'
import { BASEMAP_TYPES } from '../geo/basemaps.ts'
import { MAP_CRS_VALUES } from '../geo/map-crs.ts'

/** `GET /api/health` */
export const healthSchema = z
  .object({
    status: z.enum(['ok', 'degraded']),
    engine: z.enum(['embedded', 'server']),
    postgres: z.string(),
    postgis: z.string(),
    migrations: z.object({ applied: z.number().int(), total: z.number().int(), pending: z.array(z.string()) }),
    /** The demo's incident history: 'generating' while a first demo start is still writing it ('none' outside the demo). */
    demoData: z
      .object({ state: z.enum(['none', 'generating', 'ready']), written: z.number().int(), total: z.number().int().nullable() })
      .optional(),
    /**
     * DATABASE_READ_URL's standby, when one is configured: `reads` says where map layers, analytics, the wall and
     * exports go right now (the primary while the standby is down or more than `maxLagSeconds` behind).
     */
    readReplica: z
      .object({
        state: z.enum(['ok', 'lagging', 'down']),
        reads: z.enum(['replica', 'primary']),
        lagSeconds: z.number().nullable(),
        lagBytes: z.number().nullable(),
        maxLagSeconds: z.number(),
        checkedAt: z.string().nullable(),
        reason: z.string().optional(),
      })
      .optional(),
  })
  .meta({ id: 'Health' })
export type Health = z.infer<typeof healthSchema>

/** A basemap the layer panel offers (docs/BASEMAPS.md); none configured (the default) → only our own layers. */
export const basemapSchema = z
  .object({
    id: z.string(),
    label: z.string(),
    preset: z.enum(['tianditu:vec', 'tianditu:img', 'tianditu:ter', 'xyz', 'wmts', 'style', 'pmtiles']),
    type: z.enum(BASEMAP_TYPES),
    url: z.string(),
    tiles: z.array(z.string()).optional(),
    labelTiles: z.array(z.string()).optional(),
    crs: z.enum(MAP_CRS_VALUES),
    maxZoom: z.number().int().optional(),
    attribution: z.string().optional(),
  })
  .meta({ id: 'Basemap' })
export type Basemap = z.infer<typeof basemapSchema>

/** `GET /api/config` */
export const appConfigSchema = z
  .object({ basemaps: z.array(basemapSchema), attribution: z.array(z.string()), demo: z.boolean() })
  .meta({ id: 'AppConfig' })
export type AppConfig = z.infer<typeof appConfigSchema>

/** The signed-in user (`GET /api/auth/me`, `POST /api/auth/login`). */
export const meSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    unit: namedSchema,
    roles: z.array(z.enum(USER_ROLES)),
    areas: z.array(z.object({ code: z.string(), name: z.string(), level: z.enum(REGION_LEVELS) })),
    mustChangePassword: z.boolean(),
    /** Empty while a password change is pending. */
    permissions: z.array(z.enum(PERMISSIONS)),
  })
  .meta({ id: 'Me' })
export type Me = z.infer<typeof meSchema>

export const sessionSchema = z
  .object({ user: meSchema, csrfToken: z.string().nullable() })
  .meta({ id: 'Session' })
export type Session = z.infer<typeof sessionSchema>

const unitRefSchema = z.object({ code: z.string(), name: z.string(), nameEn: z.string() })

/** `GET /api/taxonomy`: classes → subclasses (lead unit) → fine classes (responsible unit or territorial), units. */
export const taxonomyViewSchema = z
  .object({
    classes: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        nameEn: z.string(),
        subclasses: z.array(
          z.object({
            code: z.string(),
            name: z.string(),
            nameEn: z.string(),
            leadUnit: unitRefSchema,
            fineClasses: z.array(
              z.object({
                code: z.string(),
                name: z.string(),
                nameEn: z.string(),
                safetyHazard: z.boolean(),
                territorial: z.boolean(),
                responsibleUnit: unitRefSchema.nullable(),
              }),
            ),
          }),
        ),
      }),
    ),
    units: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        nameEn: z.string(),
        kind: z.enum(UNIT_KINDS),
        parentCode: z.string().nullable(),
        regionCode: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'Taxonomy' })
export type TaxonomyView = z.infer<typeof taxonomyViewSchema>

/** A row of `GET /api/admin/units`. */
export const unitRowSchema = z
  .object({
    code: z.string(),
    name: z.string(),
    nameEn: z.string(),
    kind: z.enum(UNIT_KINDS),
    parentCode: z.string().nullable(),
    regionCode: z.string().nullable(),
    active: z.boolean(),
  })
  .meta({ id: 'UnitRow' })
export type UnitRow = z.infer<typeof unitRowSchema>
export const unitListSchema = z.object({ items: z.array(unitRowSchema) }).meta({ id: 'UnitList' })
