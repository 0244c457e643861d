/** Knowledge-base entries as stored (the admin's list and one entry): reads straight from the repository. */
export { getKnowledgeEntry, listKnowledgeEntries } from '../../db/repositories/knowledge.ts'
