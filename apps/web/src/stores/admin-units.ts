import { defineStore } from 'pinia'
import { computed, shallowRef } from 'vue'
import { authEndpoints, type AdminUnit } from '../api/auth.ts'

/** All units, active or not (`GET /api/admin/units`), for the units screen and the user form's unit choice. */
export const useAdminUnitsStore = defineStore('admin-units', () => {
  const items = shallowRef<AdminUnit[]>([])
  const loading = shallowRef(false)
  const error = shallowRef<unknown>(null)
  let pending: Promise<void> | null = null

  function load(force = false): Promise<void> {
    if (pending && !force) return pending
    loading.value = true
    pending = authEndpoints()
      .units()
      .then((r) => {
        items.value = r.items
        error.value = null
      })
      .catch((e: unknown) => {
        error.value = e
        pending = null
      })
      .finally(() => (loading.value = false))
    return pending
  }

  const byCode = computed(() => new Map(items.value.map((u) => [u.code, u])))

  function replace(unit: AdminUnit): AdminUnit {
    const i = items.value.findIndex((u) => u.code === unit.code)
    items.value = i >= 0 ? items.value.map((u) => (u.code === unit.code ? unit : u)) : [...items.value, unit]
    return unit
  }

  const create = async (u: AdminUnit) => replace(await authEndpoints().createUnit(u))
  const update = async (code: string, patch: Partial<Omit<AdminUnit, 'code'>>) => replace(await authEndpoints().updateUnit(code, patch))

  return { items, loading, error, byCode, load, create, update }
})
