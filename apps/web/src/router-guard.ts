import type { LocationQueryValue, RouteLocationRaw, Router } from 'vue-router'
import { onAuthProblem } from './api/client.ts'
import { useAuthStore } from './stores/auth.ts'

/** A return path from the query, only if it is one of ours (`/…`, not `//host` or a URL): no open redirect. */
export function safeReturnPath(value: LocationQueryValue | LocationQueryValue[] | undefined): string {
  const v = Array.isArray(value) ? value[0] : value
  return typeof v === 'string' && v.startsWith('/') && !v.startsWith('//') && !v.startsWith('/login') ? v : '/'
}

/**
 * Internal screens need a session: not signed in → the sign-in page, keeping where the user was going; a pending
 * password change → the change-password page; a screen the permissions do not allow → "not allowed". Public
 * routes (`meta.public`) pass untouched. Any API call answering 401/`password_change_required` later does the same.
 */
export function installAuthGuard(router: Router, auth = useAuthStore()): () => void {
  const remove = router.beforeEach(async (to): Promise<true | RouteLocationRaw> => {
    if (to.meta.public && to.name !== 'login') return true
    const user = await auth.ensureLoaded()
    if (to.name === 'login') {
      if (!user) return true
      return user.mustChangePassword
        ? { name: 'change-password', query: { redirect: safeReturnPath(to.query.redirect) } }
        : safeReturnPath(to.query.redirect)
    }
    if (!user) return { name: 'login', query: to.fullPath === '/' ? {} : { redirect: to.fullPath } }
    if (user.mustChangePassword && to.name !== 'change-password') {
      return { name: 'change-password', query: { redirect: to.fullPath } }
    }
    if (to.meta.permission && !auth.can(to.meta.permission)) {
      return { name: 'forbidden', query: { path: to.fullPath, need: to.meta.permission } }
    }
    return true
  })

  const unsubscribe = onAuthProblem((kind) => {
    const here = router.currentRoute.value
    if (kind === 'unauthenticated') {
      auth.clear()
      if (!here.meta.public) void router.replace({ name: 'login', query: { redirect: here.fullPath, expired: '1' } })
    } else {
      auth.requirePasswordChange()
      if (here.name !== 'change-password') void router.replace({ name: 'change-password', query: { redirect: here.fullPath } })
    }
  })

  return () => {
    remove()
    unsubscribe()
  }
}
