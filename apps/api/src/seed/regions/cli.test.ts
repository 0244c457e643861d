import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createRequire } from 'node:module'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { buildDemoPlaces, buildDemoRegions, toFeatureCollection } from './index.ts'
import { REPO_ROOT } from './sources.ts'

const cli = fileURLToPath(new URL('./cli.ts', import.meta.url))
const tsx = pathToFileURL(createRequire(REPO_ROOT + 'package.json').resolve('tsx')).href

describe('cli (and determinism)', () => {
  it('writes byte-identical output to what this process builds: two independent runs agree', () => {
    const dir = mkdtempSync(join(tmpdir(), 'regions-'))
    try {
      const file = join(dir, 'regions.geojson')
      // a second, independent run: another process, another working directory
      const log = execFileSync(process.execPath, ['--import', tsx, cli, file], { cwd: dir, encoding: 'utf8' })
      console.log(`[regions] cli: ${log.trim()}`)
      const regions = buildDemoRegions() // the only in-process build in this file
      const here = JSON.stringify(toFeatureCollection(regions, buildDemoPlaces(regions)))
      const there = readFileSync(file, 'utf8')
      expect(there.length).toBe(here.length)
      expect(there === here).toBe(true)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('prints its usage without an output path', () => {
    const r = spawnSync(process.execPath, ['--import', tsx, cli], { encoding: 'utf8' })
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/usage/)
  })
})
