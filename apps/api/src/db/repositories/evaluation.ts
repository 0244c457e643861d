import type { EvaluationFacts, IncidentState, Satisfaction } from '@hanjiang/shared'
import { sql, type SQL } from 'drizzle-orm'
import type { AppDb, Database } from '../types.ts'

/**
 * The evaluation's per-incident facts, read from the append-only event log in ONE statement: the incidents
 * received in [from, to) (optionally of one street, or ever dispatched to one unit), each with what its events
 * before `to` say (docs/EVALUATION.md lists which events feed which fact). The indicators are computed from
 * these by the pure functions in packages/shared (evaluation/indicators.ts).
 */

export interface FactsQuery {
  from: Date
  to: Date
  streetCode?: string | null
  /** Only incidents dispatched (or re-dispatched) to this unit before `to`. */
  unitCode?: string | null
  /** Only these incidents (a drill-down of one page). */
  ids?: readonly number[]
}

interface FactsRow extends Record<string, unknown> {
  id: string | number
  code: string
  street_code: string | null
  urgent: boolean
  received_at: string | Date
  registered_at: string | Date | null
  dispatches: { u: string; at: string; r7: boolean }[] | string | null
  returns: { u: string; at: string }[] | string | null
  first_arrived_at: string | Date | null
  last_resolved_at: string | Date | null
  end_state: string
  overdue: boolean
  reworks: number
  extensions: number
  satisfaction: string | null
}

const date = (v: string | Date | null): Date | null => (v === null ? null : v instanceof Date ? v : new Date(v))
const json = <T>(v: T | string | null): T | null => (typeof v === 'string' ? (JSON.parse(v) as T) : v)

function factsSql(q: FactsQuery): SQL {
  const where: SQL[] = [sql`i.created_at >= ${q.from.toISOString()}::timestamptz`, sql`i.created_at < ${q.to.toISOString()}::timestamptz`]
  if (q.streetCode) where.push(sql`i.street_code = ${q.streetCode}`)
  if (q.ids) where.push(q.ids.length ? sql`i.id IN (${sql.join(q.ids.map((id) => sql`${id}`), sql`, `)})` : sql`false`)
  if (q.unitCode)
    where.push(sql`EXISTS (SELECT 1 FROM incident_event x WHERE x.incident_id = i.id AND x.action IN ('dispatch', 'redispatch')
      AND x.data ->> 'unitCode' = ${q.unitCode} AND x.at < ${q.to.toISOString()}::timestamptz)`)
  return sql`
    SELECT i.id, i.code, i.street_code, i.track = 'urgent' AS urgent, i.created_at AS received_at,
      min(e.at) FILTER (WHERE e.action = 'register' OR (e.action = 'dispatch' AND e.from_state = 'reported')) AS registered_at,
      json_agg(json_build_object('u', e.data ->> 'unitCode', 'at', e.at, 'r7', coalesce(e.data ->> 'rule', '') = 'R7') ORDER BY e.at, e.id)
        FILTER (WHERE e.action IN ('dispatch', 'redispatch')) AS dispatches,
      json_agg(json_build_object('u', e.data ->> 'unitCode', 'at', e.at) ORDER BY e.at, e.id)
        FILTER (WHERE e.action = 'returnToCenter') AS returns,
      min(e.at) FILTER (WHERE e.action = 'arrive') AS first_arrived_at,
      max(e.at) FILTER (WHERE e.action = 'resolve') AS last_resolved_at,
      (array_agg(e.to_state ORDER BY e.at DESC, e.id DESC) FILTER (WHERE e.to_state IS NOT NULL))[1] AS end_state,
      coalesce(bool_or(e.action = 'overdue' AND coalesce(e.data ->> 'rule', '') <> 'R4'), false) AS overdue,
      count(*) FILTER (WHERE e.action IN ('verifyFail', 'reopen'))::int AS reworks,
      count(*) FILTER (WHERE e.action = 'decideExtension' AND e.data ->> 'approved' = 'true')::int AS extensions,
      (array_agg(coalesce(e.data ->> 'satisfaction', e.data ->> 'rating') ORDER BY e.at DESC, e.id DESC)
        FILTER (WHERE (e.action = 'callback' AND e.data ->> 'satisfaction' IS NOT NULL) OR (e.action = 'rate' AND e.data ->> 'rating' IS NOT NULL)))[1] AS satisfaction
    FROM incident i
    LEFT JOIN incident_event e ON e.incident_id = i.id AND e.at < ${q.to.toISOString()}::timestamptz
    WHERE ${sql.join(where, sql` AND `)}
    GROUP BY i.id
    ORDER BY i.id`
}

export function factsFromRow(r: FactsRow): EvaluationFacts {
  const dispatches = json<{ u: string; at: string; r7: boolean }[]>(r.dispatches) ?? []
  const returns = json<{ u: string; at: string }[]>(r.returns) ?? []
  return {
    id: Number(r.id),
    code: r.code,
    streetCode: r.street_code,
    urgent: r.urgent === true,
    receivedAt: date(r.received_at)!,
    registeredAt: date(r.registered_at),
    dispatches: dispatches.map((d) => ({ unitCode: d.u, at: new Date(d.at), leadUnitFallback: d.r7 === true })),
    returns: returns.map((d) => ({ unitCode: d.u, at: new Date(d.at) })),
    firstArrivedAt: date(r.first_arrived_at),
    lastResolvedAt: date(r.last_resolved_at),
    endState: (r.end_state ?? 'reported') as IncidentState,
    overdue: r.overdue === true,
    reworks: Number(r.reworks),
    extensionsApproved: Number(r.extensions),
    satisfaction: (r.satisfaction as Satisfaction | null) ?? null,
  }
}

/** The facts of every incident a period and scope cover (one statement). */
export async function incidentFacts(database: Database, q: FactsQuery, tx?: AppDb): Promise<EvaluationFacts[]> {
  return (await database.rows<FactsRow>(factsSql(q), tx)).map(factsFromRow)
}

/** When the first incident came in (periods ending before it are refused). */
export async function firstIncidentAt(database: Database): Promise<Date | null> {
  const [r] = await database.rows<{ at: string | Date | null }>(sql`SELECT min(created_at) AS at FROM incident`)
  return date(r?.at ?? null)
}

export interface ScopeName {
  code: string
  name: string
  nameEn: string
}

/** The units that handle incidents (departments, utilities, street offices — not sections, the center or the office). */
export async function evaluatedUnits(database: Database): Promise<ScopeName[]> {
  return database.rows<ScopeName & Record<string, unknown>>(sql`
    SELECT code, name, name_en AS "nameEn" FROM unit
    WHERE active AND kind IN ('department', 'utility', 'street_office') ORDER BY code`)
}

/** The current streets/towns. */
export async function evaluatedStreets(database: Database): Promise<ScopeName[]> {
  return database.rows<ScopeName & Record<string, unknown>>(sql`
    SELECT code, name, '' AS "nameEn" FROM region WHERE level = 'street' AND valid_to IS NULL ORDER BY code`)
}

/** Code, state and a few columns of incidents for a drill-down list, in the order of `ids`. */
export async function incidentSummaries(database: Database, ids: readonly number[]) {
  if (!ids.length) return []
  return database.rows<{ id: number; code: string; state: string; track: string; fineClass: string | null; unitCode: string | null; streetCode: string | null; address: string | null; createdAt: string }>(sql`
    SELECT id::int AS id, code, state, track, fine_class AS "fineClass", unit_code AS "unitCode", street_code AS "streetCode", address,
      to_char(created_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD"T"HH24:MI:SS"+08:00"') AS "createdAt"
    FROM incident WHERE id IN (${sql.join(ids.map((id) => sql`${id}`), sql`, `)}) ORDER BY created_at, id`)
}
