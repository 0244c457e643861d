import { COVERAGE_TOLERANCE_M, toWgs84, type Crs } from '@hanjiang/shared'
import { coverageOfGrids, gridPatrol, gridsInAreas } from '../../db/repositories/patrol.ts'
import type { Database } from '../../db/types.ts'
import type { Actor } from '../../http/actor.ts'
import { problems } from '../../http/problem.ts'
import { coverageView } from './coverage.ts'
import { patrolPrefixes, requireGridInScope } from './scope.ts'
import type { PatrolGrids } from '@hanjiang/shared/contract'

/**
 * The grids the actor patrols (in their areas), and which one contains `at` (the phone's position) — the
 * patrol page opens on that one, else on the first.
 */
export async function listPatrolGrids({ database, actor, at }: { database: Database; actor: Actor; at?: { lng: number; lat: number; crs: Crs } }): Promise<PatrolGrids> {
  const point = at ? toWgs84(at, at.crs) : null
  const rows = await gridsInAreas(database, patrolPrefixes(actor), point)
  return {
    areas: [...(actor.areaPrefixes ?? [])],
    current: rows.find((r) => r.here)?.code ?? null,
    grids: rows.map((r) => ({ code: r.code, name: r.name, hasRoute: r.hasRoute })),
  }
}

const feature = (geometry: string, properties: Record<string, unknown>) => ({ type: 'Feature' as const, properties, geometry: JSON.parse(geometry) })

/** One grid on one day: outline, planned route, the day's tracks touching it (own marked), and coverage. */
export async function getPatrolGrid({ database, actor, code, day }: { database: Database; actor: Actor; code: string; day: string }) {
  requireGridInScope(code, patrolPrefixes(actor))
  const [g, cov] = await Promise.all([gridPatrol(database, code, day), coverageOfGrids(database, { gridCode: code }, day, COVERAGE_TOLERANCE_M)])
  if (!g) throw problems.notFound('grid', `No current grid ${code}`)
  return {
    code: g.code,
    name: g.name,
    day,
    grid: feature(g.grid, { code: g.code, name: g.name }),
    route: g.route ? feature(g.route, { gridCode: g.code }) : null,
    tracks: {
      type: 'FeatureCollection' as const,
      features: g.tracks.map((t) => feature(t.geometry, { own: t.userName === actor.id, startedAt: t.startedAt, endedAt: t.endedAt })),
    },
    coverage: cov[0] ? { ...coverageView(cov[0]), toleranceM: COVERAGE_TOLERANCE_M } : null,
  }
}
