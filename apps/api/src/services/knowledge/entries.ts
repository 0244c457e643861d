import { indexDocument } from '@hanjiang/shared'
import {
  activeTitleTaken,
  deactivateKnowledgeEntry,
  getKnowledgeEntry,
  insertKnowledgeEntry,
  unitExists,
  updateKnowledgeEntry,
  type KnowledgeEntry,
  type KnowledgeFields,
} from '../../db/repositories/knowledge.ts'
import type { Database } from '../../db/types.ts'
import { problems } from '../../http/problem.ts'

/**
 * Admin writes to the knowledge base. Every write recomputes the entry's search index from the shared
 * tokenizer. Problems: 404 knowledge_entry_not_found, 409 knowledge_entry_exists (an active entry of the
 * same kind has this title), 422 unknown_unit, 422 entry_not_searchable (nothing in it can be matched).
 */

export type KnowledgePatch = Partial<KnowledgeFields & { active: boolean }>

function searchIndex(f: KnowledgeFields) {
  const index = indexDocument(f)
  if (index.tokens.length === 0) {
    throw problems.unprocessable('entry_not_searchable', 'The entry has no searchable words (title, tags and body are empty or only punctuation and question words).')
  }
  return index
}

async function checkUnit(database: Database, unitCode: string | null) {
  if (unitCode !== null && !(await unitExists(database, unitCode))) {
    throw problems.unprocessable('unknown_unit', `unknown unit ${unitCode}`, { errors: [{ path: 'unitCode', message: `unknown unit ${unitCode}` }] })
  }
}

const exists = (f: { kind: string; title: string }) =>
  problems.conflict('knowledge_entry_exists', `An active ${f.kind} entry titled “${f.title}” already exists.`)

export async function createKnowledgeEntry(database: Database, f: KnowledgeFields): Promise<KnowledgeEntry> {
  await checkUnit(database, f.unitCode)
  const entry = await insertKnowledgeEntry(database, f, searchIndex(f))
  if (!entry) throw exists(f)
  return entry
}

export async function patchKnowledgeEntry(database: Database, id: number, patch: KnowledgePatch): Promise<KnowledgeEntry> {
  if (patch.unitCode !== undefined) await checkUnit(database, patch.unitCode)
  return database.db.transaction(async (tx) => {
    const current = await getKnowledgeEntry(database, id, tx, { forUpdate: true })
    if (!current) throw problems.notFound('knowledge_entry', `No knowledge entry ${id}`)
    const next = {
      kind: patch.kind ?? current.kind,
      title: patch.title ?? current.title,
      titleEn: patch.titleEn !== undefined ? patch.titleEn : current.titleEn,
      body: patch.body ?? current.body,
      tags: patch.tags ?? current.tags,
      unitCode: patch.unitCode !== undefined ? patch.unitCode : current.unitCode,
      active: patch.active ?? current.active,
    }
    if (next.active && (await activeTitleTaken(database, next.kind, next.title, id, tx))) throw exists(next)
    const updated = await updateKnowledgeEntry(database, id, next, searchIndex(next), tx)
    return updated!
  })
}

export async function deleteKnowledgeEntry(database: Database, id: number): Promise<void> {
  if (!(await deactivateKnowledgeEntry(database, id))) throw problems.notFound('knowledge_entry', `No knowledge entry ${id}`)
}
