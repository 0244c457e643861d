import { regionVersions } from '../../db/repositories/region-history.ts'
import type { Database } from '../../db/types.ts'
import { problems } from '../../http/problem.ts'

/** Every version of a region, oldest first, as GeoJSON text (404 if the code never existed). */
export async function regionHistory({ database, code }: { database: Database; code: string }): Promise<string> {
  const fc = await regionVersions(database, code)
  if (!fc) throw problems.notFound('region', `No region with code ${code} has ever existed`)
  return fc
}
