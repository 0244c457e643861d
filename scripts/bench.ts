// `npm run bench`: every benchmark prints its figures with a baseline measured in the same run.
import { printFigures } from '../bench/lib.ts'
import { benchStartup } from '../bench/startup.ts'
import { benchAssign } from '../bench/assign.ts'
import { benchIntake } from '../bench/intake.ts'
import { benchMap } from '../bench/map.ts'
import { benchTiles } from '../bench/tiles.ts'
import { benchDesk } from '../bench/desk.ts'
import { benchPatrol } from '../bench/patrol.ts'
import { benchAnalytics } from '../bench/analytics.ts'
import { benchEvaluation } from '../bench/evaluation.ts'
import { benchEditor } from '../bench/editor.ts'
import { benchLoad } from '../bench/load.ts'
import { benchEditorDrag } from '../bench/editor-drag.ts'

const only = process.argv.slice(2)
const suites: [string, () => Promise<import('../bench/lib.ts').Figure[]>][] = [
  ['startup', benchStartup],
  ['assign', benchAssign],
  ['intake', benchIntake],
  ['map', benchMap],
  ['tiles', benchTiles],
  ['desk', benchDesk],
  ['patrol', benchPatrol],
  ['analytics', benchAnalytics],
  ['evaluation', benchEvaluation],
  ['editor', benchEditor],
]
// Not in a plain `npm run bench`: only when named (`npm run bench -- load`), it runs the whole API for a minute.
if (only.includes('load')) suites.push(['load', benchLoad])
// Chromium frame times while dragging a vertex in the grid editor: only when named (`npm run bench -- editor-drag`).
if (only.includes('editor-drag')) suites.push(['editor-drag', benchEditorDrag])

console.log(`涵江 platform benchmarks — ${new Date().toISOString()} — node ${process.version}, ${(await import('node:os')).cpus().length} cores`)
for (const [name, run] of suites) {
  if (only.length && !only.includes(name)) continue
  printFigures(name, await run())
}
