import { describe, expect, it } from 'vitest'
import { BatchQueue } from './batch-queue.ts'

describe('BatchQueue (natural batching)', () => {
  it('runs a lone job at once and batches the jobs that arrive while one runs', async () => {
    const batches: number[][] = []
    const q = new BatchQueue<number, number>(async (jobs) => {
      batches.push(jobs)
      await new Promise((r) => setTimeout(r, 5))
      return jobs.map((j) => j * 10)
    }, 1, 100)
    expect(await q.submit(1)).toBe(10)
    const results = await Promise.all([2, 3, 4, 5].map((j) => q.submit(j)))
    expect(results).toEqual([20, 30, 40, 50])
    expect(batches).toEqual([[1], [2, 3, 4, 5]])
  })

  it('caps the batch size', async () => {
    const sizes: number[] = []
    const q = new BatchQueue<number, number>(async (jobs) => (sizes.push(jobs.length), jobs), 1, 3)
    await Promise.all(Array.from({ length: 7 }, (_, i) => q.submit(i)))
    expect(sizes).toEqual([3, 3, 1])
  })

  it('when a batch fails, retries each job alone: only the bad one fails', async () => {
    const q = new BatchQueue<number, number>(async (jobs) => {
      if (jobs.includes(13)) throw new Error('unlucky')
      return jobs
    }, 1, 100)
    const settled = await Promise.allSettled([11, 12, 13, 14].map((j) => q.submit(j)))
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled'])
  })
})
