import { describe, expect, it } from 'vitest'
import { parseTaxonomy, safeParseTaxonomy, TaxonomyError, type TaxonomyIssue } from './parse.ts'
import { seedTaxonomyJson } from './seed.test-helper.ts'
import type { Taxonomy } from './types.ts'

/** A mutable deep copy of the seed, for breaking one thing at a time. */
const seed = () => seedTaxonomyJson() as Taxonomy

function issuesOf(json: unknown): TaxonomyIssue[] {
  const r = safeParseTaxonomy(json)
  if (r.ok) throw new Error('expected the taxonomy to be rejected')
  return r.issues
}

describe('parseTaxonomy on seed/taxonomy.json', () => {
  const tax = parseTaxonomy(seedTaxonomyJson())

  it('has 5 classes, 17 subclasses, 94 fine classes and 25 units', () => {
    const subs = tax.classes.flatMap((c) => c.subclasses)
    expect(tax.classes).toHaveLength(5)
    expect(subs).toHaveLength(17)
    expect(subs.flatMap((s) => s.fineClasses)).toHaveLength(94)
    expect(tax.units).toHaveLength(25)
    expect(tax.responsibleRule?.territorial).toContain('属地')
  })

  it('accepts the JSON text as well', () => {
    const text = JSON.stringify(seedTaxonomyJson())
    expect(parseTaxonomy(text)).toEqual(tax)
  })

  it('accepts street offices and sections with their extra fields', () => {
    const t = seed()
    t.units.push(
      { code: 'handong_office', name: '涵东街道办事处', nameEn: 'Handong street office', kind: 'street_office', regionCode: '350303001000' },
      { code: 'transport_roads', name: '区交通运输局公路股', nameEn: 'Transport bureau, roads section', kind: 'section', parent: 'transport' },
    )
    const parsed = parseTaxonomy(t)
    expect(parsed.units.at(-1)).toMatchObject({ kind: 'section', parent: 'transport' })
  })
})

describe('parseTaxonomy rejects bad input with specific messages', () => {
  it('not JSON', () => {
    expect(issuesOf('{"units": [')[0]!.message).toMatch(/^not valid JSON: /)
  })

  it('not an object / missing arrays', () => {
    expect(issuesOf(null)[0]!.path).toBe('')
    const issues = issuesOf({ units: [] })
    expect(issues).toContainEqual({ path: 'units', message: 'at least one unit is required' })
    expect(issues.map((i) => i.path)).toContain('classes')
  })

  it('unknown unit code in leadUnit', () => {
    const t = seed()
    t.classes[0]!.subclasses[4]!.leadUnit = 'roads_bureau'
    expect(issuesOf(t)).toEqual([
      { path: 'classes[0].subclasses[4].leadUnit', message: 'unknown unit code "roads_bureau" in leadUnit of 0105 道路交通设施' },
    ])
  })

  it('territorial as a lead unit', () => {
    const t = seed()
    t.classes[1]!.subclasses[0]!.leadUnit = 'territorial'
    const [issue] = issuesOf(t)
    expect(issue!.path).toBe('classes[1].subclasses[0].leadUnit')
    expect(issue!.message).toMatch(/^leadUnit cannot be "territorial"/)
  })

  it('unknown unit code in responsible', () => {
    const t = seed()
    t.classes[0]!.subclasses[4]!.fineClasses[1]!.responsible = 'roads_bureau'
    expect(issuesOf(t)).toEqual([
      {
        path: 'classes[0].subclasses[4].fineClasses[1].responsible',
        message: 'unknown unit code "roads_bureau" in responsible of 010502 路面塌陷 (expected a unit code or "territorial")',
      },
    ])
  })

  it('duplicate unit codes', () => {
    const t = seed()
    t.units.push({ ...t.units[8]! })
    expect(issuesOf(t)).toEqual([{ path: 'units[25].code', message: 'duplicate unit code "transport" (also units[8])' }])
  })

  it('the reserved unit code territorial', () => {
    const t = seed()
    t.units.push({ code: 'territorial', name: '属地', nameEn: 'Territorial', kind: 'department' })
    expect(issuesOf(t)[0]).toEqual({
      path: 'units[25].code',
      message: '"territorial" is reserved for the 属地 rule and cannot be a unit code',
    })
  })

  it('duplicate fine class codes', () => {
    const t = seed()
    const sub = t.classes[0]!.subclasses[4]!
    sub.fineClasses.push({ ...sub.fineClasses[0]! })
    expect(issuesOf(t)).toEqual([
      {
        path: 'classes[0].subclasses[4].fineClasses[8].code',
        message: 'duplicate taxonomy code "010501" (also classes[0].subclasses[4].fineClasses[0])',
      },
    ])
  })

  it('duplicate class and subclass codes', () => {
    const t = seed()
    t.classes[4]!.code = '04'
    t.classes[4]!.subclasses[0]!.code = '0413'
    const messages = issuesOf(t).map((i) => i.message)
    expect(messages).toContain('duplicate taxonomy code "04" (also classes[3])')
    expect(messages).toContain('duplicate taxonomy code "0413" (also classes[3].subclasses[0])')
  })

  it('a fine code not prefixed by its subclass code', () => {
    const t = seed()
    t.classes[0]!.subclasses[4]!.fineClasses[1]!.code = '010602'
    expect(issuesOf(t)).toEqual([
      {
        path: 'classes[0].subclasses[4].fineClasses[1].code',
        message: 'fine class code "010602" must start with its subclass code "0105"',
      },
    ])
  })

  it('a subclass code not prefixed by its class code', () => {
    const t = seed()
    t.classes[1]!.subclasses[0]!.code = '0106'
    const issues = issuesOf(t)
    expect(issues[0]).toEqual({
      path: 'classes[1].subclasses[0].code',
      message: 'subclass code "0106" must start with its class code "02"',
    })
    // …and its fine classes no longer start with it either
    expect(issues[1]!.message).toBe('fine class code "020601" must start with its subclass code "0106"')
  })

  it.each([
    ['classes[0].code', (t: Taxonomy) => void (t.classes[0]!.code = '1'), 'class code must be 2 digits, got "1"'],
    ['classes[0].subclasses[0].code', (t: Taxonomy) => void (t.classes[0]!.subclasses[0]!.code = '01a1'), 'subclass code must be 4 digits, got "01a1"'],
    [
      'classes[0].subclasses[0].fineClasses[0].code',
      (t: Taxonomy) => void (t.classes[0]!.subclasses[0]!.fineClasses[0]!.code = '10101'),
      'fine class code must be 6 digits, got "10101"',
    ],
  ])('code format at %s', (path, mutate, message) => {
    const t = seed()
    mutate(t)
    expect(issuesOf(t)).toContainEqual({ path, message })
  })

  it('wrong field types and empty names', () => {
    const t = seed() as unknown as { classes: { name: string; subclasses: { fineClasses: { safetyHazard: unknown }[] }[] }[] }
    t.classes[0]!.subclasses[0]!.fineClasses[0]!.safetyHazard = 'yes'
    t.classes[0]!.name = '  '
    const issues = issuesOf(t)
    expect(issues.map((i) => i.path)).toEqual(['classes[0].name', 'classes[0].subclasses[0].fineClasses[0].safetyHazard'])
    expect(issues[0]!.message).toBe('must not be empty')
  })

  it('unknown unit kind and bad unit codes', () => {
    const t = seed()
    ;(t.units[0] as { kind: string }).kind = 'bureau'
    t.units[1]!.code = 'Efficiency Office'
    const issues = issuesOf(t)
    expect(issues).toContainEqual({
      path: 'units[0].kind',
      message: 'unknown unit kind "bureau" (expected one of command, supervision, department, utility, street_office, section)',
    })
    expect(issues).toContainEqual({ path: 'units[1].code', message: 'unit code must be lower_snake_case, got "Efficiency Office"' })
  })

  it('section parents and street office region codes', () => {
    const t = seed()
    t.units.push(
      { code: 'orphan', name: '孤立股', nameEn: 'Orphan section', kind: 'section' },
      { code: 'lost', name: '迷路股', nameEn: 'Lost section', kind: 'section', parent: 'nowhere' },
      { code: 'selfish', name: '自指股', nameEn: 'Self section', kind: 'section', parent: 'selfish' },
      { code: 'dept_with_parent', name: '某局', nameEn: 'A bureau', kind: 'department', parent: 'transport' },
      { code: 'dept_with_region', name: '某局', nameEn: 'A bureau', kind: 'department', regionCode: '350303001000' },
      { code: 'bad_region', name: '某街道', nameEn: 'A street', kind: 'street_office', regionCode: '3503030010' },
    )
    expect(issuesOf(t)).toEqual([
      { path: 'units[30].regionCode', message: 'region code must be 12 digits, got "3503030010"' },
    ])
    t.units.pop()
    expect(issuesOf(t)).toEqual([
      { path: 'units[25].parent', message: 'section "orphan" must name the unit it belongs to' },
      { path: 'units[26].parent', message: 'unknown unit code "nowhere"' },
      { path: 'units[27].parent', message: 'section "selfish" cannot be its own parent' },
      { path: 'units[28].parent', message: 'only a section has a parent unit; "dept_with_parent" is a department' },
      { path: 'units[29].regionCode', message: 'only a street_office has a regionCode; "dept_with_region" is a department' },
    ])
  })

  it('parseTaxonomy throws a TaxonomyError with all issues and a readable message', () => {
    const t = seed()
    for (const sub of t.classes[0]!.subclasses) sub.leadUnit = 'nobody'
    try {
      parseTaxonomy(t)
      expect.unreachable()
    } catch (e) {
      expect(e).toBeInstanceOf(TaxonomyError)
      const err = e as TaxonomyError
      expect(err.code).toBe('invalid_taxonomy')
      expect(err.issues).toHaveLength(5)
      expect(err.message).toMatch(/^invalid taxonomy: classes\[0\]\.subclasses\[0\]\.leadUnit: unknown unit code "nobody"/)
    }
    t.classes[1]!.subclasses[0]!.leadUnit = 'nobody'
    expect(() => parseTaxonomy(t)).toThrow(/\(and 1 more\)$/)
  })
})
