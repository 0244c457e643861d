import type { Crs } from '@hanjiang/shared/geo/crs'
import { defineStore } from 'pinia'
import { computed, ref, shallowRef, watch } from 'vue'
import { isAbortError } from '../api/client.ts'
import { endpoints } from '../api/endpoints.ts'
import type { AssignmentResult } from '../api/types.ts'
import { safeStorage } from '../i18n/index.ts'
import { fineClassOption } from '../taxonomy/index.ts'

/** The coordinate systems a dispatcher can type a point in (phone maps in China show GCJ-02 or BD-09). */
export const PROBE_CRS = ['wgs84', 'gcj02', 'bd09'] as const satisfies readonly Crs[]

export type ProbeStatus = 'idle' | 'loading' | 'ready' | 'error'

/** A point to ask about: clicked on the map (always WGS84) or typed. */
export interface ProbePoint {
  lng: number
  lat: number
  crs: Crs
  /** Where it came from: a map click, or typed coordinates (the map then moves to the answer). */
  via: 'map' | 'typed'
}

export const PROBE_FINE_CLASS_KEY = 'hj.probe.fineClass'
export const PROBE_CRS_KEY = 'hj.probe.crs'

function saved<T extends string>(key: string, ok: (v: string) => v is T): T | null {
  try {
    const v = safeStorage()?.getItem(key)
    return v && ok(v) ? v : null
  } catch {
    return null
  }
}
function save(key: string, value: string | null): void {
  try {
    if (value === null) safeStorage()?.removeItem(key)
    else safeStorage()?.setItem(key, value)
  } catch {
    /* storage blocked: the choice is just not remembered */
  }
}

const isFineClass = (v: string): v is string => fineClassOption(v) !== null
const isProbeCrs = (v: string): v is Crs => (PROBE_CRS as readonly string[]).includes(v)

/**
 * The assignment probe ("派遣试算 / who owns this point?"): a mode of the map page in which a click asks
 * `GET /api/assign` for that point and the chosen fine class, and the side panel explains the answer.
 * Changing the fine class asks again for the same point, so a dispatcher can compare classes.
 */
export const useProbeStore = defineStore('probe', () => {
  const active = ref(false)
  const fineClass = ref<string | null>(saved(PROBE_FINE_CLASS_KEY, isFineClass))
  /** The coordinate system of typed coordinates (map clicks are WGS84). */
  const crs = ref<Crs>(saved(PROBE_CRS_KEY, isProbeCrs) ?? 'wgs84')
  const point = shallowRef<ProbePoint | null>(null)
  const result = shallowRef<AssignmentResult | null>(null)
  const status = ref<ProbeStatus>('idle')
  const error = shallowRef<unknown>(null)
  let controller: AbortController | null = null

  watch(fineClass, (v) => save(PROBE_FINE_CLASS_KEY, v))
  watch(crs, (v) => save(PROBE_CRS_KEY, v))

  const fineClassInfo = computed(() => fineClassOption(fineClass.value))

  async function ask(next: ProbePoint): Promise<void> {
    controller?.abort()
    const mine = (controller = new AbortController())
    point.value = next
    error.value = null
    status.value = 'loading'
    try {
      const r = await endpoints().assign({ lng: next.lng, lat: next.lat, crs: next.crs, fineClass: fineClass.value }, mine.signal)
      if (mine.signal.aborted) return
      result.value = r
      status.value = 'ready'
    } catch (e) {
      if (mine.signal.aborted || isAbortError(e)) return
      result.value = null
      error.value = e
      status.value = 'error'
    }
  }

  /** Picks a fine class (null = "no class") and asks again for the current point, if any. */
  function setFineClass(code: string | null): Promise<void> {
    if (code === fineClass.value) return Promise.resolve()
    fineClass.value = code
    return point.value ? ask(point.value) : Promise.resolve()
  }

  function retry(): Promise<void> {
    return point.value ? ask(point.value) : Promise.resolve()
  }

  /** Forgets the point and its answer (the mode and the chosen class stay). */
  function reset(): void {
    controller?.abort()
    controller = null
    point.value = null
    result.value = null
    error.value = null
    status.value = 'idle'
  }

  function start(): void {
    active.value = true
  }

  function stop(): void {
    reset()
    active.value = false
  }

  function toggle(): void {
    if (active.value) stop()
    else start()
  }

  return { active, fineClass, fineClassInfo, crs, point, result, status, error, ask, setFineClass, retry, reset, start, stop, toggle }
})
