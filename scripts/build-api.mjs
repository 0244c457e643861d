// Builds apps/api into apps/api/dist (plain JavaScript, packages/shared bundled in, npm packages left to node_modules)
// when the build is missing or older than its sources, so a start runs compiled code instead of transpiling
// TypeScript each time. Used by `npm start`, `npm run build` and the startup benchmark.
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const API_DIST = path.join(root, 'apps/api/dist')
export const API_MAIN = path.join(API_DIST, 'main.js')
const inputs = ['apps/api/src', 'apps/api/package.json', 'packages/shared/src', 'packages/shared/package.json', 'scripts/build-api.mjs']

function newestMtime(p) {
  if (!fs.existsSync(p)) return 0
  const st = fs.statSync(p)
  if (!st.isDirectory()) return st.mtimeMs
  let max = st.mtimeMs
  for (const e of fs.readdirSync(p)) if (e !== 'node_modules' && e !== 'dist') max = Math.max(max, newestMtime(path.join(p, e)))
  return max
}

/** True when apps/api/dist is missing or older than any of its sources. */
export function apiBuildStale() {
  const built = fs.existsSync(API_MAIN) ? fs.statSync(API_MAIN).mtimeMs : 0
  return built === 0 || Math.max(...inputs.map((p) => newestMtime(path.join(root, p)))) > built
}

/** Builds apps/api/dist now (esbuild: ~1 s). Test files (*.test.ts) are never reached from main.ts. */
export async function buildApi() {
  const esbuild = await import('esbuild')
  fs.rmSync(API_DIST, { recursive: true, force: true })
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: { main: 'apps/api/src/main.ts' },
    outdir: API_DIST,
    bundle: true,
    // Chunks keep the lazy imports lazy: a warm start never loads the demo generator (and turf).
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    logLevel: 'warning',
    plugins: [
      {
        // The workspace's own TypeScript (@hanjiang/*) is compiled in; every npm package stays external.
        name: 'external-packages',
        setup(build) {
          build.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('@hanjiang/') ? undefined : { path: args.path, external: true }))
        },
      },
    ],
  })
  // The stamp: written last, so an interrupted build is rebuilt next time.
  fs.utimesSync(API_MAIN, new Date(), new Date())
}

/** Builds apps/api/dist when missing or stale (one line says so); returns the entry point. */
export async function ensureApiBuilt() {
  if (apiBuildStale()) {
    const had = fs.existsSync(API_MAIN)
    const t0 = performance.now()
    process.stdout.write(had ? 'API sources changed: rebuilding the API…' : 'Building the API…')
    await buildApi()
    console.log(` ${Math.round(performance.now() - t0)} ms`)
  }
  return API_MAIN
}

// `node scripts/build-api.mjs`: build unconditionally (npm run build, the Dockerfile).
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const t0 = performance.now()
  await buildApi()
  console.log(`apps/api/dist built in ${Math.round(performance.now() - t0)} ms`)
}
