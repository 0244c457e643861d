import { computed, shallowRef } from 'vue'
import { authEndpoints, type AuditEntry, type AuditQuery } from '../api/auth.ts'
import { isAbortError } from '../api/client.ts'

export interface AuditFilters {
  actor: string
  action: string
  objectType: string
  objectId: string
  /** `datetime-local` values, read as Asia/Shanghai wall-clock time. */
  from: string
  to: string
}

export const emptyAuditFilters = (): AuditFilters => ({ actor: '', action: '', objectType: '', objectId: '', from: '', to: '' })

/** A `datetime-local` value ("2026-11-27T08:30") as an instant in Asia/Shanghai (UTC+8, no daylight saving). */
export function shanghaiToIso(local: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(local)) return undefined
  const d = new Date(`${local.length === 16 ? `${local}:00` : local}+08:00`)
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString()
}

/**
 * The audit log, newest first, one page at a time: `search` starts over with the filters, `more` fetches the
 * page before the last entry shown (`before=<id>`, keyset paging: stable while new entries arrive).
 */
export function useAuditLog(pageSize = 50) {
  const items = shallowRef<AuditEntry[]>([])
  const nextBefore = shallowRef<number | null>(null)
  const loading = shallowRef(false)
  const error = shallowRef<unknown>(null)
  const searched = shallowRef(false)
  let applied: AuditQuery = {}
  let controller: AbortController | null = null

  const badRange = (f: AuditFilters) => {
    const from = shanghaiToIso(f.from)
    const to = shanghaiToIso(f.to)
    return !!from && !!to && from > to
  }

  async function fetchPage(query: AuditQuery, append: boolean): Promise<void> {
    controller?.abort()
    const c = (controller = new AbortController())
    loading.value = true
    try {
      const page = await authEndpoints().audit({ ...query, limit: pageSize }, c.signal)
      items.value = append ? [...items.value, ...page.items] : page.items
      nextBefore.value = page.nextBefore
      error.value = null
      searched.value = true
    } catch (e) {
      if (!isAbortError(e)) error.value = e
    } finally {
      if (controller === c) loading.value = false
    }
  }

  function search(f: AuditFilters): Promise<void> {
    applied = {
      actor: f.actor,
      action: f.action,
      objectType: f.objectType,
      objectId: f.objectId,
      from: shanghaiToIso(f.from),
      to: shanghaiToIso(f.to),
    }
    return fetchPage(applied, false)
  }

  function more(): Promise<void> {
    if (nextBefore.value === null) return Promise.resolve()
    return fetchPage({ ...applied, before: nextBefore.value }, true)
  }

  const hasMore = computed(() => nextBefore.value !== null)
  return { items, nextBefore, hasMore, loading, error, searched, search, more, badRange }
}
