import { defineStore } from 'pinia'
import { computed, shallowRef } from 'vue'
import { authEndpoints, type Me, type Session } from '../api/auth.ts'
import { isApiError, setCsrfToken } from '../api/client.ts'

/**
 * Who is signed in (`GET /api/auth/me`), and the verbs that change it: sign in, sign out, change the password.
 * Navigation and buttons are shown by `can(permission)`; the API decides, the app only hides what would be refused.
 */
export const useAuthStore = defineStore('auth', () => {
  const user = shallowRef<Me | null>(null)
  /** Whether the session has been asked for at least once (the router guard waits for that). */
  const known = shallowRef(false)
  /** Why the last who-am-I failed other than "not signed in" (server unreachable…), for the sign-in page. */
  const loadError = shallowRef<unknown>(null)
  let pending: Promise<Me | null> | null = null

  const permissions = computed(() => new Set(user.value?.permissions ?? []))
  const signedIn = computed(() => user.value !== null)

  /** Whether the user holds the permission (no permission asked → yes). */
  function can(permission?: string | null): boolean {
    return !permission || (permissions.value as ReadonlySet<string>).has(permission)
  }

  function setSession(s: Session): void {
    user.value = s.user
    setCsrfToken(s.csrfToken)
    known.value = true
    loadError.value = null
  }

  /** Forgets the session locally (signed out, expired or revoked). */
  function clear(): void {
    user.value = null
    setCsrfToken(null)
    known.value = true
  }

  /** Asks the server once who is signed in; later calls reuse the answer. */
  function ensureLoaded(): Promise<Me | null> {
    if (known.value) return Promise.resolve(user.value)
    return (pending ??= refresh())
  }

  async function refresh(): Promise<Me | null> {
    try {
      setSession(await authEndpoints().me())
    } catch (e) {
      clear()
      // Not signed in is the normal answer; anything else is kept to explain, and asked again next time.
      if (!(isApiError(e) && e.status === 401)) {
        loadError.value = e
        known.value = false
      }
    } finally {
      pending = null
    }
    return user.value
  }

  async function login(username: string, password: string): Promise<Me> {
    const s = await authEndpoints().login(username.trim(), password)
    setSession(s)
    return s.user
  }

  /** Signs out on the server (a failure there still forgets the session here). */
  async function logout(): Promise<void> {
    try {
      await authEndpoints().logout()
    } catch {
      // The cookie may already be gone or the server down: locally the user is signed out either way.
    } finally {
      clear()
    }
  }

  async function changePassword(currentPassword: string, newPassword: string): Promise<void> {
    await authEndpoints().changePassword(currentPassword, newPassword)
    await refresh()
  }

  /** Another request answered `password-change-required`: nothing else is allowed until it is done. */
  function requirePasswordChange(): void {
    if (user.value) user.value = { ...user.value, mustChangePassword: true, permissions: [] }
  }

  return { user, known, loadError, signedIn, permissions, can, ensureLoaded, refresh, login, logout, changePassword, clear, requirePasswordChange }
})
