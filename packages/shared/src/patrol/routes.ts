/**
 * The planned-patrol-routes map layer, shared by the API (which cuts a view's answer) and the
 * web app (which asks per view): never the whole table — only routes in the view's box that are big enough to
 * see at its zoom, simplified to about half a screen pixel, at most {@link PATROL_ROUTES_MAX} of them.
 */

/** Routes per answer; past it the answer says `truncated` (the largest routes are kept). */
export const PATROL_ROUTES_MAX = 2000
/** A route whose extent is under this many screen pixels at the view's zoom is left out (a dot, not a line). */
export const PATROL_ROUTE_MIN_PX = 8
/** Simplification tolerance, in screen pixels at the view's zoom. */
export const PATROL_ROUTE_TOLERANCE_PX = 0.5

/** Degrees of longitude per screen pixel at a zoom (256-px Web Mercator tiles). */
export function degreesPerPixel(zoom: number): number {
  return 360 / (256 * 2 ** zoom)
}

/** Decimal places worth sending at a zoom: about a tenth of a pixel, 4–7. */
export function coordinateDigits(zoom: number): number {
  return Math.max(4, Math.min(7, Math.ceil(-Math.log10(degreesPerPixel(zoom) / 10))))
}

/** Roles that see patrol data of the whole district: the center's read roles. */
export const PATROL_DISTRICT_ROLES = ['admin', 'dispatcher', 'efficiency_office', 'viewer'] as const
/** Roles that see patrol data of their own areas. */
export const PATROL_AREA_ROLES = ['inspector', 'grid_admin'] as const
/** Roles with a patrol view (the API's apps/api/src/services/patrol/scope.ts, the web's layer switch). */
export const PATROL_VIEW_ROLES = [...PATROL_DISTRICT_ROLES, ...PATROL_AREA_ROLES] as const
