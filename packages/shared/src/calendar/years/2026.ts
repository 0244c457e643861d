import type { CalendarYear } from '../types.ts'

/**
 * 2026 holidays and make-up working days, from 国务院办公厅关于2026年部分节假日安排的通知
 * (国办发明电, 2025-11-04), as listed in docs/DOMAIN.md §4.
 */
export const CALENDAR_2026: CalendarYear = {
  year: 2026,
  source: '国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04)',
  holidays: [
    { name: '元旦', from: '2026-01-01', to: '2026-01-03' },
    { name: '春节', from: '2026-02-15', to: '2026-02-23' },
    { name: '清明节', from: '2026-04-04', to: '2026-04-06' },
    { name: '劳动节', from: '2026-05-01', to: '2026-05-05' },
    { name: '端午节', from: '2026-06-19', to: '2026-06-21' },
    { name: '中秋节', from: '2026-09-25', to: '2026-09-27' },
    { name: '国庆节', from: '2026-10-01', to: '2026-10-07' },
  ],
  makeUpWorkdays: [
    { date: '2026-01-04', name: '元旦' },
    { date: '2026-02-14', name: '春节' },
    { date: '2026-02-28', name: '春节' },
    { date: '2026-05-09', name: '劳动节' },
    { date: '2026-09-20', name: '国庆节' },
    { date: '2026-10-10', name: '国庆节' },
  ],
}
