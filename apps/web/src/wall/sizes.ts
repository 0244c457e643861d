/**
 * How many items each wall panel shows: fewer and larger rather than more and smaller (the type scale in
 * type-scale.ts decides the size; these decide what still fits a panel at that size without scrolling).
 */
export const WALL_LIST_SIZES = {
  /** Streets/towns in the open/overdue bars: the busiest ones. */
  streets: 6,
  /** Fine classes in the "top classes" bars. */
  classes: 5,
  /** At most; the lists show as many whole items as fit their panel (WallUrgentList, WallFeed). */
  urgent: 4,
  feed: 6,
} as const

/**
 * The incident symbols on the wall against the map page's: cluster counts at the label size of the type scale
 * (13 px × 1.7 = 22 px), discs large enough to hold them.
 */
export const WALL_INCIDENT_SCALE = 1.7
