import fs from 'node:fs'
import path from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import type { Plugin } from 'vite'

/** Text assets worth compressing (the rest — images, fonts already compressed — are served as they are). */
const COMPRESSIBLE = /\.(js|mjs|css|html|json|svg|txt|map|wasm)$/

/**
 * After the build, writes `.br` and `.gz` next to every text asset over 1 KB, at maximum compression. The API's
 * static handler serves them (`precompressed`) to browsers that accept them: MapLibre alone is ~1 MB raw,
 * ~0.25 MB as brotli, and nothing is compressed per request. No dependency: node:zlib does both.
 */
export function precompress(): Plugin {
  let outDir = 'dist'
  return {
    name: 'hj-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir)
    },
    closeBundle() {
      for (const file of walk(outDir)) {
        if (!COMPRESSIBLE.test(file)) continue
        const raw = fs.readFileSync(file)
        if (raw.byteLength < 1024) continue
        fs.writeFileSync(`${file}.gz`, gzipSync(raw, { level: 9 }))
        fs.writeFileSync(`${file}.br`, brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.byteLength } }))
      }
    },
  }
}

function* walk(dir: string): Generator<string> {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name)
    if (e.isDirectory()) yield* walk(p)
    else if (!e.name.endsWith('.gz') && !e.name.endsWith('.br')) yield p
  }
}
