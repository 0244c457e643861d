import { readFileSync } from 'node:fs'

/** seed/taxonomy.json as raw JSON (tests only). */
export function seedTaxonomyJson(): unknown {
  return JSON.parse(readFileSync(new URL('../../../../seed/taxonomy.json', import.meta.url), 'utf8'))
}
