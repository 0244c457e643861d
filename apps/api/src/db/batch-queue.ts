import type { Database } from './types.ts'

/**
 * Natural batching for a hot write path: a job submitted while fewer than `maxInFlight` batches run
 * starts at once (with the jobs submitted in the same turn — no added latency when idle); jobs arriving
 * while they run wait and go together in the next batch, up to `maxBatch`. Under load this turns N statements and N commits into
 * one of each per batch. If a batch of several fails, each of its jobs is retried alone, so one bad
 * job fails only its own caller. Every caller gets its answer after its batch has committed.
 */
export class BatchQueue<J, R> {
  private readonly queue: { job: J; resolve: (r: R) => void; reject: (e: unknown) => void }[] = []
  private inFlight = 0
  private scheduled = false

  constructor(
    private readonly run: (jobs: J[]) => Promise<R[]>,
    private readonly maxInFlight: number,
    private readonly maxBatch: number,
  ) {}

  submit(job: J): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ job, resolve, reject })
      this.schedule()
    })
  }

  /**
   * Cuts the next batch after the I/O callbacks of this event-loop turn: requests that arrived together
   * (with PGlite, all those that queued up while a statement blocked the loop) reach the queue first.
   * Costs at most one loop turn of latency.
   */
  private schedule(): void {
    if (this.scheduled) return
    this.scheduled = true
    setImmediate(() => {
      this.scheduled = false
      this.pump()
    })
  }

  private pump(): void {
    while (this.inFlight < this.maxInFlight && this.queue.length > 0) {
      const batch = this.queue.splice(0, this.maxBatch)
      this.inFlight++
      void this.execute(batch).finally(() => {
        this.inFlight--
        this.schedule()
      })
    }
  }

  private async execute(batch: typeof this.queue): Promise<void> {
    try {
      const results = await this.run(batch.map((b) => b.job))
      batch.forEach((b, i) => b.resolve(results[i]!))
    } catch (e) {
      if (batch.length === 1) return batch[0]!.reject(e)
      await Promise.all(
        batch.map(async (b) => {
          try {
            b.resolve((await this.run([b.job]))[0]!)
          } catch (err) {
            b.reject(err)
          }
        }),
      )
    }
  }
}

const queues = new WeakMap<Database, Map<string, BatchQueue<unknown, unknown>>>()

/**
 * The queue named `name` for this database (created on first use). One batch in flight per queue:
 * on 2 cores, fewer and larger batches beat more parallel ones (measured with `npm run bench intake`);
 * a pipeline of two queues (lookup, insert) still keeps two statements busy.
 */
export function batchQueue<J, R>(database: Database, name: string, run: (jobs: J[]) => Promise<R[]>): BatchQueue<J, R> {
  let byName = queues.get(database)
  if (!byName) queues.set(database, (byName = new Map()))
  let q = byName.get(name) as BatchQueue<J, R> | undefined
  if (!q) {
    q = new BatchQueue(run, 1, 200)
    byName.set(name, q as BatchQueue<unknown, unknown>)
  }
  return q
}
