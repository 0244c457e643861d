/** Time left until a deadline, split for display ("2 h 05 min", "overdue 12 min"). */
export interface Remaining {
  overdue: boolean
  days: number
  hours: number
  minutes: number
  seconds: number
  /** Under an hour left (or overdue): shown in warning colours. */
  soon: boolean
}

export function remaining(dueAt: string | Date, now: Date): Remaining {
  const due = typeof dueAt === 'string' ? Date.parse(dueAt) : dueAt.getTime()
  const ms = due - now.getTime()
  const abs = Math.abs(ms)
  const s = Math.floor(abs / 1000)
  return {
    overdue: ms < 0,
    days: Math.floor(s / 86_400),
    hours: Math.floor((s % 86_400) / 3600),
    minutes: Math.floor((s % 3600) / 60),
    seconds: s % 60,
    soon: ms < 3_600_000,
  }
}

type T = (key: string, params?: Record<string, unknown>) => string

const pad = (v: number) => String(v).padStart(2, '0')

/** The length of a span: "1 天 3 小时" / "2:05:09" / "12:05" in the current language. */
export function formatSpan(r: Remaining, t: T): string {
  return r.days > 0
    ? t('dispatch.countdown.days', { days: r.days, hours: r.hours })
    : r.hours > 0
      ? `${r.hours}:${pad(r.minutes)}:${pad(r.seconds)}`
      : `${pad(r.minutes)}:${pad(r.seconds)}`
}

/** "剩 1 天 3 小时" / "剩 2:05:09" / "超时 12:05" in the current language (keys under `dispatch.countdown`). */
export function formatRemaining(r: Remaining, t: T): string {
  const span = formatSpan(r, t)
  return r.overdue ? t('dispatch.countdown.overdue', { span }) : t('dispatch.countdown.left', { span })
}
