import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

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

/** Builds the web app when `dist/` is missing or older than its sources (the server serves `dist/`). */
export default function setup(): void {
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
