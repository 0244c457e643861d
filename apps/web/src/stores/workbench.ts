import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { ApiError } from '../api/client.ts'
import { workEndpoints, type Colleague, type Section, type WorkEndpoints, type WorkItem, type WorkQueue } from '../api/work.ts'

export type WorkbenchAccess = 'unknown' | 'ok' | 'no_unit' | 'forbidden'

/** The unit workbench's queue and ledger (GET /api/workbench/*): loaded on demand, refreshed after each action. */
export const useWorkbenchStore = defineStore('workbench', () => {
  const items = shallowRef<WorkItem[]>([])
  const ledger = shallowRef<WorkItem[]>([])
  const sections = shallowRef<Section[]>([])
  const colleagues = shallowRef<Colleague[]>([])
  /** Why the colleague list could not be loaded (the picker says so instead of "nobody"). */
  const colleaguesError = shallowRef<unknown>(null)
  const unitCode = ref<string | null>(null)
  const unit = shallowRef<WorkQueue['unit'] | null>(null)
  const loading = ref(false)
  const error = shallowRef<unknown>(null)
  const access = ref<WorkbenchAccess>('unknown')
  const mine = ref(false)
  let ep: WorkEndpoints = workEndpoints()

  const overdueCount = computed(() => items.value.filter((i) => i.overdue).length)

  function use(endpoints: WorkEndpoints): void {
    ep = endpoints
  }

  async function load(): Promise<void> {
    loading.value = true
    try {
      const q = await ep.queue(mine.value)
      items.value = q.items
      unitCode.value = q.unitCode
      unit.value = q.unit
      access.value = 'ok'
      error.value = null
    } catch (e) {
      if (e instanceof ApiError && e.status === 403) access.value = e.code === 'no_unit' ? 'no_unit' : 'forbidden'
      else error.value = e
    } finally {
      loading.value = false
    }
  }

  async function loadLedger(): Promise<void> {
    try {
      ledger.value = (await ep.ledger()).items
    } catch (e) {
      error.value = e
    }
  }

  async function loadSections(): Promise<void> {
    try {
      sections.value = (await ep.sections()).sections
    } catch {
      sections.value = []
    }
  }

  async function loadColleagues(): Promise<void> {
    try {
      colleagues.value = (await ep.colleagues()).colleagues
      colleaguesError.value = null
    } catch (e) {
      colleagues.value = []
      colleaguesError.value = e
    }
  }

  /** What the assign dialog picks from: the unit's sections and colleagues. */
  async function loadAssignees(): Promise<void> {
    await Promise.all([loadSections(), loadColleagues()])
  }

  /** The current version of an item (for optimistic locking of the next action). */
  const versionOf = (code: string) => items.value.find((i) => i.code === code)?.version ?? 0

  return {
    items, ledger, sections, colleagues, colleaguesError, unitCode, unit, loading, error, access, mine, overdueCount,
    use, load, loadLedger, loadSections, loadColleagues, loadAssignees, versionOf, endpoints: () => ep,
  }
})
