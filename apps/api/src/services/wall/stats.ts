import { fineClassInfo, formatShanghai, fromShanghai, shanghaiDate } from '@hanjiang/shared'
import { wallRows, type WallRows } from '../../db/repositories/wall.ts'
import type { Database } from '../../db/types.ts'
import { reference } from '../assignment/reference-cache.ts'

/** The wall's figures: one statement, names added from the cached reference. */

const DAY_MS = 86_400_000
export const WALL_LIMITS = { onTimeDays: 30, classDays: 7, topClasses: 8, lastEvents: 15, urgent: 12 } as const

type Named = { name: string; nameEn: string }

export interface WallStats {
  /** Asia/Shanghai, +08:00. */
  generatedAt: string
  day: string
  totals: WallRows['totals']
  intakeByChannel: WallRows['intakeByChannel']
  byStreet: WallRows['byStreet']
  /** Closed in the last `days` days; on time = never marked overdue. Rate null when nothing closed. */
  onTime: { days: number; closed: number; onTime: number; rate: number | null }
  topClasses: { days: number; items: (WallRows['topClasses'][number] & Named)[] }
  events: (WallRows['events'][number] & { className: Named | null })[]
  urgent: (WallRows['urgent'][number] & { className: Named | null; unitName: Named | null })[]
}

const shanghai = (iso: string | null): string | null => (iso ? formatShanghai(new Date(iso)) : null)

export async function wallStats({
  database,
  now = new Date(),
  scope = null,
}: {
  database: Database
  now?: Date
  scope?: { unitCodes: readonly string[]; areaPrefixes: readonly string[] } | null
}): Promise<WallStats> {
  const day = shanghaiDate(now)
  const [rows, ref] = await Promise.all([
    wallRows(database, {
      dayStart: fromShanghai(day),
      onTimeSince: new Date(now.getTime() - WALL_LIMITS.onTimeDays * DAY_MS),
      classesSince: new Date(now.getTime() - WALL_LIMITS.classDays * DAY_MS),
      topClasses: WALL_LIMITS.topClasses,
      lastEvents: WALL_LIMITS.lastEvents,
      urgentLimit: WALL_LIMITS.urgent,
      scope,
    }),
    reference(database),
  ])
  const className = (code: string | null): Named | null => {
    const f = code ? fineClassInfo(ref.taxonomy, code) : null
    return f ? { name: f.fine.name, nameEn: f.fine.nameEn } : null
  }
  const unitName = (code: string | null): Named | null => (code ? (ref.units.get(code) ?? null) : null)
  const num = (v: unknown) => Number(v ?? 0)
  return {
    generatedAt: formatShanghai(now),
    day,
    totals: { today: num(rows.totals.today), open: num(rows.totals.open), overdue: num(rows.totals.overdue), urgentOpen: num(rows.totals.urgentOpen) },
    intakeByChannel: rows.intakeByChannel.map((c) => ({ channel: c.channel, count: num(c.count) })),
    byStreet: rows.byStreet.map((s) => ({ code: s.code, name: s.name, open: num(s.open), overdue: num(s.overdue) })),
    onTime: {
      days: WALL_LIMITS.onTimeDays,
      closed: num(rows.onTime.closed),
      onTime: num(rows.onTime.onTime),
      rate: num(rows.onTime.closed) ? num(rows.onTime.onTime) / num(rows.onTime.closed) : null,
    },
    topClasses: {
      days: WALL_LIMITS.classDays,
      items: rows.topClasses.map((c) => ({ code: c.code, count: num(c.count), ...(className(c.code) ?? { name: c.code, nameEn: c.code }) })),
    },
    events: rows.events.map((e) => ({ ...e, id: num(e.id), at: shanghai(e.at)!, className: className(e.fineClass) })),
    urgent: rows.urgent.map((u) => ({
      ...u,
      createdAt: shanghai(u.createdAt)!,
      dueAt: shanghai(u.dueAt),
      overdue: u.overdue === true,
      className: className(u.fineClass),
      unitName: unitName(u.unitCode),
    })),
  }
}
