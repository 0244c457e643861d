/**
 * Efficiency letters (效能预警函 / 效能督办函, docs/EVALUATION.md): issued to a unit with a rectification deadline,
 * answered by the unit's rectification report, closed out (销号) by the office or sent back. As data, like the
 * incident workflow: who may take which step from which state.
 */

export const LETTER_KINDS = ['warning', 'supervision'] as const
export type LetterKind = (typeof LETTER_KINDS)[number]

export const LETTER_STATES = ['issued', 'replied', 'closed'] as const
export type LetterState = (typeof LETTER_STATES)[number]

export const LETTER_TITLES: Record<LetterKind, { zh: string; en: string }> = {
  warning: { zh: '效能预警函', en: 'Efficiency warning letter' },
  supervision: { zh: '效能督办函', en: 'Efficiency supervision letter' },
}

export type LetterAction = 'reply' | 'close' | 'sendBack'

export const LETTER_STEPS: Record<LetterAction, { from: LetterState; to: LetterState; role: 'unit_supervisor' | 'efficiency_office' }> = {
  reply: { from: 'issued', to: 'replied', role: 'unit_supervisor' },
  close: { from: 'replied', to: 'closed', role: 'efficiency_office' },
  sendBack: { from: 'replied', to: 'issued', role: 'efficiency_office' },
}

export type LetterStepRefusal = 'letter_closed' | 'letter_wrong_state'

/** Whether `action` may be taken on a letter in `state` (null: yes). */
export function letterStepRefusal(state: LetterState, action: LetterAction): LetterStepRefusal | null {
  if (state === LETTER_STEPS[action].from) return null
  return state === 'closed' ? 'letter_closed' : 'letter_wrong_state'
}

/** The official number: 〔2026〕7号. */
export function letterNumber(year: number, seq: number): string {
  return `〔${year}〕${seq}号`
}

/** Time after the deadline before an unanswered letter goes up from the unit's efficiency office to the district's. */
export const LETTER_ESCALATION_STEP_MS = 2 * 24 * 3_600_000

/**
 * How far an overdue letter has escalated: 0 in time (or answered), 1 past its deadline with no reply — the
 * unit's own efficiency office (unit supervisor) is told —, 2 still unanswered two days later — the district
 * efficiency office. Only issued letters escalate (a reply stops the clock; closed ones are done).
 */
export function letterEscalationLevel(state: LetterState, deadline: Date, now: Date): 0 | 1 | 2 {
  if (state !== 'issued') return 0
  const late = now.getTime() - deadline.getTime()
  if (late <= 0) return 0
  return late > LETTER_ESCALATION_STEP_MS ? 2 : 1
}
