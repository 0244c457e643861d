import { sql } from 'drizzle-orm'
import { expect, it } from 'vitest'
import { demoHistoryState } from '../src/db/repositories/demo-history.ts'
import { writeDemoHistory } from '../src/seed/demo-history.ts'
import { seedDatabase } from '../src/seed/index.ts'
import { testApp } from './app.ts'
import { describeEachEngine } from './engines.ts'

// The demo start that answers at once: the year of incidents is planned by the seed and written afterwards, in
// slices, resumable (seed/demo-history.ts).
const SEED_AT = new Date('2026-11-26T07:10:00Z')

describeEachEngine('demo history written after the start', (ctx) => {
  const count = async (q: ReturnType<typeof sql>) => Number((await ctx.database.rows<{ n: number }>(q))[0]!.n)
  const health = async () => {
    const res = await testApp(ctx.database).request('/api/health')
    expect(res.status).toBe(200)
    return ((await res.json()) as { demoData: { state: string; written: number; total: number | null } }).demoData
  }

  it('a deferred seed stores the jurisdictions and accounts but no incidents, and says the history is pending', async () => {
    const report = await seedDatabase(ctx.database, { demo: true, history: 'deferred', now: SEED_AT })
    expect(report.regions).toBeGreaterThan(1000)
    expect(report.accounts).toBeGreaterThan(0)
    expect(report.incidents).toBeUndefined()
    expect(report.demoHistoryPending).toBe(true)
    expect(await count(sql`SELECT count(*)::int AS n FROM incident`)).toBe(0)
    expect(await health()).toEqual({ state: 'generating', written: 0, total: null })
    // A second start before anything was written still finds it pending.
    expect((await seedDatabase(ctx.database, { demo: true, history: 'deferred' })).demoHistoryPending).toBe(true)
  }, 300_000)

  it('stops between slices when told to, keeping what it wrote and how far it got', async () => {
    let slices = 0
    const stopped = await writeDemoHistory(ctx.database, { chunk: 500, stopped: () => slices++ >= 2 })
    expect(stopped).toBeNull()
    const state = await demoHistoryState(ctx.database)
    expect(state.state).toBe('generating')
    expect(state.written).toBe(1000)
    expect(state.total).toBeGreaterThan(5000)
    expect(await count(sql`SELECT count(*)::int AS n FROM incident`)).toBe(1000)
    // The history's codes are reserved: intake meanwhile numbers after them.
    expect(await count(sql`SELECT last_value::int AS n FROM incident_code_seq`)).toBe(state.total)
    expect((await health()).state).toBe('generating')
  }, 300_000)

  it('carries on from there on the next start and ends with the whole history, each incident once', async () => {
    const before = await demoHistoryState(ctx.database)
    const done = await writeDemoHistory(ctx.database, { chunk: 2000 })
    expect(done).not.toBeNull()
    expect(done!.resumedAt).toBe(1000)
    expect(done!.incidents).toBe(before.total)
    expect(await count(sql`SELECT count(*)::int AS n FROM incident`)).toBe(before.total)
    expect(await count(sql`SELECT count(DISTINCT code)::int AS n FROM incident`)).toBe(before.total)
    // Every incident has its event log; merged reports point at their primaries.
    expect(await count(sql`SELECT count(*)::int AS n FROM incident i WHERE NOT EXISTS (SELECT 1 FROM incident_event e WHERE e.incident_id = i.id)`)).toBe(0)
    expect(await count(sql`SELECT count(*)::int AS n FROM incident WHERE state = 'merged' AND primary_id IS NULL`)).toBe(0)
    expect(await health()).toEqual({ state: 'ready', written: before.total, total: before.total })
    // Nothing more to write.
    expect(await writeDemoHistory(ctx.database)).toBeNull()
    expect((await seedDatabase(ctx.database, { demo: true, history: 'deferred' })).demoHistoryPending).toBe(false)
  }, 300_000)
})

describeEachEngine('no demo', (ctx) => {
  it('has no demo history', async () => {
    const report = await seedDatabase(ctx.database, { demo: false })
    expect(report.demoHistoryPending).toBe(false)
    expect(await demoHistoryState(ctx.database)).toEqual({ state: 'none', written: 0, total: null })
  })
})
