import { toInstant, type Instant } from '../time/shanghai.ts'

export type ExtensionErrorCode = 'extension_requested_too_late' | 'extension_not_later'

export type ExtensionResult =
  | { ok: true; dueAt: Date }
  | { ok: false; code: ExtensionErrorCode; message: { zh: string; en: string } }

/**
 * R8: an extension must be requested strictly before the current deadline, and the new deadline
 * must be strictly later than the current one. Returns the new deadline or a coded error.
 * (The reason shown to the reporter and the center's approval are checked by the workflow.)
 */
export function applyExtension(currentDue: Instant, requestedAt: Instant, newDue: Instant): ExtensionResult {
  const due = toInstant(currentDue)
  const at = toInstant(requestedAt)
  const next = toInstant(newDue)
  if (at.getTime() >= due.getTime())
    return {
      ok: false,
      code: 'extension_requested_too_late',
      message: {
        zh: '延期申请须在办理时限届满前提出，当前已超过时限',
        en: 'An extension must be requested before the current deadline, which has already passed',
      },
    }
  if (next.getTime() <= due.getTime())
    return {
      ok: false,
      code: 'extension_not_later',
      message: {
        zh: '延期后的时限必须晚于原办理时限',
        en: 'The extended deadline must be later than the current deadline',
      },
    }
  return { ok: true, dueAt: next }
}
