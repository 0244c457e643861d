import { sql } from 'drizzle-orm'
import { afterEach, expect, it } from 'vitest'
import type { Database } from '../src/db/types.ts'
import { createTimerWorker } from '../src/worker/timer-worker.ts'
import { seedFixture } from './app.ts'
import { describeEachEngine } from './engines.ts'
import { complaint, freezeClock, HOUR, incidentApi, photo, thaw } from './incidents-helpers.ts'

/** 09:00 Shanghai on a working day in June 2026 (each test its own week). */
const day = (d: number) => Date.parse(`2026-06-${String(d).padStart(2, '0')}T09:00:00+08:00`)
const iso = (ms: number) => new Date(ms).toISOString()

function workerAt(database: Database, ms: number) {
  return createTimerWorker({
    database,
    config: { escalationIntervalMs: HOUR, timerBatchSize: 64, logLevel: 'silent' },
    now: () => new Date(ms),
  })
}

describeEachEngine(
  'overdue mark: cleared on reopen and on an approved extension (R8), marked again when the new deadline is missed',
  (ctx) => {
    const api = incidentApi(() => ctx.database)
    afterEach(thaw)

    async function at<T>(ms: number, fn: () => Promise<T>): Promise<T> {
      freezeClock(iso(ms))
      try {
        return await fn()
      } finally {
        thaw()
      }
    }
    const overdueAt = async (code: string) => {
      const [r] = await ctx.database.rows<{ o: string | null }>(sql`SELECT to_json(overdue_at) #>> '{}' AS o FROM incident WHERE code = ${code}`)
      return r!.o === null ? null : new Date(r!.o).toISOString()
    }
    const tickAll = async (ms: number) => {
      const w = workerAt(ctx.database, ms)
      for (let r = await w.tick(); r.claimed > 0; r = await w.tick()) expect(r.failed).toBe(0)
    }

    /** A complaint registered at `t0`, dispatched and accepted by its unit. */
    async function accepted(t0: number): Promise<{ code: string; resolveBy: number }> {
      return at(t0, async () => {
        const { code } = (await api.create(complaint())).body
        await api.step(code, 'register', { incidentType: 'complaint' })
        await api.step(code, 'dispatch', { unitCode: 'city_admin' })
        const r = await api.step(code, 'accept', {}, 'handler')
        return { code, resolveBy: Date.parse(r.deadlines.resolveBy) }
      })
    }

    it('R8: an extension approved after the old deadline passed clears overdue; missing the new deadline marks it again', async () => {
      const { code, resolveBy } = await accepted(day(1))
      const asked = resolveBy + 4 * 24 * HOUR
      await at(resolveBy - 2 * HOUR, () => api.step(code, 'requestExtension', { reason: '需协调产权单位', newDueAt: iso(asked) }, 'handler'))
      // The deadline passes while the request waits: the worker marks it overdue.
      await tickAll(resolveBy + 60_000)
      expect(await overdueAt(code)).toBe(iso(resolveBy + 60_000))
      const approved = await at(resolveBy + 2 * HOUR, () => api.step(code, 'decideExtension', { approve: true }))
      expect(approved.deadlines.resolveBy).toBeTruthy()
      expect(Date.parse(approved.deadlines.resolveBy)).toBe(asked)
      expect(approved.deadlines.overdueAt).toBeNull()
      expect(await overdueAt(code)).toBeNull()
      const decided = (await api.events(code)).find((e: { action: string }) => e.action === 'decideExtension')
      expect(decided.data).toMatchObject({ approved: true, overdueCleared: iso(resolveBy + 60_000), oldDueAt: iso(resolveBy), newDueAt: iso(asked) })
      // Not overdue before the new deadline; overdue again once it is missed.
      await tickAll(asked - 60_000)
      expect(await overdueAt(code)).toBeNull()
      await tickAll(asked + 60_000)
      expect(await overdueAt(code)).toBe(iso(asked + 60_000))
    })

    it('R8: a refused extension leaves the overdue mark', async () => {
      const { code, resolveBy } = await accepted(day(8))
      await at(resolveBy - HOUR, () => api.step(code, 'requestExtension', { reason: '材料未到', newDueAt: iso(resolveBy + 48 * HOUR) }, 'handler'))
      await tickAll(resolveBy + 60_000)
      await at(resolveBy + HOUR, () => api.step(code, 'decideExtension', { approve: false, reason: '可以按期完成' }))
      expect(await overdueAt(code)).toBe(iso(resolveBy + 60_000))
    })

    it('reopen after a bad callback clears overdue and starts a new resolve-by from the reopening', async () => {
      const { code, resolveBy } = await accepted(day(15))
      await tickAll(resolveBy + 60_000)
      expect(await overdueAt(code)).not.toBeNull()
      const t = resolveBy + 3 * HOUR
      await at(t, async () => {
        await api.step(code, 'arrive', {}, 'handler')
        await api.step(code, 'resolve', { note: '已清理', afterPhotos: [photo()] }, 'handler')
        await api.step(code, 'verifyPass', {}, 'inspector')
      })
      const reopened = await at(t + 24 * HOUR, () => api.step(code, 'reopen', { reason: '回访不满意：垃圾又堆起来了' }))
      expect(reopened.state).toBe('registered')
      expect(reopened.deadlines.overdueAt).toBeNull()
      expect(Date.parse(reopened.deadlines.resolveBy)).toBeGreaterThan(t + 24 * HOUR)
      const ev = (await api.events(code)).find((e: { action: string }) => e.action === 'reopen')
      expect(ev.data.overdueCleared).toBe(iso(resolveBy + 60_000))
      // Missing the new period marks it overdue again (once).
      await tickAll(Date.parse(reopened.deadlines.resolveBy) + 60_000)
      expect(await overdueAt(code)).toBe(iso(Date.parse(reopened.deadlines.resolveBy) + 60_000))
    })
  },
  seedFixture,
)
