import { sql } from 'drizzle-orm'
import type { AppDb, Database } from '../types.ts'

/** The progressive sign-in delay's SQL, per (account, client network) (packages/shared auth/lockout.ts has the rule). */

const PRUNE_PER_CALL = 8

export async function findSignInFailures(database: Database, userId: string, address: string): Promise<{ failures: number; lastFailureAt: Date } | null> {
  const [r] = await database.rows<{ failures: number; lastFailureAt: string }>(
    sql`SELECT failures, to_json(last_failure_at) #>> '{}' AS "lastFailureAt" FROM sign_in_failure
        WHERE user_id = ${userId}::uuid AND address = ${address}`,
  )
  return r ? { failures: Number(r.failures), lastFailureAt: new Date(r.lastFailureAt) } : null
}

/**
 * Counts one more failure of `address` at the account (restarting when the last one is `forgetMs` old) and
 * prunes a few other forgotten rows on the way. One statement.
 */
export async function recordSignInFailure(
  database: Database,
  a: { userId: string; address: string; now: Date; forgetMs: number },
  tx?: AppDb,
): Promise<number> {
  const now = a.now.toISOString()
  const forgottenBefore = new Date(a.now.getTime() - a.forgetMs).toISOString()
  const [r] = await database.rows<{ failures: number }>(
    sql`
    WITH pruned AS (
      DELETE FROM sign_in_failure WHERE (user_id, address) IN (
        SELECT user_id, address FROM sign_in_failure
        WHERE last_failure_at <= ${forgottenBefore}::timestamptz AND NOT (user_id = ${a.userId}::uuid AND address = ${a.address})
        ORDER BY last_failure_at LIMIT ${PRUNE_PER_CALL} FOR UPDATE SKIP LOCKED)
    )
    INSERT INTO sign_in_failure AS f (user_id, address, failures, last_failure_at)
    VALUES (${a.userId}::uuid, ${a.address}, 1, ${now}::timestamptz)
    ON CONFLICT (user_id, address) DO UPDATE SET
      failures = CASE WHEN f.last_failure_at <= ${forgottenBefore}::timestamptz THEN 1 ELSE f.failures + 1 END,
      last_failure_at = excluded.last_failure_at
    RETURNING failures`,
    tx,
  )
  return Number(r!.failures)
}

/** A successful sign-in from the network: its failures at this account are forgotten. */
export async function clearSignInFailures(database: Database, userId: string, address: string, tx?: AppDb): Promise<void> {
  await database.rows(sql`DELETE FROM sign_in_failure WHERE user_id = ${userId}::uuid AND address = ${address}`, tx)
}
