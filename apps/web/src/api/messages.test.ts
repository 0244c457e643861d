import { describe, expect, it } from 'vitest'
import { createAppI18n } from '../i18n/index.ts'
import { ApiError } from './client.ts'
import { describeError, type Translate } from './messages.ts'

const zh = createAppI18n('zh-CN').global.t as unknown as Translate
const en = createAppI18n('en').global.t as unknown as Translate

describe('describeError', () => {
  it('translates the generic failures', () => {
    expect(describeError(new ApiError('network', 'x', 0, '/api'), zh).message).toBe('无法连接服务器，请检查网络或稍后重试。')
    expect(describeError(new ApiError('network', 'x', 0, '/api'), en).message).toMatch(/cannot be reached/)
    expect(describeError(new ApiError('http', 'x', 502, '/api'), zh).message).toBe('服务器返回错误（HTTP 502）。')
    expect(describeError(new ApiError('timeout', 'x', 0, '/api'), en).message).toMatch(/did not answer in time/)
  })

  it("shows a problem's detail verbatim, with its field errors and code", () => {
    const e = new ApiError('problem', 'x', 400, '/api/regions', {
      title: 'Invalid request',
      status: 400,
      detail: 'The query is not valid.',
      code: 'validation_failed',
      errors: [{ path: 'level', message: 'level must be one of district, street, community, grid' }],
    })
    expect(describeError(e, zh)).toEqual({
      message: 'The query is not valid.',
      details: ['level: level must be one of district, street, community, grid'],
      code: 'validation_failed',
    })
  })

  it('falls back to the title, then to the status', () => {
    expect(describeError(new ApiError('problem', 'x', 500, '/', { title: 'Internal error' }), zh).message).toBe('Internal error')
    expect(describeError(new ApiError('problem', 'x', 500, '/', { status: 500 }), zh).message).toBe('服务器返回错误（HTTP 500）。')
  })

  it('describes any other error', () => {
    expect(describeError(new Error('boom'), en).message).toBe('Unexpected error: boom')
  })
})

describe('refusals', () => {
  const forbidden = (method: string, url: string) =>
    new ApiError('problem', 'x', 403, url, { title: 'Forbidden', status: 403, code: 'forbidden' }, { method })

  it('names what the roles do not allow', () => {
    expect(describeError(forbidden('PATCH', '/api/admin/users/abc'), zh).message).toBe(
      '无权操作：修改用户。您的角色不允许此操作，如需权限请联系系统管理员。',
    )
    expect(describeError(forbidden('GET', '/api/audit?limit=50'), en).message).toMatch(/^Not allowed: read the audit log\./)
    expect(describeError(forbidden('POST', '/api/other/thing'), en).message).toMatch(/^Not allowed: POST \/api\/other\/thing\./)
  })

  it('explains a stale CSRF token and a pending password change', () => {
    const csrf = new ApiError('problem', 'x', 403, '/api/x', { status: 403, code: 'csrf' }, { method: 'POST' })
    expect(describeError(csrf, zh).message).toBe('会话校验失败，请刷新页面后重试。')
    const pending = new ApiError('problem', 'x', 403, '/api/x', { status: 403, code: 'password_change_required' })
    expect(describeError(pending, en).message).toBe('Change your password first.')
  })
})
