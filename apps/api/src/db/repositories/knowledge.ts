import { sql, type SQL } from 'drizzle-orm'
import type { CorpusStats, IndexedDocument } from '@hanjiang/shared'
import type { AppDb, Database } from '../types.ts'

export type KnowledgeKind = 'qa' | 'guide'

export interface KnowledgeEntry {
  id: number
  kind: KnowledgeKind
  title: string
  titleEn: string | null
  body: string
  tags: string[]
  unitCode: string | null
  active: boolean
  createdAt: string
  updatedAt: string
}

export interface KnowledgeFields {
  kind: KnowledgeKind
  title: string
  titleEn: string | null
  body: string
  tags: string[]
  unitCode: string | null
}

/** A search candidate: the entry plus what BM25 needs (term frequencies of the query terms only). */
export interface KnowledgeCandidate extends KnowledgeEntry {
  termFreqs: Record<string, number>
  length: number
}

/** A JS string array as one SQL text[] value (drizzle would spread a JS array into a parameter list). */
export function textArray(values: readonly string[]): SQL {
  return sql`ARRAY(SELECT json_array_elements_text(${JSON.stringify(values)}::json))::text[]`
}

/** UTC ISO-8601 with milliseconds, the same text on both engines whatever the session time zone. */
export function isoUtc(column: SQL): SQL {
  return sql`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`
}

function parseJson<T>(v: unknown): T {
  return (typeof v === 'string' ? JSON.parse(v) : v) as T
}

const COLUMNS = sql`e.id, e.kind, e.title, e.title_en AS "titleEn", e.body, e.tags, e.unit_code AS "unitCode", e.active,
  ${isoUtc(sql`e.created_at`)} AS "createdAt", ${isoUtc(sql`e.updated_at`)} AS "updatedAt"`

function toEntry(r: Record<string, unknown>): KnowledgeEntry {
  return {
    id: Number(r.id),
    kind: r.kind as KnowledgeKind,
    title: r.title as string,
    titleEn: (r.titleEn as string | null) ?? null,
    body: r.body as string,
    tags: (r.tags as string[] | null) ?? [],
    unitCode: (r.unitCode as string | null) ?? null,
    active: Boolean(r.active),
    createdAt: r.createdAt as string,
    updatedAt: r.updatedAt as string,
  }
}

export async function getKnowledgeEntry(database: Database, id: number, tx?: AppDb, opts: { forUpdate?: boolean } = {}): Promise<KnowledgeEntry | null> {
  const [row] = await database.rows(
    sql`SELECT ${COLUMNS} FROM knowledge_entry e WHERE e.id = ${id}${opts.forUpdate ? sql` FOR UPDATE` : sql``}`,
    tx,
  )
  return row ? toEntry(row) : null
}

export async function listKnowledgeEntries(
  database: Database,
  opts: { kind?: KnowledgeKind; includeInactive: boolean; offset: number; limit: number },
): Promise<{ total: number; entries: KnowledgeEntry[] }> {
  const where = sql`WHERE (${opts.includeInactive} OR e.active) AND (${opts.kind ?? null}::text IS NULL OR e.kind = ${opts.kind ?? null})`
  const [count] = await database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM knowledge_entry e ${where}`)
  const rows = await database.rows(sql`
    SELECT ${COLUMNS} FROM knowledge_entry e ${where}
    ORDER BY e.id LIMIT ${opts.limit} OFFSET ${opts.offset}`)
  return { total: Number(count!.n), entries: rows.map(toEntry) }
}

export async function unitExists(database: Database, code: string, tx?: AppDb): Promise<boolean> {
  const rows = await database.rows(sql`SELECT 1 AS x FROM unit WHERE code = ${code}`, tx)
  return rows.length > 0
}

/** Another active entry of this kind with this title (the partial unique index's rule). */
export async function activeTitleTaken(database: Database, kind: KnowledgeKind, title: string, exceptId: number | null, tx?: AppDb): Promise<boolean> {
  const rows = await database.rows(sql`
    SELECT 1 AS x FROM knowledge_entry
    WHERE active AND kind = ${kind} AND title = ${title} AND (${exceptId}::int IS NULL OR id <> ${exceptId})`, tx)
  return rows.length > 0
}

/**
 * Inserts an entry with its search index; null when an active entry of the same kind already has this
 * title (ON CONFLICT on the partial unique index: race-free).
 */
export async function insertKnowledgeEntry(database: Database, f: KnowledgeFields, index: IndexedDocument, tx?: AppDb): Promise<KnowledgeEntry | null> {
  const [row] = await database.rows(sql`
    WITH e AS (
      INSERT INTO knowledge_entry (kind, title, title_en, body, tags, unit_code, tokens, term_freqs, doc_len)
      VALUES (${f.kind}, ${f.title}, ${f.titleEn}, ${f.body}, ${textArray(f.tags)}, ${f.unitCode},
              ${textArray(index.tokens)}, ${JSON.stringify(index.termFreqs)}::jsonb, ${index.length})
      ON CONFLICT (kind, title) WHERE active DO NOTHING
      RETURNING *
    )
    SELECT ${COLUMNS} FROM e`, tx)
  return row ? toEntry(row) : null
}

export async function updateKnowledgeEntry(
  database: Database,
  id: number,
  f: KnowledgeFields & { active: boolean },
  index: IndexedDocument,
  tx?: AppDb,
): Promise<KnowledgeEntry | null> {
  const [row] = await database.rows(sql`
    WITH e AS (
      UPDATE knowledge_entry SET kind = ${f.kind}, title = ${f.title}, title_en = ${f.titleEn}, body = ${f.body},
        tags = ${textArray(f.tags)}, unit_code = ${f.unitCode}, active = ${f.active},
        tokens = ${textArray(index.tokens)}, term_freqs = ${JSON.stringify(index.termFreqs)}::jsonb, doc_len = ${index.length},
        updated_at = now()
      WHERE id = ${id}
      RETURNING *
    )
    SELECT ${COLUMNS} FROM e`, tx)
  return row ? toEntry(row) : null
}

/** Deactivates (entries answered from stay traceable); false when there is no such entry. */
export async function deactivateKnowledgeEntry(database: Database, id: number): Promise<boolean> {
  const rows = await database.rows(sql`
    UPDATE knowledge_entry SET active = false, updated_at = CASE WHEN active THEN now() ELSE updated_at END
    WHERE id = ${id} RETURNING id`)
  return rows.length > 0
}

/**
 * Candidates for a query in ONE statement: active entries sharing a token with the query (GIN on
 * `tokens`), pre-ranked by the summed IDF of the query terms they contain and cut to `limit`, with the
 * corpus statistics BM25 needs (entry count, mean length, document frequency of each query term, each
 * an index probe). The exact BM25 ranking is done by the caller with the shared code.
 */
export async function knowledgeCandidates(
  database: Database,
  terms: readonly string[],
  opts: { kind?: KnowledgeKind; limit: number },
): Promise<{ stats: CorpusStats; candidates: KnowledgeCandidate[] }> {
  const rows = await database.rows(sql`
    WITH q AS (SELECT DISTINCT t FROM unnest(${textArray(terms)}) AS t),
    qa AS (SELECT array_agg(t) AS terms FROM q),
    corpus AS (SELECT count(*)::int AS n, coalesce(avg(doc_len), 0)::float8 AS avg_len FROM knowledge_entry WHERE active),
    df AS (
      SELECT q.t, (SELECT count(*) FROM knowledge_entry k WHERE k.active AND k.tokens @> ARRAY[q.t])::int AS df FROM q
    ),
    cand AS (
      SELECT k.id, sum(ln(1 + (c.n - df.df + 0.5)::float8 / (df.df + 0.5))) AS pre
      FROM knowledge_entry k
      CROSS JOIN corpus c
      JOIN df ON k.tokens @> ARRAY[df.t]
      WHERE k.active AND k.tokens && (SELECT terms FROM qa)
        AND (${opts.kind ?? null}::text IS NULL OR k.kind = ${opts.kind ?? null})
      GROUP BY k.id
      ORDER BY pre DESC, k.id
      LIMIT ${opts.limit}
    )
    SELECT ${COLUMNS}, e.doc_len AS "length",
      (SELECT jsonb_object_agg(df.t, e.term_freqs -> df.t) FROM df WHERE e.tokens @> ARRAY[df.t]) AS "termFreqs",
      c.n AS "docCount", c.avg_len AS "avgLength",
      (SELECT json_object_agg(df.t, df.df) FROM df) AS "docFreq"
    FROM cand JOIN knowledge_entry e ON e.id = cand.id CROSS JOIN corpus c
    ORDER BY cand.pre DESC, e.id`)
  const first = rows[0]
  const stats: CorpusStats = first
    ? { docCount: Number(first.docCount), avgLength: Number(first.avgLength), docFreq: parseJson<Record<string, number>>(first.docFreq) ?? {} }
    : { docCount: 0, avgLength: 0, docFreq: {} }
  return {
    stats,
    candidates: rows.map((r) => ({
      ...toEntry(r),
      termFreqs: Object.fromEntries(Object.entries(parseJson<Record<string, unknown>>(r.termFreqs) ?? {}).map(([k, v]) => [k, Number(v)])),
      length: Number(r.length),
    })),
  }
}

/** Inserts many entries (seed); skips titles already active. Returns how many were inserted. */
export async function insertKnowledgeEntries(
  database: Database,
  entries: (KnowledgeFields & { index: IndexedDocument })[],
  tx?: AppDb,
): Promise<number> {
  if (entries.length === 0) return 0
  const rows = entries.map((e) => ({
    kind: e.kind, title: e.title, titleEn: e.titleEn, body: e.body, tags: e.tags, unitCode: e.unitCode,
    tokens: e.index.tokens, termFreqs: e.index.termFreqs, docLen: e.index.length,
  }))
  const inserted = await database.rows(sql`
    INSERT INTO knowledge_entry (kind, title, title_en, body, tags, unit_code, tokens, term_freqs, doc_len)
    SELECT kind, title, "titleEn", body, tags, "unitCode", tokens, "termFreqs", "docLen"
    FROM json_to_recordset(${JSON.stringify(rows)}::json)
      AS x(kind text, title text, "titleEn" text, body text, tags text[], "unitCode" text, tokens text[], "termFreqs" jsonb, "docLen" real)
    ON CONFLICT (kind, title) WHERE active DO NOTHING
    RETURNING id`, tx)
  return inserted.length
}

export async function countKnowledgeEntries(database: Database, tx?: AppDb): Promise<number> {
  const [row] = await database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM knowledge_entry`, tx)
  return Number(row!.n)
}
