import { describe, expect, it } from 'vitest'
import { allowedActions, checkTransition, type CheckTransitionArgs, type IncidentFacts } from './check.ts'

const plain: IncidentFacts = { safetyHazard: false, type: 'complaint' }
const hazard: IncidentFacts = { safetyHazard: true, type: 'urgent' }
const check = (a: Partial<CheckTransitionArgs> & Pick<CheckTransitionArgs, 'state' | 'action' | 'role'>) =>
  checkTransition({ incident: plain, ...a })

describe('checkTransition: states and roles', () => {
  it('allows a transition from a permitted state by a permitted role', () => {
    expect(check({ state: 'dispatched', action: 'accept', role: 'handler' })).toEqual({
      ok: true,
      to: 'accepted',
      rework: false,
      reopened: false,
    })
  })

  it('transition_not_allowed from a wrong state, with a bilingual message', () => {
    const r = check({ state: 'registered', action: 'accept', role: 'handler' })
    expect(r).toMatchObject({ ok: false, code: 'transition_not_allowed' })
    if (!r.ok) {
      expect(r.message.zh).toContain('已立案')
      expect(r.message.zh).toContain('签收')
      expect(r.message.en).toContain('Accept')
    }
  })

  it('role_not_allowed for a role that may never take the action', () => {
    expect(check({ state: 'dispatched', action: 'accept', role: 'viewer' })).toMatchObject({ code: 'role_not_allowed' })
    expect(check({ state: 'reported', action: 'register', role: 'public' })).toMatchObject({ code: 'role_not_allowed' })
    expect(check({ state: 'reported', action: 'register', role: 'admin' })).toMatchObject({ code: 'role_not_allowed' })
  })

  it('unknown_action for an action outside the table', () => {
    expect(check({ state: 'reported', action: 'teleport' as never, role: 'dispatcher' })).toMatchObject({
      code: 'unknown_action',
    })
  })

  it('final states rejected and merged allow nothing', () => {
    for (const state of ['rejected', 'merged'] as const)
      for (const role of ['dispatcher', 'handler', 'inspector', 'system'] as const)
        expect(allowedActions(state, role, plain)).toEqual([])
  })
})

describe('register / dispatch (R11 precise dispatch)', () => {
  it('register needs the incident type', () => {
    const untyped = { safetyHazard: false }
    expect(checkTransition({ state: 'reported', action: 'register', role: 'dispatcher', input: {}, incident: untyped })).toMatchObject({
      code: 'type_required',
    })
    expect(
      checkTransition({ state: 'reported', action: 'register', role: 'dispatcher', input: { incidentType: 'bogus' as never }, incident: plain }),
    ).toMatchObject({ code: 'type_required' })
    // already classified at intake: registering confirms it
    expect(checkTransition({ state: 'reported', action: 'register', role: 'dispatcher', input: {}, incident: plain })).toMatchObject({ ok: true })
    expect(check({ state: 'reported', action: 'register', role: 'dispatcher', input: { incidentType: 'urgent' } })).toMatchObject(
      { ok: true, to: 'registered' },
    )
  })

  it('dispatch needs a unit; the timer/auto-dispatch (system) may dispatch', () => {
    expect(check({ state: 'registered', action: 'dispatch', role: 'dispatcher', input: { unitId: ' ' } })).toMatchObject({
      code: 'unit_required',
    })
    expect(check({ state: 'registered', action: 'dispatch', role: 'system', input: { unitId: 'u1' } })).toMatchObject({
      ok: true,
      to: 'dispatched',
    })
  })
})

describe('resolve: at least one after-photo and a note', () => {
  it('photo_required and note_required, all reported in issues', () => {
    const r = check({ state: 'on_site', action: 'resolve', role: 'handler', input: { afterPhotos: [''], note: '  ' } })
    expect(r).toMatchObject({ ok: false, code: 'photo_required' })
    if (!r.ok) expect(r.issues.map((i) => [i.code, i.field])).toEqual([
      ['photo_required', 'afterPhotos'],
      ['note_required', 'note'],
    ])
  })

  it('passes with a photo and a note, only from on_site', () => {
    const input = { afterPhotos: ['p1'], note: '已修复' }
    expect(check({ state: 'on_site', action: 'resolve', role: 'handler', input })).toMatchObject({ ok: true, to: 'resolved' })
    expect(check({ state: 'accepted', action: 'resolve', role: 'handler', input })).toMatchObject({
      code: 'transition_not_allowed',
    })
  })
})

describe('§5 verification: verifyFail sends resolved back to accepted and counts rework', () => {
  it('verifyFail needs a reason and flags rework', () => {
    expect(check({ state: 'resolved', action: 'verifyFail', role: 'inspector' })).toMatchObject({ code: 'reason_required' })
    expect(
      check({ state: 'resolved', action: 'verifyFail', role: 'inspector', input: { reason: '井盖仍松动' } }),
    ).toEqual({ ok: true, to: 'accepted', rework: true, reopened: false })
  })

  it('verifyPass closes; the center can close a resolved incident with a note', () => {
    expect(check({ state: 'resolved', action: 'verifyPass', role: 'inspector' })).toMatchObject({ ok: true, to: 'closed', rework: false })
    expect(check({ state: 'resolved', action: 'close', role: 'dispatcher' })).toMatchObject({ code: 'note_required' })
    expect(check({ state: 'resolved', action: 'close', role: 'dispatcher', input: { note: '回访满意' } })).toMatchObject({
      ok: true,
      to: 'closed',
    })
  })
})

describe('R6 returnToCenter: a reason and, for a safety hazard, hazardMarked', () => {
  it('reason_required', () => {
    expect(check({ state: 'accepted', action: 'returnToCenter', role: 'handler' })).toMatchObject({ code: 'reason_required' })
  })

  it('hazard_mark_required when the incident is a safety hazard and no warning sign was put up', () => {
    const r = checkTransition({
      state: 'on_site',
      action: 'returnToCenter',
      role: 'handler',
      input: { reason: '非我单位管辖，属供电公司' },
      incident: hazard,
    })
    expect(r).toMatchObject({ ok: false, code: 'hazard_mark_required' })
    if (!r.ok) expect(r.message.zh).toContain('提醒标识')
  })

  it('passes with hazardMarked; a non-hazard needs no mark', () => {
    const input = { reason: '非我单位管辖', hazardMarked: true }
    expect(checkTransition({ state: 'dispatched', action: 'returnToCenter', role: 'handler', input, incident: hazard })).toMatchObject(
      { ok: true, to: 'returned' },
    )
    expect(check({ state: 'dispatched', action: 'returnToCenter', role: 'handler', input: { reason: 'x' } })).toMatchObject({
      ok: true,
    })
  })

  it('redispatch from returned needs a unit (R7: the system may hand it to the lead unit)', () => {
    expect(check({ state: 'returned', action: 'redispatch', role: 'dispatcher' })).toMatchObject({ code: 'unit_required' })
    expect(check({ state: 'returned', action: 'redispatch', role: 'system', input: { unitId: 'lead' } })).toMatchObject({
      ok: true,
      to: 'dispatched',
    })
  })
})

describe('reject: needs a reason', () => {
  it('reason_required, then rejected', () => {
    expect(check({ state: 'registered', action: 'reject', role: 'dispatcher', input: { reason: '' } })).toMatchObject({
      code: 'reason_required',
    })
    expect(check({ state: 'reported', action: 'reject', role: 'dispatcher', input: { reason: '重复无效' } })).toMatchObject({
      ok: true,
      to: 'rejected',
    })
  })
})

describe('R9 merge into a cluster primary', () => {
  it('needs a primary incident that is not itself', () => {
    expect(check({ state: 'registered', action: 'merge', role: 'dispatcher' })).toMatchObject({ code: 'primary_required' })
    expect(
      checkTransition({ state: 'registered', action: 'merge', role: 'dispatcher', input: { primaryIncidentId: 'a' }, incident: { ...plain, id: 'a' } }),
    ).toMatchObject({ code: 'merge_into_self' })
    expect(check({ state: 'reported', action: 'merge', role: 'dispatcher', input: { primaryIncidentId: 'b' } })).toMatchObject({
      ok: true,
      to: 'merged',
    })
  })
})

describe('R13 selfResolve: reported → closed with before and after photos', () => {
  it('needs both photos', () => {
    const r = check({ state: 'reported', action: 'selfResolve', role: 'inspector', input: { afterPhotos: ['a'] } })
    expect(r).toMatchObject({ ok: false, code: 'photo_required' })
    if (!r.ok) expect(r.issues.map((i) => i.field)).toEqual(['beforePhotos'])
    expect(
      check({ state: 'reported', action: 'selfResolve', role: 'inspector', input: { beforePhotos: ['b'], afterPhotos: ['a'] } }),
    ).toMatchObject({ ok: true, to: 'closed' })
  })
})

describe('R2/R15 answerAndClose: consultations closed by the center from registered', () => {
  it('a consultation (or simple request) with an answer closes; a complaint cannot', () => {
    const consultation = { safetyHazard: false, type: 'consultation' as const }
    expect(
      checkTransition({ state: 'registered', action: 'answerAndClose', role: 'dispatcher', input: { note: '见办事指南' }, incident: consultation }),
    ).toMatchObject({ ok: true, to: 'closed' })
    expect(
      checkTransition({ state: 'registered', action: 'answerAndClose', role: 'dispatcher', input: {}, incident: consultation }),
    ).toMatchObject({ code: 'note_required' })
    expect(check({ state: 'registered', action: 'answerAndClose', role: 'dispatcher', input: { note: 'x' } })).toMatchObject({
      code: 'type_not_allowed',
    })
    expect(allowedActions('registered', 'dispatcher', consultation)).toContain('answerAndClose')
    expect(allowedActions('registered', 'dispatcher', plain)).not.toContain('answerAndClose')
  })
})

describe('reopen after a bad callback: closed → registered', () => {
  it('needs a reason, goes back to the center and is marked reopened', () => {
    expect(check({ state: 'closed', action: 'reopen', role: 'dispatcher' })).toMatchObject({ code: 'reason_required' })
    expect(check({ state: 'closed', action: 'reopen', role: 'dispatcher', input: { reason: '回访不满意' } })).toEqual({
      ok: true,
      to: 'registered',
      rework: false,
      reopened: true,
    })
  })
  it('the system reopens on a citizen\'s "not satisfied" rating; the public itself cannot', () => {
    expect(check({ state: 'closed', action: 'reopen', role: 'system', input: { reason: '群众评价不满意' } })).toMatchObject({ ok: true, to: 'registered' })
    expect(check({ state: 'closed', action: 'reopen', role: 'public', input: { reason: 'x' } })).toMatchObject({ ok: false })
  })
})

describe('R8 requestExtension / decideExtension (no state change)', () => {
  const due = '2026-10-10T17:30:00+08:00'

  it('requestExtension needs a reason and a new deadline and keeps the state', () => {
    const r = check({ state: 'accepted', action: 'requestExtension', role: 'handler', input: {} })
    if (r.ok) expect.unreachable()
    expect(r.issues.map((i) => i.code)).toEqual(['reason_required', 'due_required'])
    expect(
      check({ state: 'accepted', action: 'requestExtension', role: 'handler', input: { reason: 'x', newDueAt: 'tomorrow' } }),
    ).toMatchObject({ code: 'due_invalid' })
    expect(
      check({ state: 'on_site', action: 'requestExtension', role: 'handler', input: { reason: '需采购配件', newDueAt: '2026-10-13T17:30:00+08:00' } }),
    ).toMatchObject({ ok: true, to: 'on_site' })
  })

  it('checks the R8 timing when the current deadline and the request time are known', () => {
    const incident = { ...plain, dueAt: due }
    const base = { state: 'accepted' as const, action: 'requestExtension' as const, role: 'handler' as const, incident }
    expect(
      checkTransition({ ...base, input: { reason: 'x', newDueAt: '2026-10-13T17:30:00+08:00', at: '2026-10-10T18:00:00+08:00' } }),
    ).toMatchObject({ code: 'extension_requested_too_late' })
    expect(
      checkTransition({ ...base, input: { reason: 'x', newDueAt: '2026-10-10T12:00:00+08:00', at: '2026-10-10T09:00:00+08:00' } }),
    ).toMatchObject({ code: 'extension_not_later' })
    expect(
      checkTransition({ ...base, input: { reason: 'x', newDueAt: '2026-10-13T17:30:00+08:00', at: '2026-10-10T09:00:00+08:00' } }),
    ).toMatchObject({ ok: true, to: 'accepted' })
  })

  it('only one pending request at a time; the center decides, a refusal needs a reason', () => {
    const pending = { ...plain, extensionPending: true }
    expect(
      checkTransition({ state: 'accepted', action: 'requestExtension', role: 'handler', input: { reason: 'x', newDueAt: due }, incident: pending }),
    ).toMatchObject({ code: 'extension_pending' })
    expect(check({ state: 'accepted', action: 'decideExtension', role: 'dispatcher', input: { approve: true } })).toMatchObject({
      code: 'no_pending_extension',
    })
    const decide = (input: object) =>
      checkTransition({ state: 'accepted', action: 'decideExtension', role: 'dispatcher', input, incident: pending })
    expect(decide({})).toMatchObject({ code: 'decision_required' })
    expect(decide({ approve: false })).toMatchObject({ code: 'reason_required' })
    expect(decide({ approve: false, reason: '理由不充分' })).toMatchObject({ ok: true, to: 'accepted' })
    expect(decide({ approve: true })).toMatchObject({ ok: true, to: 'accepted' })
    expect(check({ state: 'accepted', action: 'decideExtension', role: 'handler', incident: pending })).toMatchObject({
      code: 'role_not_allowed',
    })
  })
})

describe('allowedActions for the UI', () => {
  it('lists what each role may do now', () => {
    expect(allowedActions('reported', 'dispatcher', plain)).toEqual(['register', 'reject', 'merge'])
    expect(allowedActions('reported', 'inspector', plain)).toEqual(['selfResolve'])
    expect(allowedActions('dispatched', 'handler', plain)).toEqual(['accept', 'returnToCenter', 'requestExtension'])
    expect(allowedActions('on_site', 'handler', plain)).toEqual(['resolve', 'returnToCenter', 'requestExtension'])
    expect(allowedActions('on_site', 'handler', { ...plain, extensionPending: true })).toEqual(['resolve', 'returnToCenter'])
    expect(allowedActions('on_site', 'dispatcher', { ...plain, extensionPending: true })).toEqual(['decideExtension'])
    expect(allowedActions('resolved', 'inspector', plain)).toEqual(['verifyPass', 'verifyFail'])
    expect(allowedActions('closed', 'dispatcher', plain)).toEqual(['reopen'])
    expect(allowedActions('returned', 'system', plain)).toEqual(['redispatch'])
    expect(allowedActions('dispatched', 'viewer', plain)).toEqual([])
  })

  it('every allowed action passes checkTransition once its input requirements are met', () => {
    const fullInput = {
      note: 'n',
      reason: 'r',
      beforePhotos: ['b'],
      afterPhotos: ['a'],
      hazardMarked: true,
      unitId: 'u',
      incidentType: 'complaint' as const,
      primaryIncidentId: 'p',
      newDueAt: '2026-10-13T17:30:00+08:00',
      approve: true,
    }
    const states = ['reported', 'registered', 'dispatched', 'accepted', 'on_site', 'resolved', 'closed', 'returned'] as const
    for (const incident of [plain, hazard, { ...plain, type: 'consultation' as const, extensionPending: true }])
      for (const state of states)
        for (const role of ['dispatcher', 'inspector', 'handler', 'unit_supervisor', 'system'] as const)
          for (const action of allowedActions(state, role, incident))
            expect(checkTransition({ state, action, role, input: fullInput, incident }).ok, `${state} ${action} ${role}`).toBe(true)
  })
})
