import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { freePort, SERVER_NODE_FLAGS, start, stop, waitHealthy, type Figure } from './lib.ts'

const ROOT = path.resolve(import.meta.dirname, '..')

/**
 * Time from `npm start` (scripts/start.mjs, web already built) to a healthy /api/health:
 * cold = empty data folder (create PGlite, PostGIS, migrations, demo seed), warm = the same folder again.
 * Baseline, same run: a bare Node HTTP server answering its first request.
 */
export async function benchStartup(): Promise<Figure[]> {
  const port0 = await freePort()
  const bare = `require('http').createServer((q,s)=>s.end('ok')).listen(${port0},'127.0.0.1')`
  let t0 = performance.now()
  let child = start(process.execPath, ['-e', bare], {}, ROOT)
  const baseline = { name: 'bare node http', value: await waitHealthy(`http://127.0.0.1:${port0}/`, t0, child) }
  await stop(child)

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hj-bench-start-'))
  const figures: Figure[] = []
  for (const label of ['cold (empty data folder)', 'warm (existing data)']) {
    const port = await freePort()
    t0 = performance.now()
    child = start(process.execPath, [...SERVER_NODE_FLAGS, 'scripts/start.mjs'], { PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DATABASE_URL: '' }, ROOT)
    const ms = await waitHealthy(`http://127.0.0.1:${port}/api/health`, t0, child)
    await stop(child)
    figures.push({ name: `npm start → healthy, embedded, ${label}`, value: ms, unit: 'ms', baseline })
  }
  fs.rmSync(dataDir, { recursive: true, force: true })
  return figures
}
