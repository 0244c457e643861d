/**
 * Calendar dates without a time or zone ("2026-10-10"), as used by the working-day calendar.
 * All arithmetic is done on UTC midnights, so the machine's TZ never matters.
 */
export type LocalDate = string

const LOCAL_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/
const DAY_MS = 86_400_000

export class InvalidLocalDateError extends Error {
  readonly code = 'invalid_local_date'
  constructor(readonly value: unknown) {
    super(`Invalid local date ${JSON.stringify(value)}; expected YYYY-MM-DD`)
    this.name = 'InvalidLocalDateError'
  }
}

export function isLocalDate(v: unknown): v is LocalDate {
  if (typeof v !== 'string') return false
  const m = LOCAL_DATE_RE.exec(v)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const t = new Date(Date.UTC(y, mo - 1, d))
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d
}

export function assertLocalDate(v: unknown): asserts v is LocalDate {
  if (!isLocalDate(v)) throw new InvalidLocalDateError(v)
}

function toUtcMs(date: LocalDate): number {
  assertLocalDate(date)
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)))
}

function fromUtcMs(ms: number): LocalDate {
  return new Date(ms).toISOString().slice(0, 10)
}

/** The year of a local date. */
export function yearOf(date: LocalDate): number {
  assertLocalDate(date)
  return Number(date.slice(0, 4))
}

/** `date` moved by `days` calendar days (negative allowed). */
export function addCalendarDays(date: LocalDate, days: number): LocalDate {
  if (!Number.isInteger(days)) throw new RangeError(`days must be an integer, got ${days}`)
  return fromUtcMs(toUtcMs(date) + days * DAY_MS)
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: LocalDate): number {
  const d = new Date(toUtcMs(date)).getUTCDay()
  return d === 0 ? 7 : d
}

export function isWeekend(date: LocalDate): boolean {
  return isoWeekday(date) >= 6
}

/** Every date from `from` to `to`, both included. */
export function datesBetween(from: LocalDate, to: LocalDate): LocalDate[] {
  const out: LocalDate[] = []
  for (let ms = toUtcMs(from), end = toUtcMs(to); ms <= end; ms += DAY_MS) out.push(fromUtcMs(ms))
  return out
}
