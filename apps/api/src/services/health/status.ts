import { MIGRATIONS_FOLDER } from '../../db/open.ts'
import { migrationState as migrationStateIn, serverVersions } from '../../db/repositories/health.ts'
import type { Database } from '../../db/types.ts'

export { serverVersions }
export { demoHistoryState } from '../../db/repositories/demo-history.ts'

/** Which of the shipped migrations the database has applied (GET /api/health). */
export const migrationState = (database: Database) => migrationStateIn(database, MIGRATIONS_FOLDER)
