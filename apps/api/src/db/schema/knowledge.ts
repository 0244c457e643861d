import { sql } from 'drizzle-orm'
import { boolean, check, index, jsonb, pgTable, real, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core'
import { unit } from './units.ts'

/**
 * 智能问答 (R15): the knowledge base the 12345 seat answers consultations from. `kind` qa → `title` is the
 * question and `body` the answer; guide (办事指南) → a service guide's title and text. Admin-editable;
 * deleting only deactivates, so an answer given from an entry can still be traced to it.
 *
 * Search columns (written by the API from the shared tokenizer, never by hand): `tokens` — the distinct
 * Chinese bigram/word tokens, GIN-indexed for candidate lookup by overlap; `term_freqs` and `doc_len` —
 * field-weighted term frequencies and length for BM25 ranking. Portable: both engines, no extension.
 */
export const knowledgeEntry = pgTable(
  'knowledge_entry',
  {
    id: serial('id').primaryKey(),
    kind: text('kind').notNull(),
    /** The question (qa) or the guide title, in Chinese. */
    title: text('title').notNull(),
    titleEn: text('title_en'),
    /** The answer (qa) or the guide text. */
    body: text('body').notNull(),
    /** Keywords, including colloquial wordings citizens use (没水 for 停水). */
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    /** The unit whose business it is, when it is a unit of this platform. */
    unitCode: text('unit_code').references(() => unit.code),
    active: boolean('active').notNull().default(true),
    tokens: text('tokens').array().notNull().default(sql`'{}'::text[]`),
    termFreqs: jsonb('term_freqs').$type<Record<string, number>>().notNull().default({}),
    docLen: real('doc_len').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('knowledge_entry_tokens_gin').using('gin', t.tokens),
    uniqueIndex('knowledge_entry_title_uq').on(t.kind, t.title).where(sql`active`),
    check('knowledge_entry_kind_ck', sql`${t.kind} IN ('qa','guide')`),
  ],
)
