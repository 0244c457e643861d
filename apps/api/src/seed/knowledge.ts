import fs from 'node:fs'
import path from 'node:path'
import { indexDocument } from '@hanjiang/shared'
import { REPO_ROOT } from '../config.ts'
import { countKnowledgeEntries, insertKnowledgeEntries, type KnowledgeFields } from '../db/repositories/knowledge.ts'
import type { AppDb, Database } from '../db/types.ts'

export function readKnowledgeJson(): KnowledgeFields[] {
  const raw = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'seed', 'knowledge.json'), 'utf8')) as {
    entries: { kind: 'qa' | 'guide'; title: string; titleEn?: string | null; body: string; tags?: string[]; unitCode?: string | null }[]
  }
  return raw.entries.map((e) => ({
    kind: e.kind, title: e.title, titleEn: e.titleEn ?? null, body: e.body, tags: e.tags ?? [], unitCode: e.unitCode ?? null,
  }))
}

/**
 * The knowledge base's starting entries (seed/knowledge.json), inserted only into an empty table — admins
 * own it afterwards (deleting deactivates, so an emptied knowledge base is not refilled). Runs after the
 * units exist (entries may name a unit).
 */
export async function seedKnowledge(database: Database, tx: AppDb): Promise<number> {
  if ((await countKnowledgeEntries(database, tx)) > 0) return 0
  const entries = readKnowledgeJson().map((e) => ({ ...e, index: indexDocument(e) }))
  return insertKnowledgeEntries(database, entries, tx)
}
