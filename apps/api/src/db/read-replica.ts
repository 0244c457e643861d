import { openServer } from './server.ts'
import { primaryPosition, standbyPosition } from './repositories/replica-lag.ts'
import type { Database } from './types.ts'

/** How often the standby's lag is checked. */
export const READ_REPLICA_CHECK_MS = 1000

export type ReplicaState = 'ok' | 'lagging' | 'down'

export interface ReplicaHealth {
  state: ReplicaState
  /** Where replica-eligible reads go right now. */
  reads: 'replica' | 'primary'
  /** Seconds the standby is behind (0 when it has replayed everything the primary had written), null when down. */
  lagSeconds: number | null
  /** WAL bytes between the primary's position and the standby's replay position, null when down. */
  lagBytes: number | null
  maxLagSeconds: number
  checkedAt: string | null
  /** Why reads went to the primary. */
  reason?: string
}

/** A WAL position `X/Y` (hex) as one number. */
export function lsnValue(lsn: string): bigint {
  const [hi, lo] = lsn.split('/')
  return (BigInt(`0x${hi}`) << 32n) + BigInt(`0x${lo}`)
}

/**
 * Tracks how far behind the primary a standby is, from WAL positions rather than replay timestamps (an idle
 * primary makes the last replayed commit look old though nothing is missing). Each check records the primary's
 * position and the time; the lag is the age of the oldest recorded position the standby has not replayed yet.
 */
export class LagTracker {
  private samples: { lsn: bigint; at: number }[] = []

  observe(primaryLsn: string, replayLsn: string, now: number): number {
    const replayed = lsnValue(replayLsn)
    this.samples.push({ lsn: lsnValue(primaryLsn), at: now })
    this.samples = this.samples.filter((s) => s.lsn > replayed)
    return this.samples.length ? now - this.samples[0]!.at : 0
  }

  reset(): void {
    this.samples = []
  }
}

/**
 * DATABASE_READ_URL: a streaming standby that serves the reads that may be a moment old (map layers, analytics,
 * the wall, exports; docs/SCALING.md). Checked every `checkMs`; while it is down, not a standby, or more than
 * `maxLagMs` behind, those reads go to the primary and /api/health says why.
 */
export class ReadReplica {
  private replica: Database | null = null
  private health: ReplicaHealth
  private readonly lag = new LagTracker()
  private timer: NodeJS.Timeout | undefined
  private checking: Promise<ReplicaHealth> | undefined

  constructor(
    readonly primary: Database,
    private readonly url: string,
    readonly maxLagMs: number,
    private readonly checkMs = READ_REPLICA_CHECK_MS,
  ) {
    this.health = { state: 'down', reads: 'primary', lagSeconds: null, lagBytes: null, maxLagSeconds: maxLagMs / 1000, checkedAt: null, reason: 'not checked yet' }
  }

  /** Connects and checks once (a standby that is down at start is not an error: the primary serves until it is up). */
  static async start(primary: Database, url: string, maxLagMs: number, checkMs = READ_REPLICA_CHECK_MS): Promise<ReadReplica> {
    const r = new ReadReplica(primary, url, maxLagMs, checkMs)
    await r.check()
    r.timer = setInterval(() => void r.check(), checkMs)
    r.timer.unref()
    return r
  }

  /** The database a replica-eligible read uses now. */
  reads(): Database {
    return this.health.reads === 'replica' && this.replica ? this.replica : this.primary
  }

  status(): ReplicaHealth {
    return this.health
  }

  /** Checks now (one at a time: a check still running is shared). */
  check(): Promise<ReplicaHealth> {
    this.checking ??= this.checkOnce().finally(() => (this.checking = undefined))
    return this.checking
  }

  private async checkOnce(): Promise<ReplicaHealth> {
    const checkedAt = new Date().toISOString()
    const base = { maxLagSeconds: this.maxLagMs / 1000, checkedAt }
    try {
      this.replica ??= await openServer(this.url, { max: 10 })
      const standby = await standbyPosition(this.replica)
      if (!standby.standby || !standby.replayLsn) {
        this.lag.reset()
        this.health = { ...base, state: 'down', reads: 'primary', lagSeconds: null, lagBytes: null, reason: 'DATABASE_READ_URL is not a standby in recovery' }
        return this.health
      }
      const primary = await primaryPosition(this.primary, standby.replayLsn)
      const lagMs = this.lag.observe(primary.lsn, standby.replayLsn, Date.now())
      const lagging = lagMs > this.maxLagMs
      this.health = {
        ...base,
        state: lagging ? 'lagging' : 'ok',
        reads: lagging ? 'primary' : 'replica',
        lagSeconds: lagMs / 1000,
        lagBytes: primary.behindBytes,
        ...(lagging ? { reason: `the standby is ${(lagMs / 1000).toFixed(1)} s behind (limit ${this.maxLagMs / 1000} s)` } : {}),
      }
    } catch (e) {
      this.lag.reset()
      const replica = this.replica
      this.replica = null
      await replica?.close().catch(() => {})
      this.health = { ...base, state: 'down', reads: 'primary', lagSeconds: null, lagBytes: null, reason: `the standby cannot be reached: ${(e as Error).message}` }
    }
    return this.health
  }

  async close(): Promise<void> {
    clearInterval(this.timer)
    await this.checking?.catch(() => {})
    await this.replica?.close()
    this.replica = null
  }
}
