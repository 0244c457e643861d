import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { childPids, startApi, type Proc } from './api-process.ts'
import { openTestDatabase, type TestDatabase } from './engines.ts'

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

async function until(what: string, ok: () => boolean, timeoutMs = 30_000): Promise<void> {
  const end = performance.now() + timeoutMs
  while (!ok()) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`)
    await sleep(50)
  }
}

// Several HTTP processes need a PostgreSQL server (the embedded database lives in one process).
describe.runIf(process.env.TEST_DATABASE_URL)('API_PROCESSES: several API processes on one port [server]', () => {
  let db: TestDatabase
  const procs: Proc[] = []
  beforeAll(async () => {
    db = await openTestDatabase('server')
  })
  afterAll(async () => {
    for (const p of procs) {
      for (const pid of p.child.pid ? childPids(p.child.pid) : []) process.kill(pid, 'SIGKILL')
      if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL')
    }
    await db?.dispose()
  })

  it('serves one port from two processes, replaces one that dies, and stops them all on SIGTERM', async () => {
    const p = startApi({ DATABASE_URL: db.url!, API_PROCESSES: '2', TIMER_WORKER: 'off' })
    procs.push(p)
    const url = await p.url
    expect(p.out()).toContain('2 API processes on one port')
    const primary = p.child.pid!
    const first = childPids(primary)
    expect(first).toHaveLength(2)
    for (let i = 0; i < 6; i++) expect((await fetch(`${url}/api/health`)).status).toBe(200)

    process.kill(first[0]!, 'SIGKILL')
    await until('a replacement process', () => p.out().includes(`API process ${first[0]} exited (SIGKILL); starting another in 1 s`))
    await until('two processes again', () => {
      const now = childPids(primary)
      return now.length === 2 && !now.includes(first[0]!)
    })
    for (let i = 0; i < 6; i++) expect((await fetch(`${url}/api/health`)).status).toBe(200)

    const last = childPids(primary)
    p.child.kill('SIGTERM')
    expect(await p.exited).toEqual({ code: 0, signal: null })
    expect(p.out()).toContain('SIGTERM: stopping 2 API processes')
    for (const pid of last) expect(() => process.kill(pid, 0)).toThrow()
  })

  it('refuses more than one process on the embedded database, naming the variable', async () => {
    const p = startApi({ DATABASE_URL: '', API_PROCESSES: '2' })
    procs.push(p)
    expect(await p.exited).toMatchObject({ code: 1 })
    expect(p.out()).toContain('API_PROCESSES: more than one process needs DATABASE_URL')
  })
})
