import type { RegionLevel } from '@hanjiang/shared'
import { shallowRef } from 'vue'
import { endpoints } from '../api/endpoints.ts'

export interface RegionHit {
  code: string
  name: string
  level: RegionLevel
  /** The names above it, district excluded ("涵东街道 › 东大社区"). */
  path: string[]
}

const LEVELS: RegionLevel[] = ['district', 'street', 'community', 'grid']

/** The region codes above a code: street = first 9 digits + 000, community = first 12 (grids have 15). */
export function parentCodes(code: string): string[] {
  const out: string[] = []
  if (code.length === 15) out.push(code.slice(0, 9) + '000', code.slice(0, 12))
  else if (code.length === 12 && !code.endsWith('000')) out.push(code.slice(0, 9) + '000')
  return out
}

/**
 * Search the region tree (district, streets, communities, grids) by code or name, for picking a user's areas.
 * The label layers (`/api/regions/labels`, public and cached) are loaded once, on first use.
 */
export function useRegionSearch(limit = 20) {
  const loading = shallowRef(false)
  const error = shallowRef<unknown>(null)
  const byCode = shallowRef(new Map<string, { code: string; name: string; level: RegionLevel }>())
  let pending: Promise<void> | null = null

  function load(): Promise<void> {
    if (pending) return pending
    loading.value = true
    pending = Promise.all(LEVELS.map((l) => endpoints().regionLabels(l)))
      .then((collections) => {
        const map = new Map<string, { code: string; name: string; level: RegionLevel }>()
        for (const fc of collections) for (const f of fc.features) map.set(f.properties.code, { ...f.properties })
        byCode.value = map
        error.value = null
      })
      .catch((e: unknown) => {
        error.value = e
        pending = null
      })
      .finally(() => (loading.value = false))
    return pending
  }

  /** Matches by code prefix or name substring; higher levels first, then by code. */
  function search(query: string): RegionHit[] {
    const q = query.trim().toLowerCase()
    if (!q) return []
    const digits = /^\d+$/.test(q)
    const hits: RegionHit[] = []
    for (const r of byCode.value.values()) {
      if (digits ? r.code.startsWith(q) : r.name.toLowerCase().includes(q)) {
        hits.push({ ...r, path: parentCodes(r.code).map((c) => byCode.value.get(c)?.name ?? c) })
      }
    }
    hits.sort((a, b) => LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level) || a.code.localeCompare(b.code))
    return hits.slice(0, limit)
  }

  return { loading, error, load, search, byCode }
}
