// `npm run test:timings [-- vitest args]`: runs vitest with the JSON reporter, then prints every test file sorted by
// duration with its project, and totals per project. `--from FILE` prints an existing report instead of running
// (e.g. the test-results/vitest.json that .ci/run writes). Figures on a shared machine are noisy: compare runs
// made the same way.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const args = process.argv.slice(2)
let report
const fromAt = args.indexOf('--from')
if (fromAt >= 0) {
  report = path.resolve(args[fromAt + 1])
} else {
  report = path.join(root, 'test-results', `vitest-timings-${process.pid}.json`)
  fs.mkdirSync(path.dirname(report), { recursive: true })
  const vitest = path.join(root, 'node_modules', 'vitest', 'vitest.mjs')
  const r = spawnSync(process.execPath, [vitest, 'run', '--reporter=dot', '--reporter=json', `--outputFile.json=${report}`, ...args], {
    cwd: root,
    stdio: 'inherit',
  })
  if (!fs.existsSync(report)) process.exit(r.status ?? 1)
  process.exitCode = r.status ?? 1
}
console.log(formatTimings(JSON.parse(fs.readFileSync(report, 'utf8'))))

/** The project a test file belongs to, from where it lives (the same split as the vitest projects). */
function projectOf(file) {
  const rel = path.relative(root, file)
  if (rel.startsWith('packages/shared/')) return 'shared'
  if (rel.startsWith('apps/api/')) return 'api'
  if (rel.startsWith('apps/web/e2e/')) return 'browser'
  if (rel.startsWith('apps/web/')) return 'web'
  return 'other'
}

function formatTimings(json) {
  const files = json.testResults.map((f) => ({
    file: path.relative(root, f.name),
    project: projectOf(f.name),
    ms: Math.max(0, (f.endTime ?? 0) - (f.startTime ?? 0)),
    tests: f.assertionResults.length,
    failed: f.assertionResults.filter((a) => a.status === 'failed').length,
  }))
  files.sort((a, b) => b.ms - a.ms)
  const s = (ms) => (ms / 1000).toFixed(1).padStart(7)
  const lines = ['', 'Test files by duration (vitest start→end of each file; files run in parallel, so they overlap):', '']
  lines.push(`${'seconds'.padStart(7)}  ${'project'.padEnd(8)} ${'tests'.padStart(5)}  file`)
  for (const f of files) lines.push(`${s(f.ms)}  ${f.project.padEnd(8)} ${String(f.tests).padStart(5)}  ${f.file}${f.failed ? `  (${f.failed} failed)` : ''}`)
  const projects = new Map()
  for (const f of files) {
    const p = projects.get(f.project) ?? { files: 0, tests: 0, ms: 0 }
    p.files++
    p.tests += f.tests
    p.ms += f.ms
    projects.set(f.project, p)
  }
  lines.push('', 'Per project (sum of file durations):', '')
  lines.push(`${'project'.padEnd(8)} ${'files'.padStart(5)} ${'tests'.padStart(6)} ${'seconds'.padStart(8)}`)
  let total = { files: 0, tests: 0, ms: 0 }
  for (const [name, p] of [...projects].sort((a, b) => b[1].ms - a[1].ms)) {
    lines.push(`${name.padEnd(8)} ${String(p.files).padStart(5)} ${String(p.tests).padStart(6)} ${s(p.ms).padStart(8)}`)
    total = { files: total.files + p.files, tests: total.tests + p.tests, ms: total.ms + p.ms }
  }
  lines.push(`${'total'.padEnd(8)} ${String(total.files).padStart(5)} ${String(total.tests).padStart(6)} ${s(total.ms).padStart(8)}`)
  const wall = json.testResults.length ? Math.max(...json.testResults.map((f) => f.endTime)) - json.startTime : 0
  lines.push('', `Wall clock ${(wall / 1000).toFixed(1)} s; ${json.numPassedTests} passed, ${json.numFailedTests} failed, ${json.numPendingTests + json.numTodoTests} skipped of ${json.numTotalTests}.`)
  return lines.join('\n')
}
