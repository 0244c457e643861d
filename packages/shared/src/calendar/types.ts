import type { LocalDate } from '../time/localDate.ts'

/** One official holiday period (放假), both ends included. */
export interface HolidayRange {
  /** e.g. "国庆节" */
  name: string
  from: LocalDate
  to: LocalDate
}

/** A weekend day that is worked to make up for a holiday (调休上班). */
export interface MakeUpWorkday {
  date: LocalDate
  /** The holiday it makes up for, e.g. "国庆节". */
  name: string
}

/**
 * One year of the official working-day calendar, as plain data. The admin maintains it per year
 * (docs/DOMAIN.md §4); the database table `calendar_day` maps to it with {@link calendarYearFromDays}.
 */
export interface CalendarYear {
  year: number
  holidays: readonly HolidayRange[]
  makeUpWorkdays: readonly MakeUpWorkday[]
  /** Where the data came from (notice number, URL). */
  source?: string
}

/** One row of a per-day table (e.g. the database's `calendar_day`). Weekdays/weekends need no row. */
export interface CalendarDayRow {
  date: LocalDate
  kind: 'holiday' | 'workday'
  name?: string
}

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeUpWorkday'

export interface DayInfo {
  date: LocalDate
  kind: DayKind
  working: boolean
  /** Holiday name for holidays and make-up workdays. */
  name?: string
}

/** A deadline or day lookup reached a year whose calendar is not loaded. Never guessed from weekdays. */
export class MissingCalendarYearError extends Error {
  readonly code = 'calendar_year_missing'
  readonly messages: { zh: string; en: string }
  constructor(readonly year: number) {
    const en = `No working-day calendar is loaded for ${year}; an administrator must enter that year's holidays and make-up working days`
    super(en)
    this.name = 'MissingCalendarYearError'
    this.messages = { zh: `尚未录入${year}年的工作日历（节假日与调休上班日），请管理员录入后再计算期限`, en }
  }
}

/** Year data that contradicts itself (date outside its year, a day both holiday and workday, …). */
export class CalendarDataError extends Error {
  readonly code = 'calendar_data_invalid'
  constructor(
    message: string,
    readonly year?: number,
  ) {
    super(message)
    this.name = 'CalendarDataError'
  }
}
