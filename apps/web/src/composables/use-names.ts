import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import { taxonomyName, unitNameEn } from '../taxonomy/index.ts'

/** A unit or a taxonomy class as the API sends it: a code and its Chinese name, sometimes its English one. */
export interface NamedRef {
  code?: string | null
  name: string | null
  nameEn?: string | null
}

/** The Chinese name, else the code: never a blank where a name was expected. */
const chinese = (x: NamedRef): string => x.name ?? x.code ?? ''

/**
 * The name of a unit in a language: in English its own English name, else the loaded taxonomy's English name of
 * its code (units and classes are reference data, docs/DOMAIN.md §3), else the Chinese name (never a blank).
 */
export function unitNameIn(u: NamedRef, en: boolean): string {
  if (!en) return chinese(u)
  return u.nameEn || (u.code ? unitNameEn(u.code) : null) || chinese(u)
}

/** The name of a class, subclass or fine class in a language (as {@link unitNameIn}). */
export function classNameIn(c: NamedRef, en: boolean): string {
  if (!en) return chinese(c)
  return c.nameEn || (c.code ? taxonomyName(c.code)?.nameEn : null) || chinese(c)
}

/**
 * Localized names of units and classes for templates: `unit(u)` and `cls(c)` follow the current language, and
 * `unitByCode(code)` / `classByCode(code)` name a bare code (the code itself when unknown).
 */
export function useNames() {
  const { locale } = useI18n()
  const en = computed(() => locale.value === 'en')
  return {
    en,
    unit: (u: NamedRef | null | undefined): string => (u ? unitNameIn(u, en.value) : ''),
    cls: (c: NamedRef | null | undefined): string => (c ? classNameIn(c, en.value) : ''),
    unitByCode: (code: string, name?: string | null): string => unitNameIn({ code, name: name ?? code }, en.value),
    classByCode: (code: string): string => {
      const n = taxonomyName(code)
      return n ? classNameIn({ code, ...n }, en.value) : code
    },
  }
}
