/** The jurisdiction tree, top to bottom (docs/DOMAIN.md §2 "region"). */
export const REGION_LEVELS = ['district', 'street', 'community', 'grid'] as const
export type RegionLevel = (typeof REGION_LEVELS)[number]

export function isRegionLevel(v: unknown): v is RegionLevel {
  return typeof v === 'string' && (REGION_LEVELS as readonly string[]).includes(v)
}

/** The level directly below `level`, or null for grids. */
export function childLevel(level: RegionLevel): RegionLevel | null {
  return REGION_LEVELS[REGION_LEVELS.indexOf(level) + 1] ?? null
}
