import fs from 'node:fs'
import path from 'node:path'
import { sql } from 'drizzle-orm'
import { BUILTIN_CALENDAR_YEARS, datesBetween, type CalendarDayRow } from '@hanjiang/shared'
import { REPO_ROOT } from '../config.ts'
import { insertCalendarYearsIfAbsent } from '../db/repositories/calendar.ts'
import type { AppDb, Database } from '../db/types.ts'
import { seedKnowledge } from './knowledge.ts'
import { seedServiceCatalogue } from './services/index.ts'

/** The repo's copy of the demo/reference source data (see seed/geo/SOURCES.md for licences). */
export const SEED_DIR = path.join(REPO_ROOT, 'seed')

interface TaxonomyJson {
  units: { code: string; name: string; nameEn: string; kind: string }[]
  /** English names of the street/town offices, by the street's code (their Chinese names are derived). */
  streetOffices: { street: string; nameEn: string }[]
  classes: {
    code: string
    name: string
    nameEn: string
    subclasses: {
      code: string
      name: string
      nameEn: string
      leadUnit: string
      fineClasses: { code: string; name: string; nameEn: string; responsible: string; safetyHazard: boolean }[]
    }[]
  }[]
}

export function readTaxonomyJson(): TaxonomyJson {
  return JSON.parse(fs.readFileSync(path.join(SEED_DIR, 'taxonomy.json'), 'utf8')) as TaxonomyJson
}

export interface DivisionRow {
  code: string
  name: string
  level: 'district' | 'town' | 'village'
  parentCode: string
}

export function readDivisions(): DivisionRow[] {
  const lines = fs.readFileSync(path.join(SEED_DIR, 'hanjiang_divisions.csv'), 'utf8').trim().split(/\r?\n/)
  return lines.slice(1).map((line) => {
    const [code, name, level, parentCode] = line.split(',')
    return { code: code!, name: name!, level: level as DivisionRow['level'], parentCode: parentCode! }
  })
}

/** 涵东街道 → 涵东街道办事处, 江口镇 → 江口镇人民政府, 赤港开发区 → 赤港开发区管委会. */
export function streetOfficeName(streetName: string): string {
  if (streetName.endsWith('街道')) return `${streetName}办事处`
  if (streetName.endsWith('开发区')) return `${streetName}管委会`
  return `${streetName}人民政府`
}

/** Unit code of the office that owns a street's territory (属地). */
export function streetOfficeCode(streetCode: string): string {
  return `office_${streetCode.slice(0, 9)}`
}

/** Units and the taxonomy: reference data every deployment needs, inserted when the tables are empty. */
export async function seedReference(database: Database, tx: AppDb): Promise<{ units: number; classes: number }> {
  await seedCalendar(database, tx)
  const [existing] = await database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM unit`, tx)
  if (Number(existing!.n) > 0) {
    await seedKnowledge(database, tx) // knowledge base (R15): only into an empty table
    await seedServiceCatalogue(database, tx) // the service catalogue (docs/SERVICES.md): likewise
    return { units: 0, classes: 0 }
  }
  const tax = readTaxonomyJson()
  const streets = readDivisions().filter((d) => d.level === 'town')
  const officeEn = new Map(tax.streetOffices.map((o) => [o.street, o.nameEn]))
  const units = [
    ...tax.units.map((u) => ({ code: u.code, name: u.name, nameEn: u.nameEn, kind: u.kind, regionCode: null as string | null })),
    ...streets.map((s) => ({
      code: streetOfficeCode(s.code),
      name: streetOfficeName(s.name),
      nameEn: officeEn.get(s.code) ?? '',
      kind: 'street_office',
      regionCode: s.code,
    })),
  ]
  const classes: Record<string, unknown>[] = []
  let sort = 0
  for (const c of tax.classes) {
    classes.push({ code: c.code, level: 'class', parentCode: null, name: c.name, nameEn: c.nameEn, sort: sort++ })
    for (const s of c.subclasses) {
      classes.push({ code: s.code, level: 'subclass', parentCode: c.code, name: s.name, nameEn: s.nameEn, leadUnit: s.leadUnit, sort: sort++ })
      for (const f of s.fineClasses) {
        classes.push({
          code: f.code, level: 'fine', parentCode: s.code, name: f.name, nameEn: f.nameEn,
          responsible: f.responsible, safetyHazard: f.safetyHazard, sort: sort++,
        })
      }
    }
  }
  await database.rows(sql`
    INSERT INTO unit (code, name, name_en, kind, region_code)
    SELECT code, name, "nameEn", kind, "regionCode"
    FROM json_to_recordset(${JSON.stringify(units)}::json)
      AS x(code text, name text, "nameEn" text, kind text, "regionCode" text)`, tx)
  await database.rows(sql`
    INSERT INTO taxonomy_class (code, level, parent_code, name, name_en, lead_unit, responsible, safety_hazard, sort)
    SELECT code, level, "parentCode", name, "nameEn", "leadUnit", responsible, coalesce("safetyHazard", false), sort
    FROM json_to_recordset(${JSON.stringify(classes)}::json)
      AS x(code text, level text, "parentCode" text, name text, "nameEn" text, "leadUnit" text,
           responsible text, "safetyHazard" boolean, sort int)`, tx)
  await seedKnowledge(database, tx)
  await seedServiceCatalogue(database, tx)
  return { units: units.length, classes: classes.length }
}

/**
 * The working-day calendar years shipped with the code (docs/DOMAIN.md §4: 2026), as `calendar_day` rows.
 * A year already in the table is left alone (the admin maintains it), so this runs on every start.
 */
export async function seedCalendar(database: Database, tx: AppDb): Promise<number> {
  const days: CalendarDayRow[] = BUILTIN_CALENDAR_YEARS.flatMap((y) => [
    ...y.holidays.flatMap((h) => datesBetween(h.from, h.to).map((date) => ({ date, kind: 'holiday' as const, name: h.name }))),
    ...y.makeUpWorkdays.map((w) => ({ date: w.date, kind: 'workday' as const, name: w.name })),
  ])
  return insertCalendarYearsIfAbsent(database, tx, days)
}
