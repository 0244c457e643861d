import { COVERAGE_TOLERANCE_M } from '@hanjiang/shared'
import { coverageOfGrids, type CoverageRow } from '../../db/repositories/patrol.ts'
import type { Database } from '../../db/types.ts'
import type { Actor } from '../../http/actor.ts'
import { patrolPrefixes } from './scope.ts'

export interface Coverage {
  gridCode: string
  routeM: number
  coveredM: number
  /** coveredM / routeM, 0–1 (3 decimals). */
  ratio: number
}

export const coverageView = (r: CoverageRow): Coverage => ({
  gridCode: r.gridCode,
  routeM: Math.round(r.routeM),
  coveredM: Math.round(r.coveredM),
  ratio: r.routeM > 0 ? Math.round((r.coveredM / r.routeM) * 1000) / 1000 : 0,
})

/** Coverage of every routed grid in the actor's areas on one Shanghai day. */
export async function areaCoverage({ database, actor, day }: { database: Database; actor: Actor; day: string }) {
  const rows = await coverageOfGrids(database, { prefixes: patrolPrefixes(actor) }, day, COVERAGE_TOLERANCE_M)
  const grids = rows.map(coverageView)
  const routeM = grids.reduce((s, g) => s + g.routeM, 0)
  const coveredM = grids.reduce((s, g) => s + g.coveredM, 0)
  return { day, toleranceM: COVERAGE_TOLERANCE_M, routeM, coveredM, ratio: routeM ? Math.round((coveredM / routeM) * 1000) / 1000 : 0, grids }
}
