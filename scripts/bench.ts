// `npm run bench`: every benchmark prints its figures with a baseline measured in the same run.
import { printFigures } from '../bench/lib.ts'
import { benchStartup } from '../bench/startup.ts'
import { benchAssign } from '../bench/assign.ts'
import { benchIntake } from '../bench/intake.ts'
import { benchMap } from '../bench/map.ts'
import { benchDesk } from '../bench/desk.ts'
import { benchPatrol } from '../bench/patrol.ts'
import { benchAnalytics } from '../bench/analytics.ts'
import { benchEvaluation } from '../bench/evaluation.ts'
import { benchEditor } from '../bench/editor.ts'
import { benchEditorDrag } from '../bench/editor-drag.ts'

const only = process.argv.slice(2)
const suites: [string, () => Promise<import('../bench/lib.ts').Figure[]>][] = [
  ['startup', benchStartup],
  ['assign', benchAssign],
  ['intake', benchIntake],
  ['map', benchMap],
  ['desk', benchDesk],
  ['patrol', benchPatrol],
  ['analytics', benchAnalytics],
  ['evaluation', benchEvaluation],
  ['editor', benchEditor],
  ['editor-drag', benchEditorDrag],
]

console.log(`涵江 platform benchmarks — ${new Date().toISOString()} — node ${process.version}, ${(await import('node:os')).cpus().length} cores`)
for (const [name, run] of suites) {
  if (only.length && !only.includes(name)) continue
  printFigures(name, await run())
}
