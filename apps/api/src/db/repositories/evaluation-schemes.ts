import { sql } from 'drizzle-orm'
import type { AppDb, Database } from '../types.ts'

/** Score schemes per period and the frozen publications (migration 0025). */

export interface SchemeRow {
  periodKey: string
  components: { indicator: string; weight: number }[]
  updatedBy: string
  updatedAt: string
}

export async function schemeFor(database: Database, periodKey: string, tx?: AppDb): Promise<SchemeRow | null> {
  const [r] = await database.rows<SchemeRow & Record<string, unknown>>(
    sql`SELECT period_key AS "periodKey", components, updated_by AS "updatedBy", updated_at::text AS "updatedAt"
        FROM evaluation_scheme WHERE period_key = ${periodKey}`,
    tx,
  )
  return r ? { ...r, components: typeof r.components === 'string' ? JSON.parse(r.components) : r.components } : null
}

export async function saveScheme(database: Database, tx: AppDb, periodKey: string, components: unknown, by: string): Promise<void> {
  await database.rows(
    sql`INSERT INTO evaluation_scheme (period_key, components, updated_by, updated_at)
        VALUES (${periodKey}, ${JSON.stringify(components)}::jsonb, ${by}, now())
        ON CONFLICT (period_key) DO UPDATE SET components = EXCLUDED.components, updated_by = EXCLUDED.updated_by, updated_at = now()`,
    tx,
  )
}

export interface PublicationRow {
  periodKey: string
  scheme: unknown
  units: unknown
  streets: unknown
  district: unknown
  publishedBy: string
  publishedAt: Date
}

const parse = (v: unknown): unknown => (typeof v === 'string' ? JSON.parse(v) : v)

export async function publicationFor(database: Database, periodKey: string, tx?: AppDb): Promise<PublicationRow | null> {
  const [r] = await database.rows<Record<string, unknown>>(
    sql`SELECT period_key, scheme, units, streets, district, published_by, published_at FROM evaluation_publication WHERE period_key = ${periodKey}`,
    tx,
  )
  if (!r) return null
  return {
    periodKey: r.period_key as string,
    scheme: parse(r.scheme),
    units: parse(r.units),
    streets: parse(r.streets),
    district: parse(r.district),
    publishedBy: r.published_by as string,
    publishedAt: r.published_at instanceof Date ? r.published_at : new Date(r.published_at as string),
  }
}

/** Writes the frozen row; false when the period was published already (a concurrent publish lost). */
export async function insertPublication(database: Database, tx: AppDb, p: Omit<PublicationRow, 'publishedAt'>): Promise<boolean> {
  const rows = await database.rows(
    sql`INSERT INTO evaluation_publication (period_key, scheme, units, streets, district, published_by)
        VALUES (${p.periodKey}, ${JSON.stringify(p.scheme)}::jsonb, ${JSON.stringify(p.units)}::jsonb, ${JSON.stringify(p.streets)}::jsonb,
                ${JSON.stringify(p.district)}::jsonb, ${p.publishedBy})
        ON CONFLICT (period_key) DO NOTHING RETURNING period_key`,
    tx,
  )
  return rows.length === 1
}
