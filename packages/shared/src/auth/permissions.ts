import type { UserRole } from '../workflow/states.ts'

/**
 * What each role may do, as action names the web app shows/hides navigation and buttons by. The API's
 * route-rule table grants routes by these same names, so the two cannot drift apart.
 */
export const PERMISSIONS = [
  'incident.read',
  'incident.create',
  'incident.act',
  'incident.dispatch',
  'incident.reveal',
  'incident.export',
  'map.read',
  'region.write',
  /** Approve or reject a grid editor change set (docs/GRID-EDITOR.md). */
  'region.approve',
  'area.write',
  /** Bulk GeoJSON imports of regions and responsibility areas. */
  'map.import',
  'knowledge.write',
  'photo.upload',
  'unit.read',
  'user.manage',
  'audit.read',
  /** Indicators, scores, rankings, letters (a unit supervisor: their own unit's only). */
  'evaluation.read',
  /** Score schemes, publishing, efficiency letters, unannounced-check records (the efficiency office). */
  'evaluation.manage',
  /** A unit's rectification report in answer to an efficiency letter. */
  'letter.reply',
] as const
export type Permission = (typeof PERMISSIONS)[number]

const ALL_READ: Permission[] = ['incident.read', 'map.read']

export const ROLE_PERMISSIONS: Record<UserRole, readonly Permission[]> = {
  admin: [...ALL_READ, 'incident.reveal', 'incident.export', 'region.write', 'region.approve', 'area.write', 'map.import', 'knowledge.write', 'unit.read', 'user.manage', 'audit.read'],
  dispatcher: [...ALL_READ, 'incident.create', 'incident.act', 'incident.dispatch', 'incident.reveal', 'incident.export', 'knowledge.write', 'photo.upload', 'unit.read'],
  inspector: [...ALL_READ, 'incident.create', 'incident.act', 'photo.upload'],
  grid_admin: [...ALL_READ, 'region.write', 'area.write'],
  handler: [...ALL_READ, 'incident.create', 'incident.act', 'photo.upload'],
  unit_supervisor: [...ALL_READ, 'incident.act', 'incident.export', 'evaluation.read', 'letter.reply', 'photo.upload'],
  efficiency_office: [...ALL_READ, 'incident.export', 'audit.read', 'evaluation.read', 'evaluation.manage'],
  viewer: [...ALL_READ, 'evaluation.read'],
}

/** The union of the roles' permissions, in PERMISSIONS order. */
export function permissionsOf(roles: readonly UserRole[]): Permission[] {
  const held = new Set(roles.flatMap((r) => ROLE_PERMISSIONS[r] ?? []))
  return PERMISSIONS.filter((p) => held.has(p))
}

/** Roles whose incident reads are limited to their unit, to their areas, or not at all. */
export type IncidentScope = { kind: 'all' } | { kind: 'unit'; unitCode: string } | { kind: 'areas'; prefixes: readonly string[] }

const SCOPE_ALL: readonly UserRole[] = ['admin', 'dispatcher', 'efficiency_office', 'viewer']
const SCOPE_UNIT: readonly UserRole[] = ['handler', 'unit_supervisor']

/**
 * The widest incident scope the roles give (a user may hold several): any all-seeing role → all; otherwise
 * the unit (handler, unit_supervisor) and/or the areas (inspector, grid_admin) — both when held together.
 */
export function incidentScopes(roles: readonly UserRole[], unitCode: string, areaPrefixes: readonly string[]): IncidentScope[] {
  if (roles.some((r) => SCOPE_ALL.includes(r))) return [{ kind: 'all' }]
  const out: IncidentScope[] = []
  if (roles.some((r) => SCOPE_UNIT.includes(r))) out.push({ kind: 'unit', unitCode })
  if (roles.some((r) => r === 'inspector' || r === 'grid_admin')) out.push({ kind: 'areas', prefixes: areaPrefixes })
  return out
}
