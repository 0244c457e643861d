import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { API_DIST } from '../scripts/build-api.mjs'
import { freePort, SERVER_NODE_FLAGS, start, stop, waitHealthy, type Figure } from './lib.ts'

const ROOT = path.resolve(import.meta.dirname, '..')

/**
 * Time from `npm start` (scripts/start.mjs; the web app already built) to a healthy /api/health, embedded engine:
 * - cold, including the first API build (apps/api/dist removed first): what a fresh clone's first start pays;
 * - cold, built code: empty data folder (PGlite, PostGIS, migrations, the jurisdictions and accounts seeded; the
 *   demo's year of incidents is written after the server answers — timed too, until /api/health says 'ready');
 * - warm: the same data folder again;
 * - for comparison, the same warm start transpiling the TypeScript with tsx (how `npm start` ran before).
 * Baseline, same run: a bare Node HTTP server answering its first request.
 */
export async function benchStartup(): Promise<Figure[]> {
  const port0 = await freePort()
  const bare = `require('http').createServer((q,s)=>s.end('ok')).listen(${port0},'127.0.0.1')`
  let t0 = performance.now()
  let child = start(process.execPath, ['-e', bare], {}, ROOT)
  const baseline = { name: 'bare node http', value: await waitHealthy(`http://127.0.0.1:${port0}/`, t0, child) }
  await stop(child)

  const figures: Figure[] = []
  const dirs: string[] = []
  const dataDir = () => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'hj-bench-start-'))
    dirs.push(d)
    return d
  }
  const env = (port: number, dir: string) => ({ PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dir, DATABASE_URL: '', DEMO: 'true' })
  async function run(name: string, args: string[], dir: string, opts: { untilDemoReady?: boolean } = {}): Promise<void> {
    const port = await freePort()
    t0 = performance.now()
    child = start(process.execPath, [...SERVER_NODE_FLAGS, ...args], env(port, dir), ROOT)
    const url = `http://127.0.0.1:${port}/api/health`
    try {
      figures.push({ name, value: await waitHealthy(url, t0, child), unit: 'ms', baseline })
      if (opts.untilDemoReady) figures.push({ name: '  … until the demo history is written', value: await demoReady(url, t0), unit: 'ms', baseline })
    } finally {
      await stop(child)
    }
  }
  try {
    fs.rmSync(API_DIST, { recursive: true, force: true })
    await run('npm start → healthy, cold + first API build', ['scripts/start.mjs'], dataDir())
    const dir = dataDir()
    await run('npm start → healthy, cold (built code)', ['scripts/start.mjs'], dir, { untilDemoReady: true })
    await run('npm start → healthy, warm (built code)', ['scripts/start.mjs'], dir)
    await run('tsx apps/api/src/main.ts → healthy, warm', ['--import', 'tsx', 'apps/api/src/main.ts'], dir)
  } finally {
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true })
  }
  return figures
}

/** Polls /api/health until the demo's incident history is written; ms since `t0`. Bounded (10 min). */
async function demoReady(url: string, t0: number): Promise<number> {
  while (performance.now() - t0 < 600_000) {
    try {
      const h = (await (await fetch(url)).json()) as { demoData?: { state: string } }
      if (h.demoData?.state !== 'generating') return performance.now() - t0
    } catch {
      // busy: ask again
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error('the demo history was not written within 10 minutes')
}
