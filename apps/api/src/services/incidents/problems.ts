import { MissingCalendarYearError, type TransitionCheck, type TransitionErrorCode } from '@hanjiang/shared'
import { problem, problems, type Problem } from '../../http/problem.ts'

/**
 * Problem codes of the incident API (besides 400 validation_failed):
 * - 400 unknown_action
 * - 403 role_not_allowed                     the caller's role may never take this action
 * - 404 incident_not_found
 * - 409 version_conflict                     stale `version` (body: `state`, `version` now)
 * - 409 transition_not_allowed               not from the current state (body: `state`)
 * - 409 type_not_allowed, extension_pending, no_pending_extension   the incident's facts forbid it now
 * - 422 requirement codes of the workflow:   type_required, unit_required, note_required, reason_required,
 *       photo_required, hazard_mark_required, primary_required, merge_into_self, due_required, due_invalid,
 *       decision_required, extension_requested_too_late, extension_not_later (every issue in `errors`)
 * - 422 unknown_fine_class, location_required, invalid_location, unknown_unit, primary_not_found,
 *       no_deadline_to_extend, idempotency_key_reused, calendar_year_missing (body: `year`)
 */

const GUARD_CODES: readonly TransitionErrorCode[] = ['type_not_allowed', 'extension_pending', 'no_pending_extension']

export function transitionProblem(check: Extract<TransitionCheck, { ok: false }>, current: { state: string; version: number }): Problem {
  const detail = check.message.en
  const extra = { messages: check.message, state: current.state, version: current.version }
  switch (check.code) {
    case 'unknown_action':
      return problems.badRequest('unknown_action', detail)
    case 'role_not_allowed':
      return problems.forbidden('role_not_allowed', detail, extra)
    case 'transition_not_allowed':
      return problems.conflict('transition_not_allowed', detail, extra)
  }
  // The registry gives each code its status: 409 for the incident's facts, 422 for the input's requirements.
  if (GUARD_CODES.includes(check.code)) return problem(check.code, detail, extra)
  return problem(check.code, check.issues.map((i) => i.message.en).join('; '), {
    ...extra,
    errors: check.issues.map((i) => ({ path: i.field ?? 'body', message: i.message.en, code: i.code, messages: i.message })),
  })
}

export function versionConflict(current: { code: string; state: string; version: number }, given: number): Problem {
  return problems.conflict(
    'version_conflict',
    `Incident ${current.code} was changed by someone else: it is now at version ${current.version} (${current.state}), not ${given}. Reload and try again.`,
    { state: current.state, version: current.version },
  )
}

/** A deadline reached a year with no working-day calendar: an error the admin must fix, never a guess. */
export function calendarProblem(e: MissingCalendarYearError): Problem {
  return problems.unprocessable('calendar_year_missing', e.messages.en, { year: e.year, messages: e.messages })
}

/** Runs `fn`, turning MissingCalendarYearError into its problem. */
export function withCalendar<T>(fn: () => T): T {
  try {
    return fn()
  } catch (e) {
    if (e instanceof MissingCalendarYearError) throw calendarProblem(e)
    throw e
  }
}
