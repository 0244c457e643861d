import { sql } from 'drizzle-orm'
import type { AppDb, Database } from '../types.ts'

/** The per-address sign-in throttle's SQL (services/auth/sign-in-throttle.ts has the rule). */

/** Expired rows removed by each sign-in: more than it can add, so the table holds about the live windows. */
const PRUNE_PER_CALL = 8

export interface ThrottleWindow {
  /** Attempts in the window including this one. */
  attempts: number
  windowStart: Date
}

/**
 * Counts one sign-in attempt from `address` and returns its window, in ONE statement (the sign-in path):
 * - a new window starts at `now` when the address has none, its window is over, or it holds no attempt
 *   (every earlier one succeeded and was given back);
 * - the count is taken BEFORE the password is checked, so a burst of parallel attempts cannot all read a low
 *   count and pass together; a success gives its attempt back ({@link refundSignInAttempt});
 * - the count stops at `cap`: refused attempts need not be counted further;
 * - up to PRUNE_PER_CALL other addresses' windows that ended are deleted on the way (SKIP LOCKED: concurrent
 *   sign-ins prune different rows and never wait on each other; never this address's row, which the upsert
 *   takes in the same statement).
 */
export async function countSignInAttempt(
  database: Database,
  a: { address: string; now: Date; windowMs: number; cap: number },
): Promise<ThrottleWindow> {
  const now = a.now.toISOString()
  const endedBefore = new Date(a.now.getTime() - a.windowMs).toISOString()
  const [r] = await database.rows<{ attempts: number; windowStart: string }>(
    sql`
    WITH pruned AS (
      DELETE FROM sign_in_throttle WHERE address IN (
        SELECT address FROM sign_in_throttle
        WHERE window_start <= ${endedBefore}::timestamptz AND address <> ${a.address}
        ORDER BY window_start LIMIT ${PRUNE_PER_CALL} FOR UPDATE SKIP LOCKED)
    )
    INSERT INTO sign_in_throttle AS t (address, window_start, attempts)
    VALUES (${a.address}, ${now}::timestamptz, 1)
    ON CONFLICT (address) DO UPDATE SET
      window_start = CASE WHEN t.window_start <= ${endedBefore}::timestamptz OR t.attempts <= 0
        THEN excluded.window_start ELSE t.window_start END,
      attempts = CASE WHEN t.window_start <= ${endedBefore}::timestamptz OR t.attempts <= 0
        THEN 1 ELSE least(t.attempts + 1, ${a.cap}::int) END
    RETURNING attempts, to_json(window_start) #>> '{}' AS "windowStart"`,
    undefined,
    { prepare: true },
  )
  return { attempts: Number(r!.attempts), windowStart: new Date(r!.windowStart) }
}

/** Gives back the attempt of a successful sign-in (only to the window it was counted in). */
export async function refundSignInAttempt(database: Database, a: { address: string; windowStart: Date }, tx?: AppDb): Promise<void> {
  await database.rows(
    sql`UPDATE sign_in_throttle SET attempts = attempts - 1
        WHERE address = ${a.address} AND window_start = ${a.windowStart.toISOString()}::timestamptz AND attempts > 0`,
    tx,
  )
}

export interface ThrottleRow {
  address: string
  /** Attempts counted in the window (refused ones included, up to the cap). */
  attempts: number
  windowStart: Date
}

/**
 * The addresses whose window has not ended and that hold at least `minAttempts` counted attempts (at least 1),
 * most attempts first — for the administrator's view. One statement.
 */
export async function listLiveThrottleWindows(
  database: Database,
  a: { now: Date; windowMs: number; minAttempts: number; limit: number },
): Promise<ThrottleRow[]> {
  const endedBefore = new Date(a.now.getTime() - a.windowMs).toISOString()
  const rows = await database.rows<{ address: string; attempts: number; windowStart: string }>(sql`
    SELECT address, attempts, to_json(window_start) #>> '{}' AS "windowStart"
    FROM sign_in_throttle
    WHERE window_start > ${endedBefore}::timestamptz AND attempts >= greatest(${a.minAttempts}::int, 1)
    ORDER BY attempts DESC, window_start, address
    LIMIT ${a.limit}`)
  return rows.map((r) => ({ address: r.address, attempts: Number(r.attempts), windowStart: new Date(r.windowStart) }))
}

/**
 * Deletes `address`'s window (an administrator clearing a blocked office) and returns it, or null when the
 * address has none. The caller decides whether what was deleted was still live.
 */
export async function deleteThrottleWindow(database: Database, address: string, tx?: AppDb): Promise<ThrottleRow | null> {
  const [r] = await database.rows<{ address: string; attempts: number; windowStart: string }>(
    sql`DELETE FROM sign_in_throttle WHERE address = ${address}
        RETURNING address, attempts, to_json(window_start) #>> '{}' AS "windowStart"`,
    tx,
  )
  return r ? { address: r.address, attempts: Number(r.attempts), windowStart: new Date(r.windowStart) } : null
}
