import type { CodeLevel, FineClassInfo, Taxonomy, Unit } from './types.ts'

const LEVEL_BY_LENGTH: Record<number, CodeLevel> = { 2: 'class', 4: 'subclass', 6: 'fine' }

/** `01` → class, `0105` → subclass, `010502` → fine; anything else (not 2/4/6 ASCII digits) → null. */
export function codeLevel(code: string): CodeLevel | null {
  if (!/^[0-9]+$/.test(code)) return null
  return LEVEL_BY_LENGTH[code.length] ?? null
}

/** The fine class with its subclass and class, or null when the code is not a known fine class. */
export function fineClassInfo(tax: Taxonomy, code: string): FineClassInfo | null {
  if (codeLevel(code) !== 'fine') return null
  for (const cls of tax.classes) {
    if (!code.startsWith(cls.code)) continue
    for (const subclass of cls.subclasses) {
      if (!code.startsWith(subclass.code)) continue
      const fine = subclass.fineClasses.find((f) => f.code === code)
      if (fine) return { fine, subclass, class: cls }
    }
  }
  return null
}

export function findUnit(tax: Taxonomy, code: string): Unit | null {
  return tax.units.find((u) => u.code === code) ?? null
}

/** code → {name, nameEn} for every unit, the shape `decideAssignment` takes as `units`. */
export function unitDirectory(tax: Taxonomy): Map<string, { name: string; nameEn: string }> {
  return new Map(tax.units.map((u) => [u.code, { name: u.name, nameEn: u.nameEn }]))
}
