import type { TaxonomyView } from '@hanjiang/shared/contract'
import type { Database } from '../../db/types.ts'
import { reference } from '../assignment/reference-cache.ts'

export type { TaxonomyView }
type UnitRef = TaxonomyView['classes'][number]['subclasses'][number]['leadUnit']

/**
 * The taxonomy as stored (docs/DOMAIN.md §3: 5 classes → 17 subclasses → 94 fine classes) with each subclass's lead
 * unit and each fine class's responsible unit resolved to names, and the active units. Read from the
 * reference cache the assignment uses, so it answers what assignment decides with.
 */
export async function getTaxonomy(database: Database): Promise<TaxonomyView> {
  const { taxonomy, units } = await reference(database)
  const unit = (code: string): UnitRef => {
    const u = units.get(code)
    return { code, name: u?.name ?? code, nameEn: u?.nameEn ?? code }
  }
  return {
    classes: taxonomy.classes.map((c) => ({
      code: c.code,
      name: c.name,
      nameEn: c.nameEn,
      subclasses: c.subclasses.map((s) => ({
        code: s.code,
        name: s.name,
        nameEn: s.nameEn,
        leadUnit: unit(s.leadUnit),
        fineClasses: s.fineClasses.map((f) => ({
          code: f.code,
          name: f.name,
          nameEn: f.nameEn,
          safetyHazard: f.safetyHazard,
          territorial: f.responsible === 'territorial',
          responsibleUnit: f.responsible === 'territorial' ? null : unit(f.responsible),
        })),
      })),
    })),
    units: taxonomy.units.map((u) => ({
      code: u.code,
      name: u.name,
      nameEn: u.nameEn,
      kind: u.kind,
      parentCode: u.parent ?? null,
      regionCode: u.regionCode ?? null,
    })),
  }
}
