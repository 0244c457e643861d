// `npm start`: build the web app if it is missing or stale, then run the API (which serves it) in this process.
import { execFileSync } from 'node:child_process'
import { createRequire } from 'node:module'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const distIndex = path.join(root, 'apps/web/dist/index.html')

function newestMtime(p) {
  if (!fs.existsSync(p)) return 0
  const st = fs.statSync(p)
  if (!st.isDirectory()) return st.mtimeMs
  let max = 0
  for (const e of fs.readdirSync(p)) if (e !== 'node_modules' && e !== 'dist') max = Math.max(max, newestMtime(path.join(p, e)))
  return max
}

const inputs = ['apps/web/src', 'apps/web/index.html', 'apps/web/vite.config.ts', 'apps/web/public', 'packages/shared/src']
const built = fs.existsSync(distIndex) ? fs.statSync(distIndex).mtimeMs : 0
const newest = Math.max(...inputs.map((p) => newestMtime(path.join(root, p))))
if (!process.env.WEB_DIST && (built === 0 || newest > built)) {
  console.log(built === 0 ? 'Building the web app…' : 'Web sources changed: rebuilding the web app…')
  // The web workspace's own vite (vitest may hoist another version to the root).
  const vitePkg = createRequire(path.join(root, 'apps/web/package.json')).resolve('vite/package.json')
  execFileSync(process.execPath, [path.join(path.dirname(vitePkg), 'bin/vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: path.join(root, 'apps/web'),
    stdio: 'inherit',
  })
}

const { register } = await import('tsx/esm/api')
register()
await import(path.join(root, 'apps/api/src/main.ts'))
