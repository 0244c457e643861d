import { defineStore } from 'pinia'
import { computed, shallowRef } from 'vue'
import { incidentEndpoints, type UnitRow } from '../api/incidents.ts'

/**
 * The units a dispatcher may send an incident to (`GET /api/admin/units`, readable with unit.read): for the
 * override list and to find the street office on the other side of a boundary. Loaded once per page visit.
 */
export const useUnitsStore = defineStore('units', () => {
  const items = shallowRef<UnitRow[]>([])
  const failed = shallowRef(false)
  let loading: Promise<void> | null = null

  function load(): Promise<void> {
    if (!loading) {
      loading = incidentEndpoints()
        .units()
        .then((r) => {
          items.value = r.items.filter((u) => u.active)
          failed.value = false
        })
        .catch(() => {
          failed.value = true
          loading = null
        })
    }
    return loading
  }

  const byCode = computed(() => new Map(items.value.map((u) => [u.code, u])))
  /** Street region code → its office. */
  const officeOf = computed(() => new Map(items.value.filter((u) => u.kind === 'street_office' && u.regionCode).map((u) => [u.regionCode!, u])))

  return { items, failed, load, byCode, officeOf }
})
