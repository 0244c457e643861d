import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import type { TestProject } from 'vitest/node'
import { createDatabase, databaseUrl, dropDatabase, e2eEngines, newDatabaseName } from './postgis.ts'
import { DEMO_PASSWORD } from './auth.ts'
import { PG_TEMPLATE_KEY, SESSIONS_KEY, TEMPLATE_KEY, TEMPLATE_SIGNED_IN, templateServerOverrides, type StoredSession } from './template.ts'

const webDir = path.resolve(import.meta.dirname, '../..')
const dist = path.join(webDir, 'dist', 'index.html')

function newestMtime(p: string): number {
  if (!fs.existsSync(p)) return 0
  const st = fs.statSync(p)
  if (!st.isDirectory()) return st.mtimeMs
  let newest = st.mtimeMs
  for (const e of fs.readdirSync(p)) {
    if (e === 'node_modules' || e.startsWith('.')) continue
    newest = Math.max(newest, newestMtime(path.join(p, e)))
  }
  return newest
}

/**
 * Before the browser tests: builds the web app if needed, then migrates and seeds ONE demo database into a
 * template data folder (the real server start, timer worker off). Each test file's server starts on its own
 * copy of it (support/app.ts), so files stay isolated without each paying for PGlite + migrations + the seed.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  buildWeb()
  const t0 = performance.now()
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hj-web-e2e-template-'))
  // Imported by a computed path, so the web typecheck does not pull in (and depend on) the API's sources.
  const serverModule = path.resolve(webDir, '../api/src/server.ts')
  const { startServer } = (await import(/* @vite-ignore */ serverModule)) as {
    startServer: (o: Record<string, string | undefined>) => Promise<{ url: string; close(): Promise<void> }>
  }
  const server = await startServer(templateServerOverrides(dir))
  // Sessions stored in the template are valid on every copy: files reuse them instead of signing in (an argon2
  // verification each) — a storage state shared by the files.
  const sessions: Record<string, StoredSession> = {}
  for (const role of TEMPLATE_SIGNED_IN) {
    const r = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: role, password: DEMO_PASSWORD }),
    })
    if (r.status !== 200) throw new Error(`template sign-in as ${role}: HTTP ${r.status} ${await r.text()}`)
    const cookies = r.headers.getSetCookie().map((c) => c.split(';')[0]!).map((nv) => ({ name: nv.slice(0, nv.indexOf('=')), value: nv.slice(nv.indexOf('=') + 1) }))
    sessions[role] = { cookies, signedIn: await r.json() }
  }
  await server.close()
  const sessionsFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hj-web-e2e-sessions-')), 'sessions.json')
  fs.writeFileSync(sessionsFile, JSON.stringify(sessions))
  project.provide(SESSIONS_KEY, sessionsFile)
  console.log(`[browser tests] seeded the template database in ${Math.round(performance.now() - t0)} ms`)
  project.provide(TEMPLATE_KEY, dir)
  let pgTemplate: string | undefined
  if (e2eEngines().includes('postgis')) {
    const t1 = performance.now()
    pgTemplate = newDatabaseName('hj_e2e_template')
    await createDatabase(pgTemplate)
    const pgDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hj-web-e2e-pg-'))
    const pgServer = await startServer(templateServerOverrides(pgDir, databaseUrl(pgTemplate)))
    await pgServer.close()
    fs.rmSync(pgDir, { recursive: true, force: true })
    console.log(`[browser tests] seeded the PostGIS template database ${pgTemplate} in ${Math.round(performance.now() - t1)} ms`)
    project.provide(PG_TEMPLATE_KEY, pgTemplate)
  }
  return async () => {
    fs.rmSync(dir, { recursive: true, force: true })
    fs.rmSync(path.dirname(sessionsFile), { recursive: true, force: true })
    if (pgTemplate) await dropDatabase(pgTemplate)
  }
}

/** Builds the web app when `dist/` is missing or older than its sources (the server serves `dist/`). */
function buildWeb(): void {
  const inputs = ['src', 'public', 'index.html', 'vite.config.ts', 'package.json', '../../packages/shared/src']
  const sourceTime = Math.max(...inputs.map((p) => newestMtime(path.join(webDir, p))))
  const builtTime = fs.existsSync(dist) ? fs.statSync(dist).mtimeMs : 0
  if (builtTime >= sourceTime) return
  const require = createRequire(path.join(webDir, 'package.json'))
  const vitePkg = require.resolve('vite/package.json')
  const bin = (JSON.parse(fs.readFileSync(vitePkg, 'utf8')) as { bin: Record<string, string> }).bin.vite!
  const vite = path.join(path.dirname(vitePkg), bin)
  console.log(`[browser tests] building apps/web (${builtTime ? 'dist is older than src' : 'no dist yet'})…`)
  const r = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: webDir, stdio: 'inherit' })
  if (r.status !== 0) throw new Error(`vite build failed with exit code ${r.status}`)
}
