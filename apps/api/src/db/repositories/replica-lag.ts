import { sql } from 'drizzle-orm'
import type { Database } from '../types.ts'

/** Where a standby stands: whether it is one, and the WAL position it has replayed up to. */
export async function standbyPosition(replica: Database): Promise<{ standby: boolean; replayLsn: string | null; replayedAt: Date | null }> {
  const [row] = await replica.rows<{ standby: boolean; replay: string | null; at: string | null }>(
    sql`SELECT pg_is_in_recovery() AS standby, pg_last_wal_replay_lsn()::text AS replay, pg_last_xact_replay_timestamp()::text AS at`,
  )
  return { standby: row?.standby === true, replayLsn: row?.replay ?? null, replayedAt: row?.at ? new Date(row.at) : null }
}

/** The primary's current WAL position, and how many bytes of WAL lie between it and `replayLsn`. */
export async function primaryPosition(primary: Database, replayLsn: string): Promise<{ lsn: string; behindBytes: number }> {
  const [row] = await primary.rows<{ lsn: string; behind: string }>(
    sql`SELECT pg_current_wal_lsn()::text AS lsn, greatest(0, pg_wal_lsn_diff(pg_current_wal_lsn(), ${replayLsn}::pg_lsn))::text AS behind`,
  )
  return { lsn: row!.lsn, behindBytes: Number(row!.behind) }
}
