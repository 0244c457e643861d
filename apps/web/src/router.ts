import { createRouter, createWebHistory, type RouteRecordRaw, type Router, type RouterHistory } from 'vue-router'
import type { IconName } from './components/icons.ts'

declare module 'vue-router' {
  interface RouteMeta {
    /** i18n key of the page title (and its navigation entry). */
    titleKey?: string
    /** Shown in the header navigation, in route order. Screens of docs/DOMAIN.md §1 join the list as they are built. */
    nav?: boolean
    icon?: IconName
    /** Reachable without signing in (sign-in page, the citizens' report and tracking pages). */
    public?: boolean
    /** The action the screen needs (`incident.read`, `user.manage`…); hidden from the navigation without it. */
    permission?: string
    /** Whether the header is shown; default: on internal screens, off on public ones. */
    chrome?: boolean
  }
}

export const routes: RouteRecordRaw[] = [
  { path: '/', redirect: '/map' },
  {
    path: '/map',
    name: 'map',
    component: () => import('./views/MapView.vue'),
    meta: { titleKey: 'nav.map', nav: true, icon: 'map', permission: 'map.read' },
  },
  // The command-center wall: full-screen, dark; `/wall?kiosk=1` hides the header too (a wall PC's browser in kiosk mode).
  {
    path: '/wall',
    name: 'wall',
    component: () => import('./views/WallView.vue'),
    meta: { titleKey: 'wall.title', nav: true, icon: 'target', permission: 'incident.read' },
  },
  // Spatial analytics: heatmap, choropleth, H3 hexes, Gi* hot spots, time patterns (docs/ANALYTICS.md).
  {
    path: '/analytics',
    name: 'analytics',
    component: () => import('./views/AnalyticsView.vue'),
    meta: { titleKey: 'analytics.nav', nav: true, icon: 'layers', permission: 'incident.read' },
  },
  // Grid editor: grid admins (inside their areas) and admins redraw the jurisdiction tree (docs/GRID-EDITOR.md).
  {
    path: '/regions/edit',
    name: 'region-editor',
    component: () => import('./views/RegionEditorView.vue'),
    meta: { titleKey: 'editor.nav', nav: true, icon: 'pen', permission: 'region.write' },
  },
  {
    path: '/dispatch',
    name: 'dispatch',
    component: () => import('./views/DispatchView.vue'),
    meta: { titleKey: 'dispatch.nav', nav: true, icon: 'dispatch', permission: 'incident.dispatch' },
  },
  {
    path: '/incidents/:code',
    name: 'incident',
    component: () => import('./views/IncidentDetailView.vue'),
    meta: { titleKey: 'incidentPage.title', permission: 'incident.read' },
  },
  // Accounts: sign-in, own password, users/units administration, audit log.
  {
    path: '/login',
    name: 'login',
    component: () => import('./views/LoginView.vue'),
    meta: { titleKey: 'auth.login.title', public: true },
  },
  {
    path: '/password',
    name: 'change-password',
    component: () => import('./views/ChangePasswordView.vue'),
    meta: { titleKey: 'auth.password.title', chrome: false },
  },
  {
    path: '/admin/users',
    name: 'admin-users',
    component: () => import('./views/admin/UsersView.vue'),
    meta: { titleKey: 'admin.users.title', nav: true, icon: 'users', permission: 'user.manage' },
  },
  {
    path: '/admin/units',
    name: 'admin-units',
    component: () => import('./views/admin/UnitsView.vue'),
    meta: { titleKey: 'admin.units.title', nav: true, icon: 'unit', permission: 'user.manage' },
  },
  // Evaluation and supervision: rankings, drill-downs, letters (efficiency office); a unit's own scorecard.
  {
    path: '/evaluation',
    name: 'evaluation',
    component: () => import('./views/EvaluationView.vue'),
    meta: { titleKey: 'evaluation.nav', nav: true, icon: 'audit', permission: 'evaluation.read' },
  },
  {
    path: '/admin/api-keys',
    name: 'admin-api-keys',
    component: () => import('./views/admin/ApiKeysView.vue'),
    meta: { titleKey: 'admin.apiKeys.title', nav: true, icon: 'lock', permission: 'user.manage' },
  },
  {
    path: '/audit',
    name: 'audit',
    component: () => import('./views/admin/AuditView.vue'),
    meta: { titleKey: 'audit.title', nav: true, icon: 'audit', permission: 'audit.read' },
  },
  {
    path: '/forbidden',
    name: 'forbidden',
    component: () => import('./views/ForbiddenView.vue'),
    meta: { titleKey: 'auth.forbidden.title' },
  },
  // Patrol: phone-first page for inspectors.
  {
    path: '/patrol',
    name: 'patrol',
    component: () => import('./views/PatrolView.vue'),
    meta: { titleKey: 'patrol.nav', nav: true, icon: 'pin', permission: 'incident.create' },
  },
  // Unit workbench; the view says so when the user is not a handler / unit supervisor.
  {
    path: '/workbench',
    name: 'workbench',
    component: () => import('./views/WorkbenchView.vue'),
    meta: { titleKey: 'workbench.nav', nav: true, icon: 'workbench', permission: 'incident.act' },
  },
  // Citizens' pages: no sign-in, no internal chrome.
  {
    path: '/report',
    name: 'public-report',
    component: () => import('./views/PublicReportView.vue'),
    meta: { titleKey: 'publicPages.report.title', public: true, chrome: false },
  },
  {
    path: '/track/:code?',
    name: 'public-track',
    component: () => import('./views/PublicTrackView.vue'),
    meta: { titleKey: 'publicPages.track.title', public: true, chrome: false },
  },
  {
    path: '/about',
    name: 'about',
    component: () => import('./views/AboutView.vue'),
    meta: { titleKey: 'nav.about', nav: true, icon: 'info' },
  },
  {
    path: '/:pathMatch(.*)*',
    name: 'not-found',
    component: () => import('./views/NotFoundView.vue'),
    meta: { titleKey: 'notFound.title' },
  },
]

/** The entries of the header navigation, in order; with `can`, only those the user's permissions allow. */
export function navRoutes(
  list: readonly RouteRecordRaw[] = routes,
  can: (permission?: string) => boolean = () => true,
): RouteRecordRaw[] {
  return list.filter((r) => r.meta?.nav && r.name && can(r.meta.permission))
}

/**
 * HTML5 history: real URLs (`/wall`, `/incidents/HJ…`) that people can type and share. The API serves the app
 * shell (index.html) for every path outside /api that is not a file, so a reload or a typed link opens the screen;
 * another web server in front needs the same fallback. Old `/#/…` links are rewritten before the router starts
 * (legacyHashTarget).
 */
export function createAppRouter(history: RouterHistory = createWebHistory()): Router {
  return createRouter({ history, routes })
}

/**
 * Where an old hash link (`/#/wall?kiosk=1`, `/?test#/map?region=…`) points now: the hash's path, with the
 * query parameters of both parts (the hash's win). Null when the URL is not an old hash link (an in-page anchor
 * such as `#main` is not).
 */
export function legacyHashTarget(loc: { search: string; hash: string }): string | null {
  if (!loc.hash.startsWith('#/')) return null
  const inner = loc.hash.slice(1)
  const q = inner.indexOf('?')
  const path = q < 0 ? inner : inner.slice(0, q)
  const params = new URLSearchParams(loc.search)
  for (const [k, v] of new URLSearchParams(q < 0 ? '' : inner.slice(q + 1))) params.set(k, v)
  const search = params.toString().replace(/=(?=&|$)/g, '')
  return path + (search ? `?${search}` : '')
}
