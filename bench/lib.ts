import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import { sql } from 'drizzle-orm'
import { hashPassword } from '../apps/api/src/auth/crypto.ts'
import { insertUser } from '../apps/api/src/db/repositories/accounts.ts'
import type { Database } from '../apps/api/src/db/types.ts'

export interface Figure {
  name: string
  value: number
  unit: string
  /** Same-run baseline this figure is compared with, when there is one. */
  baseline?: { name: string; value: number }
}

/**
 * V8 flags the API server runs with (package.json `start`, the Dockerfile, every benchmark server): 64 MB semi-spaces
 * for the young generation. Batch answers (1,000 points, ~1.6 MB of bilingual explanation) allocate briefly but a
 * lot, and with several in flight much is still live at each scavenge: with the default the scavenger took ~14 % of
 * the server's CPU in `npm run bench -- assign`; 32 MB: the API's CPU per 1,000 points ~41 ms, 64 MB ~35 ms
 * (two processes, five runs; 128 MB no better).
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=64']

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer()
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port
      s.close(() => resolve(port))
    })
    s.on('error', reject)
  })
}

/** Polls `url` until it answers 200; returns ms since `t0`. Bounded by `timeoutMs`. */
export async function waitHealthy(url: string, t0: number, child: ChildProcess, timeoutMs = 180_000): Promise<number> {
  let exited = false
  child.once('exit', () => (exited = true))
  while (performance.now() - t0 < timeoutMs) {
    if (exited) throw new Error(`process exited before ${url} was healthy`)
    try {
      const r = await fetch(url)
      if (r.ok) return performance.now() - t0
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error(`${url} not healthy within ${timeoutMs} ms`)
}

export function start(cmd: string, args: string[], env: Record<string, string>, cwd: string): ChildProcess {
  return spawn(cmd, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] })
}

export function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve()
    child.once('exit', () => resolve())
    child.kill('SIGTERM')
  })
}

export function printFigures(title: string, figures: Figure[]): void {
  console.log(`\n## ${title}`)
  for (const f of figures) {
    const v = f.value >= 100 ? Math.round(f.value).toLocaleString('en') : f.value.toFixed(2)
    const ratio = f.baseline ? `   (${(f.value / f.baseline.value).toFixed(2)}× ${f.baseline.name} = ${Math.round(f.baseline.value)} ${f.unit})` : ''
    console.log(`  ${f.name.padEnd(44)} ${v.padStart(10)} ${f.unit}${ratio}`)
  }
}

/** Headers of a signed-in session (cookie + CSRF token) for `username` on a running server. */
export async function signInHeaders(base: string, username: string, password: string): Promise<Record<string, string>> {
  const r = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  })
  if (!r.ok) throw new Error(`bench sign-in as ${username} failed: ${r.status} ${await r.text()}`)
  const { csrfToken } = (await r.json()) as { csrfToken: string }
  return { cookie: r.headers.getSetCookie().map((c) => c.split(';')[0]).join('; '), 'x-csrf-token': csrfToken }
}

/** A bench account with one role in the command center, signed in on `server`: session headers. */
export async function benchSession(server: { database: Database; url: string }, role: string): Promise<Record<string, string>> {
  const username = `bench-${role}`
  const password = 'Bench-Password-1'
  await server.database.rows(sql`INSERT INTO unit (code, name, kind) VALUES ('command_center', '区数字城管中心', 'command') ON CONFLICT (code) DO NOTHING`)
  await insertUser(server.database, {
    username,
    displayName: username,
    unitCode: 'command_center',
    passwordHash: await hashPassword(password),
    mustChangePassword: false,
    roles: [role],
    areas: [],
  } as never)
  return signInHeaders(server.url, username, password)
}

/** CPU ms from /proc (Linux; USER_HZ 100): the whole machine's busy/idle, or one process's user+system. */
function procCpu(pid?: number): { busy: number; idle: number } | null {
  try {
    if (pid !== undefined) {
      // The process and its children (the API's processes under API_PROCESSES). Fields after the parenthesised
      // command name: the parent pid is the 2nd, utime the 12th, stime the 13th.
      let busy = 0
      for (const d of fs.readdirSync('/proc')) {
        if (!/^\d+$/.test(d)) continue
        try {
          const rest = fs.readFileSync(`/proc/${d}/stat`, 'utf8').split(') ')[1]!.split(' ')
          if (Number(d) === pid || Number(rest[1]) === pid) busy += (Number(rest[11]) + Number(rest[12])) * 10
        } catch {
          // gone meanwhile
        }
      }
      return { busy, idle: 0 }
    }
    const v = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number)
    const idle = (v[3]! + v[4]!) * 10
    return { busy: v.reduce((a, b) => a + b, 0) * 10 - idle, idle }
  } catch {
    return null
  }
}

/**
 * Where the CPU went while `fn` ran: this process (the load generator, or the turf scan), the named processes, and the rest of the
 * machine (PostgreSQL, the kernel), as ms of CPU per `per` units of work. Printed, not asserted: it says which
 * side of a figure to work on. Linux only (prints nothing elsewhere).
 */
export async function cpuSplit<T>(label: string, per: number, pids: Record<string, number | undefined>, fn: () => Promise<{ value: T; units: number }>): Promise<T> {
  const beforeAll = procCpu()
  const beforeSelf = process.cpuUsage()
  const beforePids = new Map(Object.entries(pids).map(([k, pid]) => [k, pid ? procCpu(pid) : null]))
  const t0 = performance.now()
  const { value, units } = await fn()
  const wall = performance.now() - t0
  const all = procCpu()
  if (!all || !beforeAll) return value
  const scale = per / units
  const self = process.cpuUsage(beforeSelf)
  const parts: [string, number][] = [['bench process', (self.user + self.system) / 1000]]
  for (const [k, pid] of Object.entries(pids)) {
    const b = beforePids.get(k)
    const a = pid ? procCpu(pid) : null
    if (a && b) parts.push([k, a.busy - b.busy])
  }
  const busy = all.busy - beforeAll.busy
  const idle = all.idle - beforeAll.idle
  parts.push(['PostgreSQL, kernel, rest', busy - parts.reduce((s, [, v]) => s + v, 0)])
  const fmt = (ms: number) => (ms * scale).toFixed(1)
  console.log(
    `  ${label}: CPU ms per ${per.toLocaleString('en')}: ${parts.map(([k, v]) => `${k} ${fmt(v)}`).join(', ')}; ` +
      `idle ${fmt(idle)}; wall ${fmt(wall)} (${Math.round((100 * busy) / (busy + idle))} % busy)`,
  )
  return value
}
