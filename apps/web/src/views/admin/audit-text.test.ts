import { describe, expect, it } from 'vitest'
import { createAppI18n } from '../../i18n/index.ts'
import { auditActionText, auditDetailItems, auditObjectText, routeKeyOf } from './audit-text.ts'

function tools(locale: 'zh-CN' | 'en') {
  const i18n = createAppI18n(locale).global as unknown as { t: (k: string, p?: object) => string; te: (k: string) => boolean }
  return { t: (k: string, p?: Record<string, unknown>) => i18n.t(k, p ?? {}), te: (k: string) => i18n.te(k) }
}

describe('audit text', () => {
  const zh = tools('zh-CN')
  const en = tools('en')

  it('names known actions, routes of generic writes, and falls back to a verb and an object — never a code', () => {
    expect(auditActionText({ action: 'auth.login', objectType: 'user', objectId: 'u1', detail: null }, zh.t, zh.te)).toBe('登录')
    expect(auditActionText({ action: 'auth.login_failed', objectType: 'user', objectId: null, detail: null }, en.t, en.te)).toBe('Sign-in failed')
    const transition = { action: 'api.post', objectType: 'incidents', objectId: 'HJ20261201-0001', detail: { route: 'POST /api/incidents/:code/actions/:action', params: { code: 'HJ20261201-0001', action: 'dispatch' } } }
    expect(auditActionText(transition, zh.t, zh.te)).toBe('案件办理')
    const unknownRoute = { action: 'api.patch', objectType: 'incidents', objectId: null, detail: { route: 'PATCH /api/incidents/:code/whatever' } }
    expect(auditActionText(unknownRoute, zh.t, zh.te)).toBe('修改 · 案件')
    expect(auditActionText({ action: 'something.new', objectType: null, objectId: null, detail: null }, en.t, en.te)).toBe('Other action')
    expect(auditObjectText('mystery', zh.t, zh.te)).toBe('其他对象')
  })

  it('turns the detail into labelled values: reasons in words, params flattened, the route left out', () => {
    expect(auditDetailItems({ username: 'nobody', reason: 'unknown_user' }, zh.t, zh.te)).toEqual([
      { label: '用户名', value: 'nobody' },
      { label: '原因', value: '用户名不存在' },
    ])
    const items = auditDetailItems({ route: 'POST /api/incidents/:code/actions/:action', params: { code: 'HJ1', action: 'dispatch' }, status: 200, afterResponse: true }, en.t, en.te)
    expect(items).toEqual([
      { label: 'Incident', value: 'HJ1' },
      { label: 'Action', value: 'dispatch' },
      { label: 'Result', value: '200' },
    ])
    expect(items.map((i) => i.value).join()).not.toContain('{')
    expect(auditDetailItems(null, zh.t, zh.te)).toEqual([])
    expect(auditDetailItems({ locked: true, roles: ['admin', 'viewer'] }, zh.t, zh.te)).toEqual([
      { label: '已锁定', value: '是' },
      { label: '角色', value: 'admin、viewer' },
    ])
  })

  it('route keys are stable i18n keys', () => {
    expect(routeKeyOf('POST /api/workbench/incidents/:code/arrive')).toBe('post_workbench_incidents_code_arrive')
    expect(routeKeyOf('DELETE /api/admin/sign-in-throttle/:address')).toBe('delete_admin_sign_in_throttle_address')
  })
})
