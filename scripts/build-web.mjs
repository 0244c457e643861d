// Builds apps/web when its dist/ is missing or older than its sources (the API serves dist/). Used by `npm start`
// and the desk benchmark.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const distIndex = path.join(root, 'apps/web/dist/index.html')
const inputs = ['apps/web/src', 'apps/web/index.html', 'apps/web/vite.config.ts', 'apps/web/public', 'packages/shared/src']

function newestMtime(p) {
  if (!fs.existsSync(p)) return 0
  const st = fs.statSync(p)
  if (!st.isDirectory()) return st.mtimeMs
  let max = 0
  for (const e of fs.readdirSync(p)) if (e !== 'node_modules' && e !== 'dist') max = Math.max(max, newestMtime(path.join(p, e)))
  return max
}

/** Returns the dist folder, building it first when missing or stale. */
export function ensureWebBuilt() {
  const built = fs.existsSync(distIndex) ? fs.statSync(distIndex).mtimeMs : 0
  const newest = Math.max(...inputs.map((p) => newestMtime(path.join(root, p))))
  if (built === 0 || newest > built) {
    console.log(built === 0 ? 'Building the web app…' : 'Web sources changed: rebuilding the web app…')
    // The web workspace's own vite (vitest may hoist another version to the root).
    const vitePkg = createRequire(path.join(root, 'apps/web/package.json')).resolve('vite/package.json')
    execFileSync(process.execPath, [path.join(path.dirname(vitePkg), 'bin/vite.js'), 'build', '--logLevel', 'warn'], {
      cwd: path.join(root, 'apps/web'),
      stdio: 'inherit',
    })
  }
  return path.dirname(distIndex)
}
