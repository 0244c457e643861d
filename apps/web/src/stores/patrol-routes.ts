import { PATROL_VIEW_ROLES } from '@hanjiang/shared/patrol/routes'
import { defineStore } from 'pinia'
import { computed, ref, shallowRef, watch } from 'vue'
import { safeStorage } from '../i18n/index.ts'
import { useAuthStore } from './auth.ts'

export type PatrolRoutesStatus = 'idle' | 'loading' | 'ready' | 'error'

export const PATROL_ROUTES_VISIBLE_KEY = 'hj.map.patrolRoutes'

function savedVisible(): boolean {
  try {
    return safeStorage()?.getItem(PATROL_ROUTES_VISIBLE_KEY) === 'true'
  } catch {
    return false
  }
}

/**
 * The planned-patrol-routes layer shared by the map screens: whether it is switched on (off by
 * default, remembered), whether the user may see patrol data at all, and what the current view's answer holds
 * (set by usePatrolRouteLayer, which fetches per view).
 */
export const usePatrolRoutesStore = defineStore('patrolRoutes', () => {
  const auth = useAuthStore()
  const wanted = ref(savedVisible())
  /** Handlers and unit supervisors have no patrol view (the API answers 403): no switch for them. */
  const available = computed(() => (auth.user?.roles ?? []).some((r) => (PATROL_VIEW_ROLES as readonly string[]).includes(r)))
  const visible = computed(() => wanted.value && available.value)
  const status = ref<PatrolRoutesStatus>('idle')
  const count = ref(0)
  const truncated = ref(false)
  const error = shallowRef<unknown>(null)
  /** Bumped by "retry": the layer asks again for the view. */
  const reloads = ref(0)

  watch(wanted, (v) => {
    try {
      safeStorage()?.setItem(PATROL_ROUTES_VISIBLE_KEY, String(v))
    } catch {
      /* not remembered */
    }
  })

  function setVisible(v: boolean): void {
    wanted.value = v
  }

  function reload(): void {
    reloads.value++
  }

  return { wanted, available, visible, status, count, truncated, error, reloads, setVisible, reload }
})
