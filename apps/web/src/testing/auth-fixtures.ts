import type { Permission } from '@hanjiang/shared'
/** Signed-in users and admin rows for the auth tests, shaped like `GET /api/auth/me` and `/api/admin/users`. */
import type { AdminUser, Me, Role } from '../api/auth.ts'
import { useAuthStore } from '../stores/auth.ts'

const PERMISSIONS: Record<string, Permission[]> = {
  admin: ['incident.read', 'map.read', 'incident.reveal', 'incident.export', 'region.write', 'area.write', 'knowledge.write', 'unit.read', 'user.manage', 'audit.read'],
  dispatcher: ['incident.read', 'map.read', 'incident.create', 'incident.act', 'incident.dispatch', 'incident.reveal', 'incident.export', 'knowledge.write', 'photo.upload', 'unit.read'],
  efficiency_office: ['incident.read', 'map.read', 'incident.export', 'audit.read'],
  viewer: ['incident.read', 'map.read'],
}

export function me(role: Role = 'dispatcher', over: Partial<Me> = {}): Me {
  return {
    id: `00000000-0000-4000-8000-${String(Object.keys(PERMISSIONS).indexOf(role) + 1).padStart(12, '0')}`,
    username: role,
    displayName: role === 'dispatcher' ? '林调度' : role === 'admin' ? '系统管理员' : role,
    unit: { code: 'command_center', name: '区城市管理指挥中心' },
    roles: [role],
    areas: [],
    mustChangePassword: false,
    permissions: PERMISSIONS[role] ?? ['incident.read', 'map.read'],
    ...over,
  }
}

/** Puts a signed-in user into the active pinia's auth store (as if `/api/auth/me` had answered). */
export function signIn(user: Me | null = me()): void {
  const auth = useAuthStore()
  auth.user = user
  auth.known = true
}

export function adminUser(over: Partial<AdminUser> = {}): AdminUser {
  return {
    id: '11111111-1111-4111-8111-111111111111',
    username: 'inspector.handong',
    displayName: '陈巡查',
    unit: { code: 'office_350303001', name: '涵东街道办事处' },
    roles: ['inspector'],
    areas: [{ code: '350303001000', name: '涵东街道', level: 'street' }],
    mustChangePassword: false,
    disabled: false,
    lastLoginAt: '2026-11-26T01:30:00.000Z',
    createdAt: '2026-11-01T00:00:00.000Z',
    ...over,
  }
}

export const problem = (status: number, code: string, extra: Record<string, unknown> = {}) => ({
  status,
  json: { type: `https://hanjiang.example/problems/${code}`, title: code, status, detail: `${code} detail`, code, ...extra },
})
