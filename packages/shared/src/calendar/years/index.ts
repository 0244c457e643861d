import type { CalendarYear } from '../types.ts'
import { CALENDAR_2025 } from './2025.ts'
import { CALENDAR_2026 } from './2026.ts'

export { CALENDAR_2025, CALENDAR_2026 }

/**
 * The calendar years shipped with the code, used to seed the admin-maintained table. 2025 is there for the
 * demo's year of history (and incidents registered late in 2025).
 * 2027 is deliberately absent until the State Council publishes it and it is entered from the
 * official notice: deadlines reaching 2027 raise MissingCalendarYearError.
 */
export const BUILTIN_CALENDAR_YEARS: readonly CalendarYear[] = [CALENDAR_2025, CALENDAR_2026]
