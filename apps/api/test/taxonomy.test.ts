import fs from 'node:fs'
import path from 'node:path'
import { sql } from 'drizzle-orm'
import { expect, it } from 'vitest'
import { REPO_ROOT } from '../src/repo-root.ts'
import { seedDatabase } from '../src/seed/index.ts'
import { invalidateReference } from '../src/services/assignment/reference-cache.ts'
import { testApp } from './app.ts'
import { describeEachEngine } from './engines.ts'

/* eslint-disable @typescript-eslint/no-explicit-any */

describeEachEngine(
  'GET /api/taxonomy (docs/DOMAIN.md §3)',
  (ctx) => {
    const get = async () => {
      const res = await testApp(ctx.database).request('/api/taxonomy')
      return { status: res.status, headers: res.headers, body: (await res.json()) as any }
    }

    it('answers without a session: 5 classes → 17 subclasses with lead units → 94 fine classes with responsible units', async () => {
      const { status, headers, body } = await get()
      expect(status).toBe(200)
      expect(headers.get('cache-control')).toBe('no-cache')
      expect(body.classes).toHaveLength(5)
      const subclasses = body.classes.flatMap((c: any) => c.subclasses)
      const fines = subclasses.flatMap((s: any) => s.fineClasses)
      expect(subclasses).toHaveLength(17)
      expect(fines).toHaveLength(94)
      expect(subclasses.find((s: any) => s.code === '0105').leadUnit).toEqual({ code: 'transport', name: '区交通运输局', nameEn: expect.any(String) })
      expect(fines.find((f: any) => f.code === '010502')).toMatchObject({
        name: '路面塌陷', safetyHazard: true, territorial: false, responsibleUnit: { code: 'transport', name: '区交通运输局' },
      })
      expect(fines.find((f: any) => f.code === '020602')).toMatchObject({ territorial: true, responsibleUnit: null })
      for (const s of subclasses) expect(s.leadUnit.name).not.toBe(s.leadUnit.code)
    })

    it('lists the units, street offices with their street and sections with their parent', async () => {
      const { body } = await get()
      const byCode = new Map(body.units.map((u: any) => [u.code, u]))
      expect(byCode.get('command_center')).toMatchObject({ name: '区数字城管中心', kind: expect.any(String), parentCode: null })
      const offices = body.units.filter((u: any) => u.kind === 'street_office')
      expect(offices).toHaveLength(13)
      expect(offices.every((u: any) => /^\d{12}$/.test(u.regionCode))).toBe(true)
    })

    it('has an English name for every unit and class, street/town offices included', async () => {
      const { body } = await get()
      const classes = body.classes.flatMap((c: any) => [c, ...c.subclasses, ...c.subclasses.flatMap((s: any) => s.fineClasses)])
      expect(classes).toHaveLength(116)
      expect(classes.filter((c: any) => !c.nameEn || /[\u4e00-\u9fff]/.test(c.nameEn)).map((c: any) => c.code)).toEqual([])
      expect(body.units.filter((u: any) => !u.nameEn || /[\u4e00-\u9fff]/.test(u.nameEn)).map((u: any) => u.code)).toEqual([])
      expect(body.units.find((u: any) => u.code === 'office_350303001')).toMatchObject({ nameEn: 'Handong Subdistrict Office' })
    })

    it('migration 0033 fills empty English names on an older database and keeps the ones written', async () => {
      await ctx.database.rows(sql`UPDATE unit SET name_en = '' WHERE code IN ('office_350303001', 'transport')`)
      await ctx.database.rows(sql`UPDATE unit SET name_en = 'Our own name' WHERE code = 'city_admin'`)
      await ctx.database.rows(sql`UPDATE taxonomy_class SET name_en = '' WHERE code IN ('01', '0101', '010101')`)
      const file = fs.readFileSync(path.join(REPO_ROOT, 'drizzle', '0033_names_en.sql'), 'utf8')
      for (const statement of file.split('--> statement-breakpoint')) await ctx.database.rows(sql.raw(statement))
      const units = await ctx.database.rows<{ code: string; name_en: string }>(
        sql`SELECT code, name_en FROM unit WHERE code IN ('office_350303001', 'transport', 'city_admin') ORDER BY code`,
      )
      expect(units).toEqual([
        { code: 'city_admin', name_en: 'Our own name' },
        { code: 'office_350303001', name_en: 'Handong Subdistrict Office' },
        { code: 'transport', name_en: expect.stringMatching(/^District transport/) },
      ])
      const classes = await ctx.database.rows<{ name_en: string }>(sql`SELECT name_en FROM taxonomy_class WHERE code IN ('01', '0101', '010101') ORDER BY code`)
      expect(classes.map((c) => c.name_en)).toEqual(['Public facility maintenance', 'Water supply', 'Burst or leaking water main'])
    })

    it('shows admin edits (after the reference cache is invalidated)', async () => {
      await ctx.database.rows(sql`UPDATE taxonomy_class SET name = '路面塌陷（坍塌）' WHERE code = '010502'`)
      invalidateReference(ctx.database)
      const fines = (await get()).body.classes.flatMap((c: any) => c.subclasses).flatMap((s: any) => s.fineClasses)
      expect(fines.find((f: any) => f.code === '010502').name).toBe('路面塌陷（坍塌）')
    })
  },
  async (database) => {
    await seedDatabase(database, { demo: false })
  },
)
