import { describe, expect, it } from 'vitest'
import { letterEscalationLevel, letterNumber, letterStepRefusal, LETTER_ESCALATION_STEP_MS } from './letters.ts'

describe('efficiency letters', () => {
  it('numbers letters officially', () => {
    expect(letterNumber(2026, 7)).toBe('〔2026〕7号')
  })
  it('steps: reply from issued, close or send back from replied; nothing from closed', () => {
    expect(letterStepRefusal('issued', 'reply')).toBeNull()
    expect(letterStepRefusal('replied', 'reply')).toBe('letter_wrong_state')
    expect(letterStepRefusal('closed', 'reply')).toBe('letter_closed')
    expect(letterStepRefusal('replied', 'close')).toBeNull()
    expect(letterStepRefusal('issued', 'close')).toBe('letter_wrong_state')
    expect(letterStepRefusal('replied', 'sendBack')).toBeNull()
  })
  it('escalates an unanswered letter past its deadline, then two days later to the district', () => {
    const due = new Date('2026-10-10T09:30:00Z')
    expect(letterEscalationLevel('issued', due, due)).toBe(0)
    expect(letterEscalationLevel('issued', due, new Date(due.getTime() + 1))).toBe(1)
    expect(letterEscalationLevel('issued', due, new Date(due.getTime() + LETTER_ESCALATION_STEP_MS))).toBe(1)
    expect(letterEscalationLevel('issued', due, new Date(due.getTime() + LETTER_ESCALATION_STEP_MS + 1))).toBe(2)
    expect(letterEscalationLevel('replied', due, new Date(due.getTime() + 10 * LETTER_ESCALATION_STEP_MS))).toBe(0)
  })
})
