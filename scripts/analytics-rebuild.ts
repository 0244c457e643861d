/**
 * npm run analytics:rebuild — recomputes the analytics rollup from the incident table (docs/ANALYTICS.md), e.g. after
 * the working-day calendar was edited (handling times are in working minutes). DATABASE_URL set → that database;
 * unset → the embedded one in DATA_DIR (default ./data).
 */
import path from 'node:path'
import { openDatabase } from '../apps/api/src/db/open.ts'
import { rebuildRollup } from '../apps/api/src/db/repositories/analytics.ts'

const url = process.env.DATABASE_URL
const database = await openDatabase(url ? { databaseUrl: url } : { pgliteDir: path.join(process.env.DATA_DIR ?? './data', 'pglite') })
const started = Date.now()
try {
  const rows = await rebuildRollup(database)
  console.log(`analytics rollup rebuilt on ${database.location}: ${rows} rows in ${Date.now() - started} ms`)
} finally {
  await database.close()
}
