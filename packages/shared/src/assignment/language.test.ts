import { describe, expect, it } from 'vitest'
import { decideAssignment } from './decide.ts'
import { countyRoad, info, input, park } from './fixtures.test-helper.ts'
import { inLanguage } from './language.ts'

describe('inLanguage', () => {
  // Two areas for road damage: the county road wins, the park loses, and the fine-class table loses to both.
  const both = decideAssignment(input({ fine: info('010502'), areaMatches: [countyRoad, park] }))

  it('keeps only the asked language in every explanation step and candidate text', () => {
    expect(both.candidates.length).toBeGreaterThan(0)
    for (const lang of ['zh', 'en'] as const) {
      const other = lang === 'zh' ? 'en' : 'zh'
      const one = inLanguage(both, lang)
      expect(one.explanation).toEqual(both.explanation.map((t) => ({ [lang]: t[lang] })))
      expect(one.explanation.every((t) => !(other in t))).toBe(true)
      expect(one.candidates).toEqual(
        both.candidates.map((c) => ({ ...c, reason: { [lang]: c.reason[lang] }, beatenBy: { [lang]: c.beatenBy[lang] } })),
      )
    }
  })

  it('leaves the decision itself and the input answer unchanged', () => {
    const copy = structuredClone(both)
    const zh = inLanguage(both, 'zh')
    expect({ ...zh, explanation: undefined, candidates: undefined }).toEqual({ ...both, explanation: undefined, candidates: undefined })
    expect(both).toEqual(copy)
  })
})
