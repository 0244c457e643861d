import { DESIGN_HEIGHT, DESIGN_WIDTH } from '../composables/use-viewport-scale.ts'

/**
 * The wall's type scale, in CSS px at its 1920×1080 design size, read from about 3 m (docs/ARCHITECTURE.md §6, "Wall"):
 * every size on the wall — DOM text, ECharts text, MapLibre labels — comes from here, multiplied by the viewport
 * scale (2 at 3840×2160). The minimums are what the wall's browser test holds every visible text to.
 */
export const WALL_TYPE = {
  /** The headline numbers: header totals, the ring's and the gauge's figure. */
  kpi: 64,
  /** The wall's own title. */
  heading: 36,
  /** Panel titles and the clock. */
  title: 26,
  /** Every other word: list rows, legend, status, chart legends and data labels, map street names. */
  label: 22,
  /** Chart axis labels and map community names: the smallest text on the wall. */
  axis: 18,
} as const

export type WallTypeRole = keyof typeof WALL_TYPE

/** A size of the scale in px at a viewport scale (1 at 1920×1080), rounded to whole pixels. */
export function wallPx(role: WallTypeRole, scale: number): number {
  return Math.round(WALL_TYPE[role] * scale)
}

/**
 * CSS custom properties of the scale: `--wall-u` is one design pixel in the current viewport (pure CSS, so it
 * follows a resize at once), each `--wall-<role>` a font size built on it, e.g. `font-size: var(--wall-label)`.
 */
export function wallTypeVars(): Record<string, string> {
  const vars: Record<string, string> = {
    '--wall-u': `clamp(0.5px, min(100vw / ${DESIGN_WIDTH}, 100vh / ${DESIGN_HEIGHT}), 4px)`,
  }
  for (const [role, px] of Object.entries(WALL_TYPE)) vars[`--wall-${role}`] = `calc(${px} * var(--wall-u))`
  return vars
}
