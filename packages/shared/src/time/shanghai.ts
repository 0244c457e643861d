import { assertLocalDate, type LocalDate } from './localDate.ts'

/**
 * Asia/Shanghai helpers. China has used a fixed UTC+8 offset without daylight saving since 1991, so
 * conversion is plain arithmetic and never depends on the machine's TZ or its tz database.
 * (Instants before 1991-09-15 are not supported: China observed DST 1986–1991.)
 */
export const SHANGHAI_TIME_ZONE = 'Asia/Shanghai'
export const SHANGHAI_OFFSET_MINUTES = 480
const OFFSET_MS = SHANGHAI_OFFSET_MINUTES * 60_000

/** An instant: a Date, or an ISO-8601 string with `Z` or an explicit offset. */
export type Instant = Date | string

/** Wall-clock time of day, "HH:MM" or "HH:MM:SS". */
export type LocalTime = string

export interface ShanghaiDateTime {
  date: LocalDate
  /** "HH:MM:SS" */
  time: string
  hour: number
  minute: number
  second: number
  millisecond: number
  /** Minutes since local midnight (0–1439), handy for office-hour comparisons. */
  minuteOfDay: number
}

export class InvalidInstantError extends Error {
  readonly code = 'invalid_instant'
  constructor(readonly value: unknown) {
    super(
      `Invalid instant ${JSON.stringify(value)}; expected a valid Date or an ISO-8601 string with Z or an offset`,
    )
    this.name = 'InvalidInstantError'
  }
}

// A string without a zone designator would be read in the machine's TZ by `new Date()`; refuse it.
const ISO_WITH_ZONE_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i

/** Parses an instant into a Date; rejects invalid dates and zone-less strings. */
export function toInstant(value: Instant): Date {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new InvalidInstantError(value)
    return new Date(value.getTime())
  }
  if (typeof value === 'string' && ISO_WITH_ZONE_RE.test(value)) {
    const d = new Date(value)
    if (!Number.isNaN(d.getTime())) return d
  }
  throw new InvalidInstantError(value)
}

/** The Shanghai wall-clock date and time of an instant. */
export function toShanghai(value: Instant): ShanghaiDateTime {
  const shifted = new Date(toInstant(value).getTime() + OFFSET_MS)
  const iso = shifted.toISOString() // "YYYY-MM-DDTHH:MM:SS.mmmZ" of the shifted instant
  const hour = shifted.getUTCHours()
  const minute = shifted.getUTCMinutes()
  return {
    date: iso.slice(0, 10),
    time: iso.slice(11, 19),
    hour,
    minute,
    second: shifted.getUTCSeconds(),
    millisecond: shifted.getUTCMilliseconds(),
    minuteOfDay: hour * 60 + minute,
  }
}

/** The Shanghai calendar date of an instant. */
export function shanghaiDate(value: Instant): LocalDate {
  return toShanghai(value).date
}

const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?$/

export function isLocalTime(v: unknown): v is LocalTime {
  return typeof v === 'string' && TIME_RE.test(v)
}

/** Minutes since midnight of "HH:MM[:SS]" (seconds are dropped). */
export function minutesOfLocalTime(time: LocalTime): number {
  const m = TIME_RE.exec(time)
  if (!m) throw new RangeError(`Invalid time ${JSON.stringify(time)}; expected HH:MM or HH:MM:SS`)
  return Number(m[1]) * 60 + Number(m[2])
}

/** The instant at which Shanghai wall clocks show `date` `time` (default midnight). */
export function fromShanghai(date: LocalDate, time: LocalTime = '00:00'): Date {
  assertLocalDate(date)
  const m = TIME_RE.exec(time)
  if (!m) throw new RangeError(`Invalid time ${JSON.stringify(time)}; expected HH:MM or HH:MM:SS`)
  const utc = Date.UTC(
    Number(date.slice(0, 4)),
    Number(date.slice(5, 7)) - 1,
    Number(date.slice(8, 10)),
    Number(m[1]),
    Number(m[2]),
    Number(m[3] ?? 0),
  )
  return new Date(utc - OFFSET_MS)
}

/** ISO-8601 in Shanghai time: "2026-10-10T17:30:00+08:00" (".mmm" only when milliseconds ≠ 0). */
export function formatShanghai(value: Instant): string {
  const t = toShanghai(value)
  const ms = t.millisecond === 0 ? '' : `.${String(t.millisecond).padStart(3, '0')}`
  return `${t.date}T${t.time}${ms}+08:00`
}
