import { sql } from 'drizzle-orm'
import type { RegionLevel } from '@hanjiang/shared'
import type { AppDb, Database } from '../types.ts'

/** Change sets of the grid editor (docs/GRID-EDITOR.md): the rows, their items, state changes. */

export type ChangeSetState = 'draft' | 'submitted' | 'approved' | 'rejected' | 'withdrawn'
export type ChangeOp = 'create' | 'update' | 'retire'

export interface ChangeSetRow {
  id: number
  title: string
  state: ChangeSetState
  version: number
  createdBy: string
  createdAt: string
  updatedAt: string
  submittedBy: string | null
  submittedAt: string | null
  decidedBy: string | null
  decidedAt: string | null
  decisionComment: string | null
  effectiveFrom: string | null
  publishedAt: string | null
  itemCount: number
}

export interface ChangeItem {
  index: number
  op: ChangeOp
  level: RegionLevel
  code: string | null
  parentCode: string | null
  name: string | null
  geometry: GeoJSON.MultiPolygon | null
  baseVersion: number | null
  publishedVersion: number | null
}

/** An item as stored: geometry already checked structurally (any Polygon/MultiPolygon GeoJSON). */
export interface ChangeItemInput {
  op: ChangeOp
  level: RegionLevel
  code: string | null
  parentCode: string | null
  name: string | null
  geometry: GeoJSON.Polygon | GeoJSON.MultiPolygon | null
  baseVersion: number | null
}

const iso = (col: string) => sql.raw(`to_json(s.${col}) #>> '{}'`)
const SET_COLUMNS = sql`s.id, s.title, s.state, s.version, s.created_by AS "createdBy",
  ${iso('created_at')} AS "createdAt", ${iso('updated_at')} AS "updatedAt",
  s.submitted_by AS "submittedBy", ${iso('submitted_at')} AS "submittedAt",
  s.decided_by AS "decidedBy", ${iso('decided_at')} AS "decidedAt", s.decision_comment AS "decisionComment",
  ${iso('effective_from')} AS "effectiveFrom", ${iso('published_at')} AS "publishedAt",
  (SELECT count(*) FROM region_change c WHERE c.change_set_id = s.id)::int AS "itemCount"`

const toRow = (r: Record<string, unknown>): ChangeSetRow => ({
  ...(r as unknown as ChangeSetRow),
  id: Number(r.id),
  version: Number(r.version),
  itemCount: Number(r.itemCount),
})

export async function insertChangeSet(database: Database, tx: AppDb, title: string, createdBy: string): Promise<number> {
  const [row] = await database.rows<{ id: number }>(sql`
    INSERT INTO region_change_set (title, created_by) VALUES (${title}, ${createdBy}) RETURNING id`, tx)
  return Number(row!.id)
}

/** One change set; `lock` takes its row lock (every state change does, so two approvals cannot both win). */
export async function changeSetRow(database: Database, id: number, tx?: AppDb, lock = false): Promise<ChangeSetRow | null> {
  const [row] = await database.rows<Record<string, unknown>>(sql`
    SELECT ${SET_COLUMNS} FROM region_change_set s WHERE s.id = ${id} ${lock ? sql`FOR UPDATE` : sql``}`, tx)
  return row ? toRow(row) : null
}

export async function listChangeSets(database: Database, state?: ChangeSetState): Promise<ChangeSetRow[]> {
  const rows = await database.rows<Record<string, unknown>>(sql`
    SELECT ${SET_COLUMNS} FROM region_change_set s
    ${state ? sql`WHERE s.state = ${state}` : sql``}
    ORDER BY s.updated_at DESC, s.id DESC LIMIT 500`)
  return rows.map(toRow)
}

export async function changeItems(database: Database, id: number, tx?: AppDb): Promise<ChangeItem[]> {
  const rows = await database.rows<Record<string, unknown>>(sql`
    SELECT idx AS index, op, level, code, parent_code AS "parentCode", name,
      ST_AsGeoJSON(geom, 15) AS geometry, base_version AS "baseVersion", published_version AS "publishedVersion"
    FROM region_change WHERE change_set_id = ${id} ORDER BY idx`, tx)
  return rows.map((r) => ({
    index: Number(r.index),
    op: r.op as ChangeOp,
    level: r.level as RegionLevel,
    code: (r.code as string | null) ?? null,
    parentCode: (r.parentCode as string | null) ?? null,
    name: (r.name as string | null) ?? null,
    geometry: r.geometry ? (JSON.parse(r.geometry as string) as GeoJSON.MultiPolygon) : null,
    baseVersion: r.baseVersion == null ? null : Number(r.baseVersion),
    publishedVersion: r.publishedVersion == null ? null : Number(r.publishedVersion),
  }))
}

/**
 * Replaces every item of a change set. Geometries are stored as they would be published (2D, SRID
 * 4326, MultiPolygon, RFC 7946 winding); validity is NOT required here — a draft may hold a broken
 * polygon, the preview and submission name the problem.
 */
export async function replaceChangeItems(database: Database, tx: AppDb, id: number, items: ChangeItemInput[]): Promise<void> {
  await database.rows(sql`DELETE FROM region_change WHERE change_set_id = ${id}`, tx)
  if (!items.length) return
  await database.rows(sql`
    INSERT INTO region_change (change_set_id, idx, op, level, code, parent_code, name, geom, base_version)
    SELECT ${id}, x.idx, x.op, x.level, x.code, x."parentCode", x.name,
      CASE WHEN x.geometry IS NULL THEN NULL
           ELSE ST_ForcePolygonCCW(ST_Multi(ST_Force2D(ST_SetSRID(ST_GeomFromGeoJSON(x.geometry::text), 4326)))) END,
      x."baseVersion"
    FROM json_to_recordset(${JSON.stringify(items.map((it, idx) => ({ ...it, idx })))}::json)
      AS x(idx int, op text, level text, code text, "parentCode" text, name text, geometry json, "baseVersion" int)`, tx)
}

export interface StatePatch {
  state?: ChangeSetState
  title?: string
  submittedBy?: string
  decidedBy?: string
  decisionComment?: string | null
  effectiveFrom?: string
  published?: boolean
  preview?: unknown
}

/** Applies a state change and bumps the set's version (and updated_at). */
export async function updateChangeSet(database: Database, tx: AppDb, id: number, p: StatePatch): Promise<void> {
  await database.rows(sql`
    UPDATE region_change_set SET
      version = version + 1,
      updated_at = clock_timestamp(),
      state = coalesce(${p.state ?? null}::text, state),
      title = coalesce(${p.title ?? null}::text, title),
      submitted_by = ${p.submittedBy !== undefined ? sql`${p.submittedBy}` : sql`submitted_by`},
      submitted_at = ${p.submittedBy !== undefined ? sql`clock_timestamp()` : sql`submitted_at`},
      decided_by = ${p.decidedBy !== undefined ? sql`${p.decidedBy}` : sql`decided_by`},
      decided_at = ${p.decidedBy !== undefined ? sql`clock_timestamp()` : sql`decided_at`},
      decision_comment = ${p.decisionComment !== undefined ? sql`${p.decisionComment}` : sql`decision_comment`},
      effective_from = ${p.effectiveFrom !== undefined ? sql`${p.effectiveFrom}::timestamptz` : sql`effective_from`},
      published_at = ${p.published ? sql`clock_timestamp()` : sql`published_at`},
      preview = ${p.preview !== undefined ? sql`${JSON.stringify(p.preview)}::jsonb` : sql`preview`}
    WHERE id = ${id}`, tx)
}

export async function changeSetPreview(database: Database, id: number): Promise<unknown> {
  const [row] = await database.rows<{ preview: unknown }>(sql`SELECT preview FROM region_change_set WHERE id = ${id}`)
  const p = row?.preview ?? null
  return typeof p === 'string' ? JSON.parse(p) : p
}

/** After publication: the code each created item got and the version each item became. */
export async function recordPublished(database: Database, tx: AppDb, id: number, results: { index: number; code: string; version: number }[]): Promise<void> {
  if (!results.length) return
  await database.rows(sql`
    UPDATE region_change c SET code = x.code, published_version = x.version
    FROM json_to_recordset(${JSON.stringify(results)}::json) AS x(index int, code text, version int)
    WHERE c.change_set_id = ${id} AND c.idx = x.index`, tx)
}

/** Approved sets whose effective-from has come and that are not published yet (oldest first). */
export async function dueChangeSets(database: Database): Promise<number[]> {
  const rows = await database.rows<{ id: number }>(sql`
    SELECT id FROM region_change_set WHERE state = 'approved' AND published_at IS NULL AND effective_from <= clock_timestamp()
    ORDER BY effective_from, id`)
  return rows.map((r) => Number(r.id))
}

export interface StaleRegion {
  code: string
  index: number
  baseVersion: number
  /** null: the region has no current version any more (retired meanwhile). */
  currentVersion: number | null
}

/** Items whose region's current version is no longer the one the edit started from. */
export async function staleRegions(database: Database, id: number, tx?: AppDb): Promise<StaleRegion[]> {
  const rows = await database.rows<Record<string, unknown>>(sql`
    SELECT c.idx AS index, c.code, c.base_version AS "baseVersion", r.version AS "currentVersion"
    FROM region_change c LEFT JOIN region r ON r.code = c.code AND r.valid_to IS NULL
    WHERE c.change_set_id = ${id} AND c.op <> 'create' AND r.version IS DISTINCT FROM c.base_version
    ORDER BY c.idx`, tx)
  return rows.map((r) => ({
    index: Number(r.index),
    code: r.code as string,
    baseVersion: Number(r.baseVersion),
    currentVersion: r.currentVersion == null ? null : Number(r.currentVersion),
  }))
}

/**
 * Every code ever used under each parent (any version, current or retired) for the next-free-code rule:
 * the highest sequence per parent. One statement for all parents.
 */
export async function highestChildCodes(database: Database, tx: AppDb, parents: { parentCode: string; level: RegionLevel }[]): Promise<Map<string, string | null>> {
  if (!parents.length) return new Map()
  const rows = await database.rows<{ parentCode: string; level: string; top: string | null }>(sql`
    SELECT x."parentCode", x.level,
      (SELECT max(r.code) FROM region r WHERE r.level = x.level AND r.code LIKE x.prefix || '%') AS top
    FROM json_to_recordset(${JSON.stringify(parents.map((p) => ({ ...p, prefix: childPrefix(p.parentCode, p.level) })))}::json)
      AS x("parentCode" text, level text, prefix text)`, tx)
  return new Map(rows.map((r) => [`${r.parentCode}|${r.level}`, r.top]))
}

/** The part of a child's code that names its parent (see services/regions/codes.ts). */
export function childPrefix(parentCode: string, level: RegionLevel): string {
  switch (level) {
    case 'grid':
      return parentCode
    case 'community':
      return parentCode.slice(0, 9)
    case 'street':
      return parentCode.slice(0, 6)
    case 'district':
      return ''
  }
}

/** Has this code ever been used (any version)? Retired codes are never reused. */
export async function usedCodes(database: Database, tx: AppDb, codes: string[]): Promise<Map<string, { version: number; retiredAt: string | null }>> {
  if (!codes.length) return new Map()
  const rows = await database.rows<{ code: string; version: number; retiredAt: string | null }>(sql`
    SELECT code, max(version)::int AS version,
      CASE WHEN bool_or(valid_to IS NULL) THEN NULL ELSE to_json(max(valid_to)) #>> '{}' END AS "retiredAt"
    FROM region WHERE code IN (SELECT value FROM json_array_elements_text(${JSON.stringify(codes)}::json))
    GROUP BY code`, tx)
  return new Map(rows.map((r) => [r.code, { version: Number(r.version), retiredAt: r.retiredAt }]))
}
