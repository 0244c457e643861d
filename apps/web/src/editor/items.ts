import type { ChangeItemInput } from '../api/region-changes.ts'
import type { Draft } from './draft.ts'

/**
 * The draft as change-set items (docs/GRID-EDITOR.md, ItemInput): new grids with their parent and name (the code is
 * given at publication), updates with only what changed, retirements; each published region with the version the
 * edit started from, for the server's optimistic lock.
 */
export function draftItems(draft: Draft, baseVersions: ReadonlyMap<string, number>): ChangeItemInput[] {
  const out: ChangeItemInput[] = []
  for (const r of Object.values(draft.regions).sort((a, b) => a.key.localeCompare(b.key))) {
    if (r.op === 'create') {
      out.push({ op: 'create', level: 'grid', parentCode: r.parentCode, name: r.name, geometry: r.after })
      continue
    }
    const code = r.code!
    const baseVersion = baseVersions.get(code) ?? null
    if (r.op === 'retire') {
      out.push({ op: 'retire', code, baseVersion })
      continue
    }
    const geometryChanged = JSON.stringify(r.after) !== JSON.stringify(r.before)
    out.push({
      op: 'update',
      code,
      baseVersion,
      ...(r.name !== r.beforeName ? { name: r.name } : {}),
      ...(geometryChanged ? { geometry: r.after } : {}),
    })
  }
  return out
}

/** Which draft region an item index of the server's answer (issues, preview rows) stands for. */
export function itemKeys(draft: Draft): string[] {
  return Object.values(draft.regions)
    .sort((a, b) => a.key.localeCompare(b.key))
    .map((r) => r.key)
}
