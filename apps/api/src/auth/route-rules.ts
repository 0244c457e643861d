import type { Permission } from '@hanjiang/shared'

/**
 * THE authorization table: every API route (method + Hono route path, exactly as in `app.routes`) and who may
 * call it. The middleware (auth/authorize.ts) denies any route missing here, and the role × route matrix test
 * (test/auth-matrix.test.ts) fails on one. Row scoping (which incidents, which regions) is in the SQL.
 *
 * - `public`: anyone, no session (map layers, taxonomy/config, health, sign-in, the citizen pages).
 * - `signedIn`: any signed-in user; `passwordChange` also while a password change is pending (me/logout/password).
 * - a permission: a signed-in user one of whose roles grants it (ROLE_PERMISSIONS in packages/shared).
 */
export type RouteRule =
  | { access: 'public' }
  | { access: 'signedIn'; passwordChange?: true }
  | { access: 'permission'; permission: Permission }

const PUBLIC: RouteRule = { access: 'public' }
const SELF: RouteRule = { access: 'signedIn', passwordChange: true }
const can = (permission: Permission): RouteRule => ({ access: 'permission', permission })

export const ROUTE_RULES: Record<string, RouteRule> = {
  'GET /api/health': PUBLIC,
  'GET /api/config': PUBLIC,
  // Classes, fine classes and units: the public report page picks a fine class too.
  'GET /api/taxonomy': PUBLIC,
  // The API's own description (OpenAPI 3.1) and its reference page.
  'GET /api/openapi.json': PUBLIC,
  'GET /api/docs': PUBLIC,

  'POST /api/auth/login': PUBLIC,
  'GET /api/auth/me': SELF,
  'POST /api/auth/logout': SELF,
  'POST /api/auth/password': SELF,

  // Region map layers: the public report page draws the map.
  'GET /api/regions': PUBLIC,
  'GET /api/regions/labels': PUBLIC,
  'GET /api/regions/:code': PUBLIC,
  'GET /api/regions/export': can('map.read'),
  'GET /api/regions/:code/versions': can('map.read'),
  'GET /api/regions/:code/coverage': can('map.read'),
  'POST /api/regions': can('region.write'),
  'POST /api/regions/import': can('map.import'),
  'PATCH /api/regions/:code': can('region.write'),
  'DELETE /api/regions/:code': can('region.write'),
  'GET /api/regions/:code/diff': can('map.read'),
  // Grid editor change sets (docs/GRID-EDITOR.md): grid admins inside their areas (checked per item), admins anywhere.
  'GET /api/region-changes': can('map.read'),
  'GET /api/region-changes/:id': can('map.read'),
  'POST /api/region-changes': can('region.write'),
  'PUT /api/region-changes/:id/items': can('region.write'),
  'POST /api/region-changes/:id/preview': can('region.write'),
  'POST /api/region-changes/:id/submit': can('region.write'),
  'POST /api/region-changes/:id/withdraw': can('region.write'),
  'POST /api/region-changes/:id/approve': can('region.approve'),
  'POST /api/region-changes/:id/reject': can('region.approve'),

  'GET /api/areas': can('map.read'),
  'GET /api/areas/export': can('map.read'),
  'GET /api/areas/:id': can('map.read'),
  'POST /api/areas': can('area.write'),
  'POST /api/areas/import': can('map.import'),
  'PATCH /api/areas/:id': can('area.write'),
  'DELETE /api/areas/:id': can('area.write'),

  'GET /api/assign': can('map.read'),
  'POST /api/assign': can('map.read'),
  'GET /api/deadlines/preview': can('incident.read'),
  // The hotline seat's address search over named places (streets, communities, grids, roads, rivers).
  'GET /api/places': can('map.read'),

  'POST /api/incidents': can('incident.create'),
  'GET /api/incidents': can('incident.read'),
  'GET /api/incidents/similar': can('incident.read'),
  // Map and wall: rows scoped by the caller's unit/areas in the service.
  'GET /api/incidents/map': can('incident.read'),
  'GET /api/wall/stats': can('incident.read'),
  // Exports of the list (CSV, XLSX, GeoJSON), streamed; rows scoped and reporter data masked like every read.
  'GET /api/incidents/export': can('incident.export'),
  'GET /api/incidents/:code': can('incident.read'),
  // The dispatch desk's queue (keyset-paged, with counts); rows scoped like the list.
  'GET /api/dispatch/queue': can('incident.read'),
  'GET /api/incidents/:code/events': can('incident.read'),
  'POST /api/incidents/:code/actions/:action': can('incident.act'),
  // The dispatcher corrects the fine class (the assignment is recomputed): the desk's class picker.
  'POST /api/incidents/:code/classification': can('incident.dispatch'),
  // The seat's callback (回访, R10 / after closing): reached or not, satisfaction.
  'POST /api/incidents/:code/callback': can('incident.dispatch'),
  'POST /api/incidents/:code/reporter/reveal': can('incident.reveal'),
  'GET /api/clusters/:code': can('incident.read'),
  // Analytics (docs/ANALYTICS.md): rows scoped by the caller's unit/areas in the SQL, like the incident list.
  'GET /api/analytics/summary': can('incident.read'),
  'GET /api/analytics/choropleth': can('incident.read'),
  'GET /api/analytics/heatmap': can('incident.read'),
  'GET /api/analytics/hexbins': can('incident.read'),
  'GET /api/analytics/hotspots': can('incident.read'),
  'GET /api/analytics/timeseries': can('incident.read'),
  'GET /api/analytics/incidents': can('incident.read'),
  'GET /api/analytics/export': can('incident.read'),
  'GET /api/events': can('incident.read'),

  'GET /api/knowledge': can('map.read'),
  'GET /api/knowledge/:id': can('map.read'),
  'POST /api/knowledge': can('knowledge.write'),
  'PATCH /api/knowledge/:id': can('knowledge.write'),
  'DELETE /api/knowledge/:id': can('knowledge.write'),

  'POST /api/photos': can('photo.upload'),
  'GET /api/photos/:id': can('incident.read'),
  'GET /api/photos/:id/thumbnail': can('incident.read'),

  'GET /api/admin/users': can('user.manage'),
  'POST /api/admin/users': can('user.manage'),
  'PATCH /api/admin/users/:id': can('user.manage'),
  'POST /api/admin/users/:id/revoke-sessions': can('user.manage'),
  'GET /api/admin/units': can('unit.read'),
  'POST /api/admin/units': can('user.manage'),
  'PATCH /api/admin/units/:code': can('user.manage'),
  // The sign-in throttle per client address: see and clear a locked-out office (user administration).
  'GET /api/admin/sign-in-throttle': can('user.manage'),
  'DELETE /api/admin/sign-in-throttle/:address': can('user.manage'),
  'GET /api/audit': can('audit.read'),
  // API keys of units for external systems (Open311 clients, integrations): issued, listed, revoked by admins.
  'GET /api/admin/api-keys': can('user.manage'),
  'POST /api/admin/api-keys': can('user.manage'),
  'POST /api/admin/api-keys/:id/revoke': can('user.manage'),
  'POST /api/admin/api-keys/:id/rotate': can('user.manage'),
  // Evaluation (docs/EVALUATION.md): a unit supervisor is narrowed to their own unit in the routes.
  'GET /api/evaluation/indicators': can('evaluation.read'),
  'GET /api/evaluation/rankings': can('evaluation.read'),
  'GET /api/evaluation/incidents': can('evaluation.read'),
  'GET /api/evaluation/scheme': can('evaluation.read'),
  'PUT /api/evaluation/scheme': can('evaluation.manage'),
  'POST /api/evaluation/publish': can('evaluation.manage'),
  'GET /api/evaluation/report': can('evaluation.read'),
  'GET /api/evaluation/report/docx': can('evaluation.read'),
  // Efficiency letters and the supervision ledger: a unit supervisor sees and answers their own unit's only.
  'GET /api/letters': can('evaluation.read'),
  'POST /api/letters': can('evaluation.manage'),
  'GET /api/letters/:id': can('evaluation.read'),
  'POST /api/letters/:id/reply': can('letter.reply'),
  'POST /api/letters/:id/close': can('evaluation.manage'),
  'POST /api/letters/:id/send-back': can('evaluation.manage'),
  'GET /api/letters/:id/print': can('evaluation.read'),
  'GET /api/letters/:id/docx': can('evaluation.read'),
  'GET /api/supervision/ledger': can('evaluation.read'),
  'POST /api/supervision/checks': can('evaluation.manage'),

  // Patrol (inspectors' grids, routes, tracks, coverage; rows scoped to the caller's areas in the service).
  'GET /api/patrol/grids': can('map.read'),
  'GET /api/patrol/grids/:code': can('map.read'),
  // The map layer of planned routes, per view (bbox + zoom); district-wide for the center, areas for inspectors.
  'GET /api/patrol/routes': can('map.read'),
  'GET /api/patrol/coverage': can('map.read'),
  'GET /api/patrol/verifications': can('incident.act'),
  'POST /api/patrol/tracks': can('incident.create'), // inspectors only (checked in the service)

  // Unit workbench: the services also require the handler / unit_supervisor role and scope to the unit.
  'GET /api/workbench/queue': can('incident.act'),
  'GET /api/workbench/sections': can('incident.act'),
  'GET /api/workbench/colleagues': can('incident.act'), // the caller's own unit only (services/workbench/colleagues.ts)
  'GET /api/workbench/ledger': can('incident.act'),
  'GET /api/workbench/ledger.xlsx': can('incident.export'),
  'POST /api/workbench/incidents/:code/arrive': can('incident.act'),
  'POST /api/workbench/incidents/:code/assign': can('incident.act'),
  // The bell: everyone's own notifications (addressed by unit, role, area, user in the SQL).
  'GET /api/notifications': { access: 'signedIn' },
  'GET /api/notifications/unread-count': { access: 'signedIn' },
  'POST /api/notifications/read': { access: 'signedIn' },
  'GET /api/notifications/stream': { access: 'signedIn' },
  // A unit's outbound webhook: the service admits the unit's own supervisor and admins only.
  'GET /api/units/:unit/webhooks': { access: 'signedIn' },
  'PUT /api/units/:unit/webhooks': { access: 'signedIn' },
  // Citizens: no sign-in; rate-limited per IP (report also per phone), small bodies.
  'POST /api/public/reports': PUBLIC,
  'POST /api/public/photos': PUBLIC,
  'GET /api/public/track/:code': PUBLIC,
  'GET /api/public/track/:code/photos/:id': PUBLIC,
  'POST /api/public/track/:code/rating': PUBLIC,

  // Open311 GeoReport v2 (docs/OPEN311.md): public reads as the specification says; POST requests checks its
  // api_key (a unit's key with open311:write) and the key's rate limit in the service.
  'GET /open311/v2/:document': PUBLIC,
  'POST /open311/v2/:document': PUBLIC,
  'GET /open311/v2/services/:file': PUBLIC,
  'GET /open311/v2/requests/:file': PUBLIC,
  'GET /open311/v2/tokens/:file': PUBLIC,
}

/** The rule for a route, or undefined (= denied). HEAD is answered by GET routes. */
export function ruleFor(method: string, path: string): RouteRule | undefined {
  return ROUTE_RULES[`${method === 'HEAD' ? 'GET' : method} ${path}`]
}
