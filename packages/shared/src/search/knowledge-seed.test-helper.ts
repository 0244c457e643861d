import { readFileSync } from 'node:fs'

export interface SeedKnowledgeEntry {
  kind: 'qa' | 'guide'
  title: string
  titleEn: string
  tags: string[]
  unitCode: string | null
  body: string
}

const read = (name: string) => JSON.parse(readFileSync(new URL(`../../../../seed/${name}`, import.meta.url), 'utf8'))

/** seed/knowledge.json entries (tests only). */
export function seedKnowledgeEntries(): SeedKnowledgeEntry[] {
  return read('knowledge.json').entries
}

/** seed/knowledge-eval.json: labelled citizen questions → expected entry titleEn (tests only). */
export function knowledgeEvalQueries(): { q: string; expected: string }[] {
  return read('knowledge-eval.json').queries
}
