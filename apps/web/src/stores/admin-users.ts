import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import { authEndpoints, type AdminUser, type NewUser, type UserPatch, type UserQuery } from '../api/auth.ts'
import { isAbortError } from '../api/client.ts'

/**
 * The admin's user list (`GET /api/admin/users`) with its filters, and the verbs that change a user; a changed
 * user replaces its row in place so the list does not jump.
 */
export const useAdminUsersStore = defineStore('admin-users', () => {
  const items = shallowRef<AdminUser[]>([])
  const loading = shallowRef(false)
  const error = shallowRef<unknown>(null)
  const filters = shallowRef<UserQuery>({ q: '', unit: '', role: '' })
  let controller: AbortController | null = null

  async function load(next: UserQuery = filters.value): Promise<void> {
    filters.value = { ...next }
    controller?.abort()
    const c = (controller = new AbortController())
    loading.value = true
    try {
      const r = await authEndpoints().users(filters.value, c.signal)
      items.value = r.items
      error.value = null
    } catch (e) {
      if (isAbortError(e)) return
      error.value = e
    } finally {
      if (controller === c) loading.value = false
    }
  }

  function replace(user: AdminUser): AdminUser {
    const i = items.value.findIndex((u) => u.id === user.id)
    items.value = i >= 0 ? items.value.map((u) => (u.id === user.id ? user : u)) : [user, ...items.value]
    return user
  }

  const create = async (u: NewUser) => replace(await authEndpoints().createUser(u))
  const update = async (id: string, patch: UserPatch) => replace(await authEndpoints().updateUser(id, patch))
  const revokeSessions = async (id: string) => (await authEndpoints().revokeSessions(id)).revoked

  return { items, loading, error, filters, load, create, update, revokeSessions }
})
