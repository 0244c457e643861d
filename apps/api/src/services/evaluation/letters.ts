import {
  formatShanghai,
  LETTER_STEPS,
  LETTER_TITLES,
  letterEscalationLevel,
  letterNumber,
  letterStepRefusal,
  shanghaiDate,
  type LetterAction,
  type LetterKind,
  type LetterState,
} from '@hanjiang/shared'
import {
  appendLetterEvent,
  existingIncidentCodes,
  findLetter,
  insertLetter,
  letterEvents,
  overdueIssuedLetters,
  ownPhotos,
  unitExists,
  updateLetter,
  type LetterRow,
} from '../../db/repositories/letters.ts'
import type { Database } from '../../db/types.ts'
import { actingRole, userRoles, type Actor } from '../../http/actor.ts'
import { problems } from '../../http/problem.ts'

/**
 * Efficiency letters (docs/EVALUATION.md): issue, reply, close (销号), send back; each step one transaction that
 * also appends the letter's log row (the request's audit row joins the same transaction). Escalation of overdue
 * letters is checked on read ({@link escalateLetters}): a letter is only looked at through the ledger or its
 * page, so raising its level just before showing it is as timely as a timer tick, and needs no worker.
 */

export interface IssueInput {
  kind: LetterKind
  unitCode: string
  body: string
  deadline: Date
  indicator?: string | null
  periodKey?: string | null
  incidentCodes?: string[]
}

/** The caller's unit when they see only their own unit's letters; null: all (efficiency office, viewer, admin). */
export function letterScope(actor: Actor): string | null {
  const roles = userRoles(actor)
  if (roles.some((r) => r === 'efficiency_office' || r === 'viewer' || r === 'admin')) return null
  if (roles.includes('unit_supervisor') && actor.unitCode) return actor.unitCode
  throw problems.forbidden('letter_scope', 'Only the efficiency office and unit supervisors see efficiency letters')
}

export async function issueLetter(database: Database, actor: Actor, input: IssueInput, now = new Date()): Promise<number> {
  if (input.deadline.getTime() <= now.getTime())
    throw problems.badRequest('deadline_in_past', `The rectification deadline ${formatShanghai(input.deadline)} is not in the future`)
  const unit = await unitExists(database, input.unitCode)
  if (!unit) throw problems.unprocessable('unknown_unit', `No active unit ${input.unitCode}`, { errors: [{ path: 'unitCode', message: 'unknown unit' }] })
  const codes = [...new Set(input.incidentCodes ?? [])]
  if (!codes.length && !input.indicator)
    throw problems.badRequest('letter_basis_required', 'A letter cites incidents, an indicator, or both', { errors: [{ path: 'incidentCodes', message: 'or indicator' }] })
  const found = await existingIncidentCodes(database, codes)
  const missing = codes.filter((c) => !found.has(c))
  if (missing.length)
    throw problems.unprocessable('unknown_incident', `No incident ${missing.join(', ')}`, { errors: missing.map((c) => ({ path: 'incidentCodes', message: c })) })
  return database.db.transaction(async (tx) => {
    const id = await insertLetter(database, tx, {
      kind: input.kind,
      unitCode: input.unitCode,
      title: LETTER_TITLES[input.kind].zh,
      body: input.body,
      indicator: input.indicator ?? null,
      periodKey: input.periodKey ?? null,
      incidentCodes: codes,
      deadline: input.deadline,
      issuedBy: actor.id,
      year: Number(shanghaiDate(now).slice(0, 4)),
    })
    await appendLetterEvent(database, tx, {
      letterId: id, at: now, actor: actor.id, actorRole: 'efficiency_office', action: 'issue', fromState: null, toState: 'issued', note: null, photos: null,
      data: { unitCode: input.unitCode, deadline: input.deadline.toISOString() },
    })
    return id
  })
}

export interface StepInput {
  note: string
  photos?: string[]
  /** sendBack: a new deadline (default: the old one, if still ahead). */
  deadline?: Date
}

/** reply (the unit's supervisor, own unit only), close (销号) and sendBack (the efficiency office). */
export async function letterStep(database: Database, actor: Actor, id: number, action: LetterAction, input: StepInput, now = new Date()): Promise<void> {
  const step = LETTER_STEPS[action]
  const roles = userRoles(actor)
  if (!roles.includes(step.role)) throw problems.forbidden('letter_role', `Only the ${step.role === 'unit_supervisor' ? "addressed unit's supervisor" : 'efficiency office'} may ${action} a letter`)
  await database.db.transaction(async (tx) => {
    const letter = await findLetter(database, id, tx, true)
    if (!letter) throw problems.notFound('letter', `No letter ${id}`)
    if (action === 'reply' && letter.unitCode !== actor.unitCode)
      throw problems.forbidden('letter_not_yours', `Letter ${letterNumber(letter.year, letter.seq)} is addressed to another unit`)
    const refusal = letterStepRefusal(letter.state as LetterState, action)
    if (refusal)
      throw problems.conflict(refusal, refusal === 'letter_closed' ? `Letter ${letterNumber(letter.year, letter.seq)} is closed` : `A letter that is ${letter.state} cannot be ${action === 'reply' ? 'replied to' : action === 'close' ? 'closed' : 'sent back'}`)
    let photos: string[] | null = null
    if (action === 'reply') {
      photos = [...new Set(input.photos ?? [])]
      const own = await ownPhotos(database, photos, actor.id, tx)
      const bad = photos.filter((p) => !own.has(p))
      if (bad.length) throw problems.unprocessable('unknown_photo', `Photos not uploaded by you: ${bad.join(', ')}`, { errors: bad.map((p) => ({ path: 'photos', message: p })) })
    }
    if (action === 'sendBack' && input.deadline && input.deadline.getTime() <= now.getTime())
      throw problems.badRequest('deadline_in_past', 'The new deadline is not in the future')
    await updateLetter(database, tx, id, {
      state: step.to,
      ...(action === 'reply' ? { repliedAt: now } : {}),
      ...(action === 'close' ? { closedAt: now } : {}),
      ...(action === 'sendBack' ? { repliedAt: null, ...(input.deadline ? { deadline: input.deadline, escalationLevel: 0 } : {}) } : {}),
    })
    await appendLetterEvent(database, tx, {
      letterId: id, at: now, actor: actor.id, actorRole: actingRole(actor, [step.role]), action, fromState: letter.state, toState: step.to,
      note: input.note, photos: photos?.length ? photos : null, data: input.deadline ? { deadline: input.deadline.toISOString() } : null,
    })
  })
}

/** Raises the escalation level of issued letters past their deadline (one transaction; a letter event per raise). */
export async function escalateLetters(database: Database, now = new Date()): Promise<number> {
  return database.db.transaction(async (tx) => {
    let raised = 0
    for (const l of await overdueIssuedLetters(database, now, tx)) {
      const level = letterEscalationLevel('issued', l.deadline, now)
      if (level <= l.escalationLevel) continue
      await updateLetter(database, tx, l.id, { escalationLevel: level })
      await appendLetterEvent(database, tx, {
        letterId: l.id, at: now, actor: 'timer-worker', actorRole: 'system', action: 'escalate', fromState: l.state, toState: l.state, note: null, photos: null,
        data: { level, to: level === 1 ? { role: 'unit_supervisor', unitCode: l.unitCode } : { role: 'efficiency_office', unitCode: 'efficiency_office' } },
      })
      raised++
    }
    return raised
  })
}

export function letterJson(l: LetterRow, now = new Date()) {
  return {
    id: l.id,
    number: letterNumber(l.year, l.seq),
    kind: l.kind,
    title: l.title,
    unit: { code: l.unitCode, name: l.unitName },
    body: l.body,
    indicator: l.indicator,
    periodKey: l.periodKey,
    incidentCodes: l.incidentCodes,
    deadline: formatShanghai(l.deadline),
    state: l.state,
    overdue: l.state === 'issued' && l.deadline.getTime() < now.getTime(),
    escalationLevel: l.escalationLevel,
    issuedBy: l.issuedBy,
    issuedAt: formatShanghai(l.issuedAt),
    repliedAt: l.repliedAt ? formatShanghai(l.repliedAt) : null,
    closedAt: l.closedAt ? formatShanghai(l.closedAt) : null,
  }
}

export async function letterWithEvents(database: Database, l: LetterRow) {
  const events = await letterEvents(database, l.id)
  return {
    ...letterJson(l),
    events: events.map((e) => ({ ...e, at: formatShanghai(e.at) })),
  }
}
