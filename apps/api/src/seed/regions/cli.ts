/**
 * Writes the demo regions and places as one GeoJSON FeatureCollection, for looking at them in a GIS viewer:
 *   npx tsx apps/api/src/seed/regions/cli.ts /tmp/hanjiang-regions.geojson
 */
import { writeFileSync } from 'node:fs'
import { buildDemoPlaces, buildDemoRegions, toFeatureCollection } from './index.ts'

const out = process.argv[2]
if (!out) {
  console.error('usage: cli.ts <output.geojson>')
  process.exit(2)
}
const t0 = performance.now()
const regions = buildDemoRegions()
const places = buildDemoPlaces(regions)
const ms = performance.now() - t0
writeFileSync(out, JSON.stringify(toFeatureCollection(regions, places)))
const count = (l: string) => regions.filter((r) => r.level === l).length
console.log(
  `${out}: ${count('district')} district, ${count('street')} streets, ${count('community')} communities, ` +
    `${count('grid')} grids, ${places.length} places in ${ms.toFixed(0)} ms`,
)
