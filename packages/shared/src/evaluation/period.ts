import { addCalendarDays, isLocalDate, type LocalDate } from '../time/localDate.ts'
import { fromShanghai, shanghaiDate } from '../time/shanghai.ts'

/**
 * An evaluation period in Shanghai dates: a month `2026-07`, a quarter `2026-Q3`, a year `2026`, or a custom
 * range `2026-07-01..2026-07-15` (both days included). `from` is the first instant, `to` the first instant after.
 */
export interface EvaluationPeriod {
  key: string
  kind: 'month' | 'quarter' | 'year' | 'custom'
  firstDay: LocalDate
  lastDay: LocalDate
  from: Date
  to: Date
}

export class PeriodError extends Error {
  readonly code: 'invalid_period' | 'future_period' | 'period_before_data'
  constructor(code: PeriodError['code'], message: string) {
    super(message)
    this.name = 'PeriodError'
    this.code = code
  }
}

export const PERIOD_FORMAT = 'YYYY-MM, YYYY-Qn, YYYY or YYYY-MM-DD..YYYY-MM-DD'

const pad = (n: number): string => String(n).padStart(2, '0')
const lastOfMonth = (y: number, m: number): LocalDate => addCalendarDays(`${m === 12 ? y + 1 : y}-${pad(m === 12 ? 1 : m + 1)}-01`, -1)

function make(key: string, kind: EvaluationPeriod['kind'], firstDay: LocalDate, lastDay: LocalDate): EvaluationPeriod {
  return { key, kind, firstDay, lastDay, from: fromShanghai(firstDay), to: fromShanghai(addCalendarDays(lastDay, 1)) }
}

/** Reads a period key. @throws PeriodError('invalid_period') naming the accepted forms. */
export function parsePeriod(text: string): EvaluationPeriod {
  const s = String(text ?? '').trim()
  let m = /^(\d{4})-Q([1-4])$/i.exec(s)
  if (m) {
    const y = Number(m[1])
    const q = Number(m[2])
    return make(`${y}-Q${q}`, 'quarter', `${y}-${pad(q * 3 - 2)}-01`, lastOfMonth(y, q * 3))
  }
  m = /^(\d{4})-(\d{2})$/.exec(s)
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) {
    const y = Number(m[1])
    const mo = Number(m[2])
    return make(s, 'month', `${y}-${m[2]}-01`, lastOfMonth(y, mo))
  }
  m = /^(\d{4})$/.exec(s)
  if (m) return make(s, 'year', `${s}-01-01`, `${s}-12-31`)
  m = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(s)
  if (m && isLocalDate(m[1]) && isLocalDate(m[2])) {
    if (m[1] > m[2]) throw new PeriodError('invalid_period', `Period ${s}: ${m[1]} is after ${m[2]}`)
    return make(s, 'custom', m[1], m[2])
  }
  throw new PeriodError('invalid_period', `Invalid period ${JSON.stringify(s)}; expected ${PERIOD_FORMAT}`)
}

/** The period of the same kind and length just before (a custom range: the same number of days before it). */
export function previousPeriod(p: EvaluationPeriod): EvaluationPeriod {
  const y = Number(p.firstDay.slice(0, 4))
  const mo = Number(p.firstDay.slice(5, 7))
  switch (p.kind) {
    case 'year':
      return parsePeriod(String(y - 1))
    case 'quarter': {
      const q = (mo + 2) / 3
      return parsePeriod(q === 1 ? `${y - 1}-Q4` : `${y}-Q${q - 1}`)
    }
    case 'month':
      return parsePeriod(mo === 1 ? `${y - 1}-12` : `${y}-${pad(mo - 1)}`)
    case 'custom': {
      const days = Math.round((p.to.getTime() - p.from.getTime()) / 86_400_000)
      const last = addCalendarDays(p.firstDay, -1)
      return parsePeriod(`${addCalendarDays(last, -(days - 1))}..${last}`)
    }
  }
}

/**
 * A period may be evaluated once it has started and not before the data: one that starts after `now` is
 * refused (future_period); one that ends before `dataStart` too (period_before_data). A running period
 * is allowed (its figures are as of now).
 */
export function checkPeriod(p: EvaluationPeriod, now: Date, dataStart: Date | null): void {
  if (p.from.getTime() > now.getTime())
    throw new PeriodError('future_period', `Period ${p.key} starts ${p.firstDay}, after today (${shanghaiDate(now)})`)
  if (dataStart && p.to.getTime() <= dataStart.getTime())
    throw new PeriodError('period_before_data', `Period ${p.key} ends before the first incident (${shanghaiDate(dataStart)})`)
}

/** Whether the period is over at `now` (only a finished period can be published). */
export function periodEnded(p: EvaluationPeriod, now: Date): boolean {
  return p.to.getTime() <= now.getTime()
}
