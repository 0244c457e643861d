import type { Database } from '../../db/types.ts'
import type { Actor } from '../../http/actor.ts'
import { problems } from '../../http/problem.ts'
import type { ImportFile } from '../geometry/exchange-file.ts'
import { createChangeSet } from '../region-changes/create.ts'
import type { ItemInput } from '../region-changes/items.ts'
import type { ChangeSet } from '../region-changes/read.ts'
import { parseRegionImport } from './import-parse.ts'

/**
 * An import as a draft change set (docs/IMPORT-EXPORT.md, docs/GRID-EDITOR.md): the file is read and checked like
 * an import (nothing written if any feature has a problem: the same 422), then every new code becomes a `create`
 * item and every changed region an `update` item based on its current version; unchanged features are left out.
 * The draft is then previewed, submitted and approved like any other; the regions change only on approval.
 */
export async function importRegionsAsDraft({ database, actor, file, title }: { database: Database; actor: Actor; file: ImportFile; title: string }): Promise<ChangeSet> {
  const parsed = await parseRegionImport({ database, file })
  if (!parsed.valid || !parsed.summary) {
    const count = file.collection.features.length
    const refused = new Set((parsed.issues as { feature?: number }[]).map((i) => i.feature)).size
    throw problems.importInvalid(
      `${refused} of ${count} feature${count === 1 ? '' : 's'} cannot be imported (${parsed.issues.length} problem${parsed.issues.length === 1 ? '' : 's'}); no draft was made`,
      (parsed.issues as { feature?: number; path: string; message: string }[]).map((i) => ({ path: i.feature === undefined ? i.path : `features.${i.feature}.${i.path}`, message: i.message })),
      { issues: parsed.issues },
    )
  }
  const features = file.collection.features as { geometry: unknown; properties: { code: string; name: string; level: ItemInput['level']; parentCode?: string | null } }[]
  const items: ItemInput[] = []
  for (const r of parsed.summary.features) {
    const f = features[r.index]!
    if (r.action === 'created') {
      items.push({ op: 'create', code: r.code, level: f.properties.level, parentCode: f.properties.parentCode ?? null, name: f.properties.name, geometry: f.geometry })
    } else if (r.action === 'updated') {
      items.push({ op: 'update', code: r.code, baseVersion: r.version - 1, name: f.properties.name, geometry: f.geometry })
    }
  }
  return createChangeSet({ database, actor, input: { title, items } })
}
