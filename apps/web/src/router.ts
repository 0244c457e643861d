import { createRouter, createWebHashHistory, type RouteRecordRaw, type Router, type RouterHistory } from 'vue-router'

declare module 'vue-router' {
  interface RouteMeta {
    /** i18n key of the page title (and its navigation entry). */
    titleKey?: string
    /** Shown in the header navigation, in route order. Screens of DESIGN.md §1 join the list as they are built. */
    nav?: boolean
    icon?: 'map' | 'info'
  }
}

export const routes: RouteRecordRaw[] = [
  { path: '/', redirect: '/map' },
  {
    path: '/map',
    name: 'map',
    component: () => import('./views/MapView.vue'),
    meta: { titleKey: 'nav.map', nav: true, icon: 'map' },
  },
  // The command-center wall: full-screen, dark; `/wall?kiosk=1` hides the header too (a wall PC's browser in kiosk mode).
  {
    path: '/wall',
    name: 'wall',
    component: () => import('./views/WallView.vue'),
    meta: { titleKey: 'wall.title', nav: true, icon: 'map' },
  },
  // Patrol (issue 7 items 1–2): phone-first page for inspectors.
  {
    path: '/patrol',
    name: 'patrol',
    component: () => import('./views/PatrolView.vue'),
    meta: { titleKey: 'patrol.nav', nav: true },
  },
  // Unit workbench (issue 7 item 3); the view says so when the user is not a handler / unit supervisor.
  {
    path: '/workbench',
    name: 'workbench',
    component: () => import('./views/WorkbenchView.vue'),
    meta: { titleKey: 'workbench.nav', nav: true, icon: 'workbench', permission: 'incident.act' },
  },
  // Citizens' pages (issue 7 item 4): no sign-in, no internal chrome.
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

/** The entries of the header navigation, in order. */
export function navRoutes(list: readonly RouteRecordRaw[] = routes): RouteRecordRaw[] {
  return list.filter((r) => r.meta?.nav && r.name)
}

/**
 * Hash history: the built app is plain static files, so it works behind any intranet web server or the API's own
 * static handler without rewrite rules, and deep links (`#/map?region=…`) survive a reload.
 */
export function createAppRouter(history: RouterHistory = createWebHashHistory()): Router {
  return createRouter({ history, routes })
}
