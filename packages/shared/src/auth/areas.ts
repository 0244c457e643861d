import type { RegionLevel } from '../regions/levels.ts'

const PREFIX_LENGTH: Record<RegionLevel, number> = { district: 6, street: 9, community: 12, grid: 15 }

/**
 * The significant prefix of a region code (district 6, street 9, community 12, grid 15 digits): every region
 * and incident inside it has a code starting with it, so area scoping is a cheap `LIKE prefix || '%'`.
 */
export function regionPrefix(code: string, level: RegionLevel): string {
  return code.slice(0, PREFIX_LENGTH[level])
}

/** Is `code` (any level) inside one of the areas given by their prefixes? */
export function inAreas(code: string | null | undefined, prefixes: readonly string[]): boolean {
  return !!code && prefixes.some((p) => code.startsWith(p))
}
