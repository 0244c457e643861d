import type { Taxonomy } from '@hanjiang/shared/taxonomy/types'
import raw from '../../../../seed/taxonomy.json'
import type { TaxonomyView } from '../taxonomy/index.ts'

/**
 * For tests only: the seed taxonomy in the shape `GET /api/taxonomy` answers (the API seeds its database from
 * the same file; apps/api/src/services/taxonomy/get.ts resolves the units the same way).
 */
export function seedTaxonomyView(tax: Taxonomy = raw as Taxonomy): TaxonomyView {
  const units = new Map(tax.units.map((u) => [u.code, u]))
  const unit = (code: string) => ({ code, name: units.get(code)?.name ?? code, nameEn: units.get(code)?.nameEn ?? code })
  return {
    classes: tax.classes.map((c) => ({
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
    units: tax.units.map((u) => ({
      code: u.code,
      name: u.name,
      nameEn: u.nameEn,
      kind: u.kind,
      parentCode: u.parent ?? null,
      regionCode: u.regionCode ?? null,
    })),
  }
}
