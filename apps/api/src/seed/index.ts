import { sql } from 'drizzle-orm'
import type { OfficeHours } from '@hanjiang/shared'
import { pendingDemoHistory, planDemoHistory } from '../db/repositories/demo-history.ts'
import { DEMO_ROUTE_SEED, seedPatrolRoutes } from '../db/repositories/patrol.ts'
import type { Database } from '../db/types.ts'
import type { FileStorage } from '../storage/index.ts'
import { seedAccounts } from './accounts.ts'
import { seedDemoAreas } from './demo-areas.ts'
import { seedDemoNamedPlaces } from './demo-named-places.ts'
import type { DemoIncidentReport } from './demo-incidents/index.ts'
import { insertRegions } from './insert-regions.ts'
import { seedReference } from './reference.ts'

export interface SeedReport {
  units: number
  classes: number
  regions: number
  areas: number
  /** Demo patrol routes (one loop per grid). */
  patrolRoutes: number
  /** Demo incidents (a year of history up to the seed time), when the demo jurisdictions were seeded now. */
  incidents?: DemoIncidentReport
  /** The demo's incident history is still to be written (`history: 'deferred'`): see seed/demo-history.ts. */
  demoHistoryPending?: boolean
  /** Accounts created (demo accounts, or the bootstrap admin). */
  accounts: number
  /** A generated bootstrap admin password, to print once. */
  generatedAdminPassword?: string
  ms: number
}

/**
 * Fills an empty database: reference data (units, taxonomy) always, the Hanjiang demo jurisdictions
 * when `demo` is on. One transaction: a crash half-way leaves the database empty, and the next start retries.
 */
export async function seedDatabase(
  database: Database,
  opts: {
    demo: boolean
    demoPassword?: string
    adminPassword?: string
    now?: Date
    escalationIntervalMs?: number
    /** The deployment's office hours (OFFICE_HOURS): the demo's deadlines end when they close. */
    officeHours?: OfficeHours
    /** Where the demo's photos go (the app's photo storage); without one the demo has no photos. */
    storage?: FileStorage
    /**
     * 'inline' (default): the demo's year of incidents is written in this transaction. 'deferred': only planned
     * here; the server writes it after it starts answering (writeDemoHistory), so a first start is quick.
     */
    history?: 'inline' | 'deferred'
  },
): Promise<SeedReport> {
  const t0 = performance.now()
  return database.db.transaction(async (tx) => {
    const ref = await seedReference(database, tx)
    let regions = 0
    let areas = 0
    let patrolRoutes = 0
    let incidents: DemoIncidentReport | undefined
    if (opts.demo) {
      const [row] = await database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM region`, tx)
      if (Number(row!.n) === 0) {
        // Loaded only when seeding: the generator pulls in turf, which a warm start does not need.
        const { buildDemoRegions, buildDemoPlaces } = await import('./regions/index.ts')
        const demo = buildDemoRegions()
        regions = await insertRegions(database, tx, demo)
        areas = await seedDemoAreas(database, tx, buildDemoPlaces(demo))
        const { URBAN_STREETS } = await import('./regions/grids.ts')
        patrolRoutes = await seedPatrolRoutes(database, tx, { ...DEMO_ROUTE_SEED, urbanPrefixes: [...URBAN_STREETS].map((c) => c.slice(0, 9)) })
        const now = opts.now ?? new Date()
        if (opts.history === 'deferred') await planDemoHistory(database, tx, now)
        else {
          const { seedDemoIncidents } = await import('./demo-incidents/index.ts')
          const tp = performance.now()
          const photos = opts.storage ? await (await import('./demo-photos.ts')).storeDemoPhotos(database, tx, opts.storage) : undefined
          const photosMs = Math.round(performance.now() - tp)
          incidents = await seedDemoIncidents(database, tx, demo, { now, stepIntervalMs: opts.escalationIntervalMs, officeHours: opts.officeHours, photos })
          incidents = { ...incidents, photos: photos ? photos.size * 2 : 0, ms: { ...incidents.ms, photos: photosMs } }
          await planDemoHistory(database, tx, now, { total: incidents.incidents })
        }
      }
    }
    if (opts.demo) await seedDemoNamedPlaces(database, tx)
    // The demo's service points stand in its jurisdictions (seed/service-points.json): only into an empty table.
    if (opts.demo) await (await import('./services/index.ts')).seedServicePoints(database, tx)
    const demoHistoryPending = opts.demo && (await pendingDemoHistory(database, tx)) !== null
    const acc = await seedAccounts(database, tx, { demo: opts.demo, demoPassword: opts.demoPassword ?? 'hanjiang-demo', adminPassword: opts.adminPassword })
    if (opts.demo) await (await import('./demo-api-key.ts')).seedDemoApiKey(database, tx)
    return { ...ref, regions, areas, patrolRoutes, incidents, demoHistoryPending, accounts: acc.accounts, generatedAdminPassword: acc.generatedAdminPassword, ms: Math.round(performance.now() - t0) }
  })
}
