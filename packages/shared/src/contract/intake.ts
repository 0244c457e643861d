import { z } from 'zod'
import { CRS_VALUES } from '../geo/crs.ts'
import { INCIDENT_STATES } from '../workflow/states.ts'
import { instantSchema, pointSchema } from './common.ts'

/** Answers the hotline intake reads while a seat types: place search and merge candidates (docs/DOMAIN.md, R9). */

const lineStringSchema = z.object({ type: z.literal('LineString'), coordinates: z.array(z.array(z.number())) })

export const PLACE_KINDS = ['street', 'community', 'grid', 'road', 'river'] as const

/** One match of the seats' address search: where to put the map (and the intake's point). */
export const placeSchema = z
  .object({
    /** The region code, or the line's id (`road-g324`). */
    id: z.string(),
    name: z.string(),
    kind: z.enum(PLACE_KINDS),
    /** The containing street/town (communities, grids). */
    parent: z.object({ code: z.string(), name: z.string().nullable() }).nullable(),
    /** WGS84: a point on the region's surface, or the middle vertex of a road or river. */
    point: pointSchema,
    /** Roads and rivers: the line itself, to show the seat where it runs. */
    line: lineStringSchema.optional(),
  })
  .meta({ id: 'Place' })
export type Place = z.infer<typeof placeSchema>

export const placeSearchSchema = z
  .object({ query: z.string(), places: z.array(placeSchema) })
  .meta({ id: 'PlaceSearch' })
export type PlaceSearchResult = z.infer<typeof placeSearchSchema>

/** An open incident of the same subclass near the intake's point: a merge candidate. */
export const similarIncidentSchema = z
  .object({
    code: z.string(),
    fineClass: z.string().nullable(),
    state: z.enum(INCIDENT_STATES),
    distanceM: z.number(),
    createdAt: instantSchema,
    /** The first 80 characters of the description. */
    description: z.string(),
    /** The first photo id of its events (in event order), or null. */
    photo: z.string().nullable(),
    /** Incidents merged into it, directly or through an earlier primary. */
    memberCount: z.number().int(),
    /** Enough reports for the subclass's cluster flag. */
    flagged: z.boolean(),
  })
  .meta({ id: 'SimilarIncident' })
export type SimilarIncident = z.infer<typeof similarIncidentSchema>

export const similarIncidentsSchema = z
  .object({
    point: pointSchema,
    crs: z.enum(CRS_VALUES),
    fineClass: z.string(),
    subclass: z.string(),
    radiusM: z.number(),
    days: z.number().int(),
    incidents: z.array(similarIncidentSchema),
  })
  .meta({ id: 'SimilarIncidents' })
export type SimilarResult = z.infer<typeof similarIncidentsSchema>
