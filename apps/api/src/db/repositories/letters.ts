import { sql } from 'drizzle-orm'
import type { AppDb, Database } from '../types.ts'

/** Efficiency letters, their append-only log and unannounced-check records (migration 0025). */

export interface LetterRow {
  id: number
  year: number
  seq: number
  kind: string
  unitCode: string
  unitName: string
  title: string
  body: string
  indicator: string | null
  periodKey: string | null
  incidentCodes: string[]
  deadline: Date
  state: string
  escalationLevel: number
  issuedBy: string
  issuedAt: Date
  repliedAt: Date | null
  closedAt: Date | null
  version: number
}

const d = (v: unknown): Date | null => (v === null || v === undefined ? null : v instanceof Date ? v : new Date(String(v)))
const j = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T

function toLetter(r: Record<string, unknown>): LetterRow {
  return {
    id: Number(r.id),
    year: Number(r.year),
    seq: Number(r.seq),
    kind: String(r.kind),
    unitCode: String(r.unit_code),
    unitName: String(r.unit_name ?? r.unit_code),
    title: String(r.title),
    body: String(r.body),
    indicator: (r.indicator as string | null) ?? null,
    periodKey: (r.period_key as string | null) ?? null,
    incidentCodes: j<string[]>(r.incident_codes) ?? [],
    deadline: d(r.deadline)!,
    state: String(r.state),
    escalationLevel: Number(r.escalation_level),
    issuedBy: String(r.issued_by),
    issuedAt: d(r.issued_at)!,
    repliedAt: d(r.replied_at),
    closedAt: d(r.closed_at),
    version: Number(r.version),
  }
}

const SELECT = sql`SELECT l.*, u.name AS unit_name FROM efficiency_letter l JOIN unit u ON u.code = l.unit_code`

export async function findLetter(database: Database, id: number, tx?: AppDb, forUpdate = false): Promise<LetterRow | null> {
  const [r] = await database.rows(sql`${SELECT} WHERE l.id = ${id} ${forUpdate ? sql`FOR UPDATE OF l` : sql``}`, tx)
  return r ? toLetter(r) : null
}

export async function listLetters(
  database: Database,
  f: { unitCode?: string | null; state?: string | null; issuedFrom?: Date; issuedTo?: Date },
): Promise<LetterRow[]> {
  const where = [sql`true`]
  if (f.unitCode) where.push(sql`l.unit_code = ${f.unitCode}`)
  if (f.state) where.push(sql`l.state = ${f.state}`)
  if (f.issuedFrom) where.push(sql`l.issued_at >= ${f.issuedFrom.toISOString()}::timestamptz`)
  if (f.issuedTo) where.push(sql`l.issued_at < ${f.issuedTo.toISOString()}::timestamptz`)
  return (await database.rows(sql`${SELECT} WHERE ${sql.join(where, sql` AND `)} ORDER BY l.year DESC, l.seq DESC`)).map(toLetter)
}

export interface NewLetter {
  kind: string
  unitCode: string
  title: string
  body: string
  indicator: string | null
  periodKey: string | null
  incidentCodes: string[]
  deadline: Date
  issuedBy: string
  year: number
}

/** Inserts a letter with the next number of its year (serialised by a transaction-scoped advisory lock). */
export async function insertLetter(database: Database, tx: AppDb, l: NewLetter): Promise<number> {
  await database.rows(sql`SELECT pg_advisory_xact_lock(hashtext('efficiency_letter_seq'))`, tx)
  const [r] = await database.rows<{ id: number }>(
    sql`INSERT INTO efficiency_letter (year, seq, kind, unit_code, title, body, indicator, period_key, incident_codes, deadline, issued_by)
        SELECT ${l.year}, coalesce(max(seq), 0) + 1, ${l.kind}, ${l.unitCode}, ${l.title}, ${l.body}, ${l.indicator}, ${l.periodKey},
               ${JSON.stringify(l.incidentCodes)}::jsonb, ${l.deadline.toISOString()}::timestamptz, ${l.issuedBy}
        FROM efficiency_letter WHERE year = ${l.year}
        RETURNING id::int AS id`,
    tx,
  )
  return Number(r!.id)
}

export async function updateLetter(
  database: Database,
  tx: AppDb,
  id: number,
  patch: { state?: string; repliedAt?: Date | null; closedAt?: Date | null; deadline?: Date; escalationLevel?: number },
): Promise<void> {
  const sets = [sql`version = version + 1`]
  if (patch.state !== undefined) sets.push(sql`state = ${patch.state}`)
  if (patch.repliedAt !== undefined) sets.push(sql`replied_at = ${patch.repliedAt?.toISOString() ?? null}::timestamptz`)
  if (patch.closedAt !== undefined) sets.push(sql`closed_at = ${patch.closedAt?.toISOString() ?? null}::timestamptz`)
  if (patch.deadline !== undefined) sets.push(sql`deadline = ${patch.deadline.toISOString()}::timestamptz`)
  if (patch.escalationLevel !== undefined) sets.push(sql`escalation_level = ${patch.escalationLevel}`)
  await database.rows(sql`UPDATE efficiency_letter SET ${sql.join(sets, sql`, `)} WHERE id = ${id}`, tx)
}

export interface LetterEventRow {
  id: number
  at: Date
  actor: string
  actorRole: string
  action: string
  fromState: string | null
  toState: string | null
  note: string | null
  photos: string[] | null
  data: unknown
}

export async function appendLetterEvent(
  database: Database,
  tx: AppDb,
  e: Omit<LetterEventRow, 'id' | 'at'> & { letterId: number; at?: Date },
): Promise<void> {
  await database.rows(
    sql`INSERT INTO efficiency_letter_event (letter_id, at, actor, actor_role, action, from_state, to_state, note, photos, data)
        VALUES (${e.letterId}, ${(e.at ?? new Date()).toISOString()}::timestamptz, ${e.actor}, ${e.actorRole}, ${e.action}, ${e.fromState},
                ${e.toState}, ${e.note}, ${e.photos ? JSON.stringify(e.photos) : null}::jsonb, ${e.data === undefined || e.data === null ? null : JSON.stringify(e.data)}::jsonb)`,
    tx,
  )
}

export async function letterEvents(database: Database, letterId: number): Promise<LetterEventRow[]> {
  const rows = await database.rows(sql`SELECT * FROM efficiency_letter_event WHERE letter_id = ${letterId} ORDER BY id`)
  return rows.map((r) => ({
    id: Number(r.id),
    at: d(r.at)!,
    actor: String(r.actor),
    actorRole: String(r.actor_role),
    action: String(r.action),
    fromState: (r.from_state as string | null) ?? null,
    toState: (r.to_state as string | null) ?? null,
    note: (r.note as string | null) ?? null,
    photos: r.photos ? j<string[]>(r.photos) : null,
    data: r.data ? j<unknown>(r.data) : null,
  }))
}

/** Issued letters past their deadline (the escalation check). */
export async function overdueIssuedLetters(database: Database, now: Date, tx: AppDb): Promise<LetterRow[]> {
  return (
    await database.rows(sql`${SELECT} WHERE l.state = 'issued' AND l.deadline < ${now.toISOString()}::timestamptz ORDER BY l.id FOR UPDATE OF l SKIP LOCKED`, tx)
  ).map(toLetter)
}

/** Photo ids among `ids` that exist and were uploaded by `actor`. */
export async function ownPhotos(database: Database, ids: readonly string[], actor: string, tx?: AppDb): Promise<Set<string>> {
  if (!ids.length) return new Set()
  const rows = await database.rows<{ id: string }>(
    sql`SELECT id::text AS id FROM photo WHERE uploaded_by = ${actor} AND id::text IN (${sql.join(ids.map((i) => sql`${i}`), sql`, `)})`,
    tx,
  )
  return new Set(rows.map((r) => r.id))
}

export async function existingIncidentCodes(database: Database, codes: readonly string[]): Promise<Set<string>> {
  if (!codes.length) return new Set()
  const rows = await database.rows<{ code: string }>(sql`SELECT code FROM incident WHERE code IN (${sql.join(codes.map((c) => sql`${c}`), sql`, `)})`)
  return new Set(rows.map((r) => r.code))
}

export async function unitExists(database: Database, code: string): Promise<{ code: string; name: string } | null> {
  const [r] = await database.rows<{ code: string; name: string }>(sql`SELECT code, name FROM unit WHERE code = ${code} AND active`)
  return r ?? null
}

export interface CheckRow {
  id: number
  checkedAt: Date
  unitCode: string | null
  unitName: string | null
  place: string
  finding: string
  state: string
  letterId: number | null
  createdBy: string
}

export async function insertCheck(database: Database, tx: AppDb, c: Omit<CheckRow, 'id' | 'unitName' | 'state' | 'letterId'>): Promise<number> {
  const [r] = await database.rows<{ id: number }>(
    sql`INSERT INTO supervision_check (checked_at, unit_code, place, finding, created_by)
        VALUES (${c.checkedAt.toISOString()}::timestamptz, ${c.unitCode}, ${c.place}, ${c.finding}, ${c.createdBy}) RETURNING id::int AS id`,
    tx,
  )
  return Number(r!.id)
}

export async function listChecks(database: Database, unitCode?: string | null): Promise<CheckRow[]> {
  const rows = await database.rows(
    sql`SELECT c.*, u.name AS unit_name FROM supervision_check c LEFT JOIN unit u ON u.code = c.unit_code
        ${unitCode ? sql`WHERE c.unit_code = ${unitCode}` : sql``} ORDER BY c.checked_at DESC, c.id DESC`,
  )
  return rows.map((r) => ({
    id: Number(r.id),
    checkedAt: d(r.checked_at)!,
    unitCode: (r.unit_code as string | null) ?? null,
    unitName: (r.unit_name as string | null) ?? null,
    place: String(r.place),
    finding: String(r.finding),
    state: String(r.state),
    letterId: r.letter_id === null ? null : Number(r.letter_id),
    createdBy: String(r.created_by),
  }))
}
