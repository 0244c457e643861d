import { describe, expect, it } from 'vitest'
import { seedTaxonomyView } from '../testing/taxonomy.ts'
import type { ApiClient } from '../api/client.ts'
import {
  fineClassOption,
  loadTaxonomy,
  setTaxonomy,
  taxonomy,
  fineClassOptions,
  groupFineClasses,
  normalise,
  searchFineClasses,
  taxonomyName,
  unitNameEn,
} from './index.ts'

describe('taxonomy from the API', () => {
  it('is loaded from GET /api/taxonomy, once, and the lookups read it', async () => {
    const calls: string[] = []
    const view = seedTaxonomyView()
    const small = { ...view, classes: view.classes.slice(0, 1) }
    const client = { get: async (path: string) => (calls.push(path), small) } as unknown as ApiClient
    try {
      setTaxonomy({ classes: [], units: [] })
      expect(fineClassOption('010501')).toBeNull()
      await Promise.all([loadTaxonomy(client), loadTaxonomy(client)])
      expect(calls).toEqual(['/api/taxonomy'])
      expect(taxonomy().classes).toHaveLength(1)
      expect(fineClassOption('010501')?.subclass.code).toBe('0105')
      expect(fineClassOption('020602')).toBeNull()
    } finally {
      setTaxonomy(view)
    }
  })

  it('(the seed fixture the component tests start with): 5 classes, 17 subclasses, 94 fine classes', () => {
    expect(taxonomy().classes).toHaveLength(5)
    expect(taxonomy().classes.flatMap((c) => c.subclasses)).toHaveLength(17)
    expect(fineClassOptions()).toHaveLength(94)
  })

  it('finds a fine class with its parents by code', () => {
    expect(fineClassOption('010501')).toMatchObject({
      code: '010501',
      name: '道路破损坑洼',
      subclass: { code: '0105', name: '道路交通设施' },
      cls: { code: '01', name: '公用设施维护' },
    })
    expect(fineClassOption('999999')).toBeNull()
    expect(fineClassOption(null)).toBeNull()
  })

  it('names units in English when the taxonomy knows them, and any code level', () => {
    expect(unitNameEn('transport')).toBe('District transport bureau')
    expect(unitNameEn('transport_highway')).toBeNull()
    expect(taxonomyName('0105')?.name).toBe('道路交通设施')
    expect(taxonomyName('02')?.nameEn).toBe('City appearance and environment')
    expect(taxonomyName('020602')?.name).toBe('积存垃圾渣土')
    expect(taxonomyName('77')).toBeNull()
  })
})

describe('searchFineClasses', () => {
  const codes = (q: string) => searchFineClasses(q).map((o) => o.code)

  it('matches everything for an empty query', () => {
    expect(codes('   ')).toHaveLength(94)
  })

  it('matches by code prefix: class, subclass or fine class', () => {
    expect(codes('010501')).toEqual(['010501'])
    expect(codes('0105').every((c) => c.startsWith('0105'))).toBe(true)
    expect(codes('0105').length).toBeGreaterThanOrEqual(3)
    expect(codes('05').every((c) => c.startsWith('05'))).toBe(true)
    // Full-width digits typed with a Chinese IME count too.
    expect(codes('０１０５０１')).toEqual(['010501'])
  })

  it('matches Chinese and English names, of the fine class or its parents', () => {
    expect(codes('坑洼')).toEqual(['010501'])
    expect(codes('POTHOLED')).toEqual(['010501'])
    expect(codes('积存垃圾')).toContain('020602')
    // A subclass name lists its fine classes.
    expect(codes('道路交通设施')).toEqual(expect.arrayContaining(['010501', '010502', '010503']))
  })

  it('needs every word to match', () => {
    expect(codes('road collapse')).toEqual(['010502'])
    expect(codes('坑洼 0206')).toEqual([])
  })

  it('normalises case and full-width letters', () => {
    expect(normalise('  ＲＯＡＤ　x ')).toBe('road x')
  })
})

describe('groupFineClasses', () => {
  it('groups by subclass in order, each group with its class', () => {
    const groups = groupFineClasses(searchFineClasses('01'))
    expect(groups.map((g) => g.subclass.code)).toEqual(['0101', '0102', '0103', '0104', '0105'])
    expect(groups.every((g) => g.cls.code === '01')).toBe(true)
    expect(groups.flatMap((g) => g.options)).toHaveLength(searchFineClasses('01').length)
    expect(groupFineClasses([])).toEqual([])
  })
})
