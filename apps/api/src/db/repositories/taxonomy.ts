import { sql } from 'drizzle-orm'
import type { Taxonomy, Unit } from '@hanjiang/shared'
import type { AppDb, Database } from '../types.ts'

/** The taxonomy and units as stored (admins edit them), in the shape the shared rules take. */
export async function loadTaxonomy(database: Database, tx?: AppDb): Promise<Taxonomy> {
  const [units, classes] = await Promise.all([
    database.rows<{ code: string; name: string; nameEn: string; kind: Unit['kind']; parentCode: string | null; regionCode: string | null }>(
      sql`SELECT code, name, name_en AS "nameEn", kind, parent_code AS "parentCode", region_code AS "regionCode"
          FROM unit WHERE active ORDER BY code`,
      tx,
    ),
    database.rows<{ code: string; level: string; parentCode: string | null; name: string; nameEn: string; leadUnit: string | null; responsible: string | null; safetyHazard: boolean }>(
      sql`SELECT code, level, parent_code AS "parentCode", name, name_en AS "nameEn", lead_unit AS "leadUnit",
                 responsible, safety_hazard AS "safetyHazard"
          FROM taxonomy_class ORDER BY sort, code`,
      tx,
    ),
  ])
  const tax: Taxonomy = {
    units: units.map((u) => ({
      code: u.code, name: u.name, nameEn: u.nameEn, kind: u.kind,
      ...(u.parentCode ? { parent: u.parentCode } : {}),
      ...(u.regionCode ? { regionCode: u.regionCode } : {}),
    })),
    classes: [],
  }
  const subclasses = new Map<string, Taxonomy['classes'][number]['subclasses'][number]>()
  for (const c of classes) {
    if (c.level === 'class') tax.classes.push({ code: c.code, name: c.name, nameEn: c.nameEn, subclasses: [] })
    else if (c.level === 'subclass') {
      const s = { code: c.code, name: c.name, nameEn: c.nameEn, leadUnit: c.leadUnit!, fineClasses: [] }
      subclasses.set(c.code, s)
      tax.classes.find((k) => k.code === c.parentCode)?.subclasses.push(s)
    } else {
      subclasses.get(c.parentCode!)?.fineClasses.push({
        code: c.code, name: c.name, nameEn: c.nameEn, responsible: c.responsible!, safetyHazard: c.safetyHazard,
      })
    }
  }
  return tax
}
