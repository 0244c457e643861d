import type { LocalDate } from '../time/localDate.ts'
import { fromShanghai, isLocalTime, minutesOfLocalTime, type LocalTime } from '../time/shanghai.ts'

/**
 * Office hours of a working day, Shanghai wall-clock "HH:MM". Only the window's ends matter for
 * deadlines (a period ends when office hours end on its last working day; R3 looks at "after hours");
 * the lunch break is irrelevant to them, so it is not modelled.
 */
export interface OfficeHours {
  opens: LocalTime
  closes: LocalTime
  /**
   * The sessions of the day as configured (e.g. 08:30–12:00 and 14:30–17:30), first opening to last closing.
   * Informational: deadlines use only `opens` / `closes`.
   */
  sessions?: readonly OfficeSession[]
}

export interface OfficeSession {
  from: LocalTime
  to: LocalTime
}

/** Fixed hours, or hours per date (e.g. Fujian's summer timetable). */
export type OfficeHoursConfig = OfficeHours | ((date: LocalDate) => OfficeHours)

/**
 * Default 08:30–17:30: the common span of Chinese government office days (08:30–12:00 and
 * 14:30–17:30 or similar). Configure per deployment, or pass a function for seasonal hours.
 */
export const DEFAULT_OFFICE_HOURS: OfficeHours = { opens: '08:30', closes: '17:30' }

export function validateOfficeHours(h: OfficeHours): OfficeHours {
  if (!isLocalTime(h.opens) || !isLocalTime(h.closes))
    throw new RangeError(`Invalid office hours ${JSON.stringify(h)}; expected HH:MM`)
  if (minutesOfLocalTime(h.opens) >= minutesOfLocalTime(h.closes))
    throw new RangeError(`Office hours must open before they close: ${h.opens}–${h.closes}`)
  return h
}

export function officeHoursOn(date: LocalDate, config: OfficeHoursConfig = DEFAULT_OFFICE_HOURS): OfficeHours {
  return validateOfficeHours(typeof config === 'function' ? config(date) : config)
}

/** The instant office hours end on `date` (the calendar is not consulted). */
export function endOfOfficeHours(date: LocalDate, config: OfficeHoursConfig = DEFAULT_OFFICE_HOURS): Date {
  return fromShanghai(date, officeHoursOn(date, config).closes)
}

/** What {@link parseOfficeHours} reads, for error messages and documentation. */
export const OFFICE_HOURS_FORMAT = 'HH:MM-HH:MM[,HH:MM-HH:MM…] (Shanghai time), e.g. 08:30-12:00,14:30-17:30'

/** Sessions in one day: a morning and an afternoon, perhaps an evening; more is surely a typo. */
const MAX_SESSIONS = 4
const SESSION_RE = /^(\d{1,2}:\d{2})\s*[-–~]\s*(\d{1,2}:\d{2})$/

/**
 * Reads office hours as a deployment writes them (`OFFICE_HOURS`): one or more sessions
 * `HH:MM-HH:MM`, comma-separated, in order and not overlapping — "08:30-12:00,14:30-17:30" opens at
 * 08:30 and closes at 17:30 (the lunch break does not move a deadline). `-`, `–` or `~` between the
 * times; blanks around them are ignored.
 * @throws RangeError with a message that names the bad part and the expected format.
 */
export function parseOfficeHours(text: string): OfficeHours {
  const raw = text.trim()
  if (!raw) throw new RangeError(`Office hours are empty; expected ${OFFICE_HOURS_FORMAT}`)
  const parts = raw.split(/[,，;；]/).map((p) => p.trim())
  if (parts.length > MAX_SESSIONS) throw new RangeError(`At most ${MAX_SESSIONS} office-hour sessions a day, got ${parts.length}`)
  const sessions: OfficeSession[] = []
  for (const part of parts) {
    const m = SESSION_RE.exec(part)
    if (!m) throw new RangeError(`"${part}" is not a session HH:MM-HH:MM; expected ${OFFICE_HOURS_FORMAT}`)
    const [from, to] = [m[1]!.padStart(5, '0'), m[2]!.padStart(5, '0')]
    for (const t of [from, to]) if (!isLocalTime(t)) throw new RangeError(`"${part}": ${t} is not a time of day (00:00–23:59)`)
    if (minutesOfLocalTime(from) >= minutesOfLocalTime(to)) throw new RangeError(`"${part}": a session must start before it ends`)
    const prev = sessions[sessions.length - 1]
    if (prev && minutesOfLocalTime(from) < minutesOfLocalTime(prev.to)) {
      throw new RangeError(`"${part}" starts before the session ${prev.from}-${prev.to} ends: list sessions in order, without overlaps`)
    }
    sessions.push({ from, to })
  }
  return { opens: sessions[0]!.from, closes: sessions[sessions.length - 1]!.to, sessions }
}

/** "08:30-12:00,14:30-17:30" (the sessions), or "08:30-17:30" when only the span is known. */
export function formatOfficeHours(h: OfficeHours): string {
  const sessions = h.sessions?.length ? h.sessions : [{ from: h.opens, to: h.closes }]
  return sessions.map((s) => `${s.from}-${s.to}`).join(',')
}
