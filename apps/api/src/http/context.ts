import type { Config } from '../config.ts'
import type { Database } from '../db/types.ts'

/** What every route module gets: the database and the validated configuration. */
export interface AppDeps {
  database: Database
  config: Config
}
