import {
  addCalendarDays,
  assertLocalDate,
  datesBetween,
  isLocalDate,
  isWeekend,
  yearOf,
  type LocalDate,
} from '../time/localDate.ts'
import {
  CalendarDataError,
  MissingCalendarYearError,
  type CalendarDayRow,
  type CalendarYear,
  type DayInfo,
} from './types.ts'
import { DEFAULT_OFFICE_HOURS, validateOfficeHours, type OfficeHoursConfig } from './officeHours.ts'

/** What the deadline code needs from a calendar; implement it to plug in another source. */
export interface WorkingDayCalendar {
  hasYear(year: number): boolean
  /** @throws MissingCalendarYearError */
  isWorkingDay(date: LocalDate): boolean
  /** The first working day strictly after `date`. @throws MissingCalendarYearError */
  nextWorkingDay(date: LocalDate): LocalDate
  /**
   * The `n`-th working day after `date`, `date` itself not counted (期间开始之日不计算在内).
   * `n = 0` returns `date`. @throws MissingCalendarYearError
   */
  addWorkingDays(date: LocalDate, n: number): LocalDate
  /** The office hours its working days keep (periods end when they close); absent: the default 08:30–17:30. */
  readonly officeHours?: OfficeHoursConfig
}

interface Special {
  kind: 'holiday' | 'makeUpWorkday'
  name: string
}

/**
 * China's official working-day calendar built from per-year data: a day is a working day when it is
 * a make-up workday, or a Monday–Friday that is not a holiday. Any lookup in a year that was not
 * loaded throws {@link MissingCalendarYearError} — never a weekday guess.
 */
export class WorkingCalendar implements WorkingDayCalendar {
  private readonly specials = new Map<LocalDate, Special>()
  private readonly yearSet = new Set<number>()
  /** Office hours of its working days (a deployment's OFFICE_HOURS): deadlines end when they close. */
  readonly officeHours: OfficeHoursConfig

  constructor(
    private readonly data: readonly CalendarYear[],
    options: { officeHours?: OfficeHoursConfig } = {},
  ) {
    const h = options.officeHours ?? DEFAULT_OFFICE_HOURS
    this.officeHours = typeof h === 'function' ? h : validateOfficeHours(h)
    for (const y of data) this.load(y)
  }

  /** The same days with other office hours. */
  withOfficeHours(officeHours: OfficeHoursConfig): WorkingCalendar {
    return new WorkingCalendar(this.data, { officeHours })
  }

  private load(data: CalendarYear): void {
    const { year } = data
    if (!Number.isInteger(year) || year < 1992 || year > 9999)
      throw new CalendarDataError(`Invalid calendar year ${year}`, year)
    if (this.yearSet.has(year)) throw new CalendarDataError(`Calendar year ${year} given twice`, year)
    const inYear = (d: LocalDate, what: string): void => {
      if (!isLocalDate(d)) throw new CalendarDataError(`${what}: invalid date ${JSON.stringify(d)}`, year)
      if (yearOf(d) !== year) throw new CalendarDataError(`${what}: ${d} is outside ${year}`, year)
    }
    const specials = new Map<LocalDate, Special>()
    for (const h of data.holidays) {
      inYear(h.from, `holiday ${h.name}`)
      inYear(h.to, `holiday ${h.name}`)
      if (h.from > h.to) throw new CalendarDataError(`holiday ${h.name}: ${h.from} is after ${h.to}`, year)
      for (const d of datesBetween(h.from, h.to)) {
        if (specials.has(d)) throw new CalendarDataError(`${d} is listed twice`, year)
        specials.set(d, { kind: 'holiday', name: h.name })
      }
    }
    for (const w of data.makeUpWorkdays) {
      inYear(w.date, `make-up workday ${w.name}`)
      if (specials.has(w.date)) throw new CalendarDataError(`${w.date} is listed twice`, year)
      if (!isWeekend(w.date))
        throw new CalendarDataError(`make-up workday ${w.date} is not a Saturday or Sunday`, year)
      specials.set(w.date, { kind: 'makeUpWorkday', name: w.name })
    }
    for (const [d, s] of specials) this.specials.set(d, s)
    this.yearSet.add(year)
  }

  hasYear(year: number): boolean {
    return this.yearSet.has(year)
  }

  /** Loaded years, ascending. */
  years(): number[] {
    return [...this.yearSet].sort((a, b) => a - b)
  }

  dayInfo(date: LocalDate): DayInfo {
    assertLocalDate(date)
    const year = yearOf(date)
    if (!this.yearSet.has(year)) throw new MissingCalendarYearError(year)
    const s = this.specials.get(date)
    if (s?.kind === 'holiday') return { date, kind: 'holiday', working: false, name: s.name }
    if (s?.kind === 'makeUpWorkday') return { date, kind: 'makeUpWorkday', working: true, name: s.name }
    return isWeekend(date) ? { date, kind: 'weekend', working: false } : { date, kind: 'workday', working: true }
  }

  isWorkingDay(date: LocalDate): boolean {
    return this.dayInfo(date).working
  }

  nextWorkingDay(date: LocalDate): LocalDate {
    return this.addWorkingDays(date, 1)
  }

  addWorkingDays(date: LocalDate, n: number): LocalDate {
    assertLocalDate(date)
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer, got ${n}`)
    let d = date
    // Each step either finds a working day or reaches an unloaded year (which throws), so this ends.
    for (let left = n; left > 0; ) {
      d = addCalendarDays(d, 1)
      if (this.isWorkingDay(d)) left--
    }
    return d
  }
}

/** Builds a calendar from year data. */
export function createWorkingCalendar(years: readonly CalendarYear[], options: { officeHours?: OfficeHoursConfig } = {}): WorkingCalendar {
  return new WorkingCalendar(years, options)
}

/**
 * Turns per-day rows (the admin table) into year data: consecutive holiday days with the same name
 * become one range.
 */
export function calendarYearFromDays(year: number, rows: readonly CalendarDayRow[], source?: string): CalendarYear {
  const sorted = [...rows].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
  const holidays: { name: string; from: LocalDate; to: LocalDate }[] = []
  const makeUpWorkdays: { date: LocalDate; name: string }[] = []
  for (const r of sorted) {
    if (!isLocalDate(r.date)) throw new CalendarDataError(`invalid date ${JSON.stringify(r.date)}`, year)
    if (yearOf(r.date) !== year) throw new CalendarDataError(`${r.date} is outside ${year}`, year)
    const name = r.name ?? ''
    if (r.kind === 'workday') {
      makeUpWorkdays.push({ date: r.date, name })
      continue
    }
    const last = holidays[holidays.length - 1]
    if (last && last.name === name && addCalendarDays(last.to, 1) === r.date) last.to = r.date
    else holidays.push({ name, from: r.date, to: r.date })
  }
  return source === undefined ? { year, holidays, makeUpWorkdays } : { year, holidays, makeUpWorkdays, source }
}
