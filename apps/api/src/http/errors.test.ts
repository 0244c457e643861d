import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ERRORS, isErrorCode } from './errors.ts'
import { problem, problems } from './problem.ts'

const doc = fs.readFileSync(path.join(import.meta.dirname, '../../../../docs/ERRORS.md'), 'utf8')
const documented = new Map(
  [...doc.matchAll(/^\| `([a-z0-9_]+)` \| (\d{3}) \| (.+) \|$/gm)].map((m) => [m[1]!, { status: Number(m[2]), title: m[3]! }]),
)

describe('error-code registry', () => {
  it('codes are snake_case and statuses are client or server errors', () => {
    for (const [code, e] of Object.entries(ERRORS)) {
      expect(code).toMatch(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/)
      expect(e.status >= 400 && e.status < 600, code).toBe(true)
      expect(e.title.length, code).toBeGreaterThan(0)
    }
  })

  it('docs/ERRORS.md lists exactly the registry, with the same status and title', () => {
    expect([...documented.keys()].sort()).toEqual(Object.keys(ERRORS).sort())
    for (const [code, e] of Object.entries(ERRORS)) expect(documented.get(code), code).toEqual({ status: e.status, title: e.title })
  })

  it('a problem takes status and title from the registry; type ends with the code', () => {
    const p = problem('unknown_unit', 'Unknown unit x', { errors: [{ path: 'unitCode', message: 'unknown unit x' }] })
    expect(p.toJSON()).toEqual({
      type: 'https://hanjiang.example/problems/unknown_unit',
      title: 'Unknown unit',
      status: 422,
      detail: 'Unknown unit x',
      code: 'unknown_unit',
      errors: [{ path: 'unitCode', message: 'unknown unit x' }],
    })
    expect(problems.notFound('incident', 'No incident HJ1').toJSON()).toMatchObject({ status: 404, code: 'incident_not_found' })
    expect(problems.tooManySignInAttempts(900).headers).toEqual({ 'retry-after': '900' })
    expect(isErrorCode('account_disabled')).toBe(true)
    expect(isErrorCode('account-disabled')).toBe(false)
  })
})
