import { describe, expect, it } from 'vitest'
import { applyExtension } from './extension.ts'

describe('R8 extension: requested before the deadline, new deadline later', () => {
  const due = '2026-10-10T17:30:00+08:00'

  it('moves the deadline when requested in time to a later time', () => {
    const r = applyExtension(due, '2026-10-10T09:00:00+08:00', '2026-10-13T17:30:00+08:00')
    expect(r).toEqual({ ok: true, dueAt: new Date('2026-10-13T09:30:00Z') })
  })

  it('refuses a request at or after the deadline', () => {
    for (const at of [due, '2026-10-10T17:31:00+08:00']) {
      const r = applyExtension(due, at, '2026-10-13T17:30:00+08:00')
      expect(r.ok).toBe(false)
      if (!r.ok) {
        expect(r.code).toBe('extension_requested_too_late')
        expect(r.message.zh).toContain('延期')
      }
    }
  })

  it('refuses a new deadline that is not later than the current one', () => {
    for (const next of [due, '2026-10-09T17:30:00+08:00']) {
      const r = applyExtension(due, '2026-10-09T09:00:00+08:00', next)
      expect(r).toMatchObject({ ok: false, code: 'extension_not_later' })
    }
  })
})
