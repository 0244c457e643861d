import fs from 'node:fs'
import path from 'node:path'
import type { ServiceCategory } from '@hanjiang/shared'
import { REPO_ROOT } from '../../config.ts'
import { countItems, countPoints, insertItems, insertPoints, type ServiceItemFields } from '../../db/repositories/service-catalogue.ts'
import type { AppDb, Database } from '../../db/types.ts'
import { pinyinInitials } from '../../services/service-catalogue/pinyin.ts'
import type { ServicePointSeed } from './points.ts'

type Level = 'district' | 'town' | 'village'
export interface CatalogueSeedItem extends Omit<ServiceItemFields, 'demo' | 'category'> {
  category: ServiceCategory
  /** Where it is handled: the district center, every town/street center, every village agent point. */
  levels: Level[]
}

export function readServiceCatalogueJson(): CatalogueSeedItem[] {
  return (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'seed', 'service-catalogue.json'), 'utf8')) as { items: CatalogueSeedItem[] }).items
}

export function readServicePointsJson(): ServicePointSeed[] {
  return (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'seed', 'service-points.json'), 'utf8')) as { points: ServicePointSeed[] }).points
}

const LEVEL_OF = { district_center: 'district', town_center: 'town', village_point: 'village' } as const

/**
 * The stand-in catalogue (seed/service-catalogue.json, every item marked demo), into an empty catalogue only:
 * the service-center admin owns it afterwards (withdrawn items stay as closed versions, so it is not refilled).
 */
export async function seedServiceCatalogue(database: Database, tx: AppDb): Promise<number> {
  if ((await countItems(database, tx)) > 0) return 0
  const items = readServiceCatalogueJson().map(({ levels: _levels, ...i }) => ({ ...i, demo: true, pinyinInitials: pinyinInitials(i.name) }))
  return insertItems(database, tx, items, 'seed')
}

/**
 * The demo service points (seed/service-points.json, generated from the demo jurisdictions) with the items each
 * handles by its level, into an empty table only.
 */
export async function seedServicePoints(database: Database, tx: AppDb): Promise<number> {
  if ((await countPoints(database, tx)) > 0) return 0
  const points = readServicePointsJson()
  const items = readServiceCatalogueJson()
  const links = points.flatMap((p) => items.filter((i) => i.levels.includes(LEVEL_OF[p.kind])).map((i) => ({ pointCode: p.code, itemCode: i.code })))
  await insertPoints(database, tx, points, links)
  return points.length
}
