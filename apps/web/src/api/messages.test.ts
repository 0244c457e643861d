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
