import type { Config } from '../config.ts'
import type { ReadReplica } from '../db/read-replica.ts'
import type { Database } from '../db/types.ts'

/** What every route module gets: the database and the validated configuration. */
export interface AppDeps {
  database: Database
  config: Config
  /** DATABASE_READ_URL's standby, when configured: see http/reads.ts for which reads use it. */
  readReplica?: ReadReplica
}
