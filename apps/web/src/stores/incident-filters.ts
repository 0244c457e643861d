import { OPEN_STATES } from '@hanjiang/shared/incident-map/index'
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { IncidentMapFilters } from '../api/incident-map.ts'

/** Time windows the filter panel offers; `from` is computed when asked, so "today" follows the clock. */
export const PERIODS = ['all', 'today', 'd7', 'd30'] as const
export type Period = (typeof PERIODS)[number]

const DAY_MS = 86_400_000

/** The start of the period in Asia/Shanghai (today = since 00:00 +08:00), as ISO with offset; null for all. */
export function periodStart(period: Period, now = new Date()): string | null {
  if (period === 'all') return null
  if (period === 'today') {
    const shanghai = new Date(now.getTime() + 8 * 3_600_000)
    const midnight = Date.UTC(shanghai.getUTCFullYear(), shanghai.getUTCMonth(), shanghai.getUTCDate()) - 8 * 3_600_000
    return new Date(midnight).toISOString()
  }
  return new Date(now.getTime() - (period === 'd7' ? 7 : 30) * DAY_MS).toISOString()
}

/** The map page's incident filters (class, state, unit, street, time) and whether the incident layer shows. */
export const useIncidentFiltersStore = defineStore('incidentFilters', () => {
  const visible = ref(true)
  /** Open incidents by default: the live picture. */
  const states = ref<string[]>([...OPEN_STATES])
  const fineClass = ref<string | null>(null)
  const unit = ref<string | null>(null)
  const street = ref<string | null>(null)
  const period = ref<Period>('all')

  const filters = computed<IncidentMapFilters>(() => ({
    states: [...states.value].sort(),
    fineClass: fineClass.value,
    unit: unit.value,
    street: street.value,
    from: periodStart(period.value),
    to: null,
  }))

  const active = computed(
    () => fineClass.value !== null || unit.value !== null || street.value !== null || period.value !== 'all' || states.value.length !== OPEN_STATES.length || states.value.some((s) => !OPEN_STATES.includes(s as never)),
  )

  function reset(): void {
    states.value = [...OPEN_STATES]
    fineClass.value = null
    unit.value = null
    street.value = null
    period.value = 'all'
  }

  return { visible, states, fineClass, unit, street, period, filters, active, reset }
})
