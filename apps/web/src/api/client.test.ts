import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError, buildUrl, createApiClient, fieldErrors, formatProblem, isAbortError, onAuthProblem, recheckSession, setCsrfToken } from './client.ts'
import { mockFetch } from '../testing/utils.ts'

afterEach(() => {
  vi.unstubAllGlobals()
  vi.useRealTimers()
})

describe('buildUrl', () => {
  it('appends the defined query parameters, encoded', () => {
    expect(buildUrl('', '/api/regions', { level: 'street', at: undefined, q: '涵 江' })).toBe(
      '/api/regions?level=street&q=%E6%B6%B5+%E6%B1%9F',
    )
    expect(buildUrl('http://h', '/x', {})).toBe('http://h/x')
  })
})

describe('formatProblem', () => {
  it('joins title, detail, field errors and status into one line', () => {
    const text = formatProblem({
      type: 'https://hanjiang.example/problems/validation_failed',
      title: 'Invalid request',
      status: 400,
      detail: 'The query is not valid.',
      errors: [{ path: 'level', message: 'level must be one of district, street, community, grid' }],
    })
    expect(text).toBe(
      'Invalid request: The query is not valid. — level: level must be one of district, street, community, grid (400)',
    )
  })

  it('copes with a bare title, string errors and RFC 9457 `pointer`/`detail` entries', () => {
    expect(formatProblem({ title: 'Not found' }, 404)).toBe('Not found (404)')
    expect(fieldErrors({ errors: ['whole request', { pointer: '/name', detail: 'required' }, { nothing: 1 } as never] })).toEqual([
      { path: '', message: 'whole request' },
      { path: '/name', message: 'required' },
    ])
  })
})

describe('createApiClient', () => {
  const client = createApiClient()

  it('returns the parsed JSON of a 2xx answer', async () => {
    mockFetch({ '/api/health': { json: { status: 'ok' } } })
    await expect(client.get('/api/health')).resolves.toEqual({ status: 'ok' })
  })

  it('turns a problem-details answer into an ApiError with a readable message and the stable code', async () => {
    mockFetch({
      '/api/regions/': {
        status: 404,
        json: {
          type: 'https://hanjiang.example/problems/region_not_found',
          title: 'Not found',
          status: 404,
          detail: 'No region with code 350303999000',
          code: 'region_not_found',
        },
      },
    })
    const err = await client.get('/api/regions/350303999000').catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ApiError)
    const e = err as ApiError
    expect(e.kind).toBe('problem')
    expect(e.status).toBe(404)
    expect(e.code).toBe('region_not_found')
    expect(e.message).toBe('Not found: No region with code 350303999000 (404)')
  })

  it('takes the code from the type URI when the problem has no `code`', async () => {
    mockFetch({ '/x': { status: 409, json: { type: 'https://h/problems/version_conflict', title: 'Conflict', status: 409 } } })
    const e = (await client.get('/x').catch((x: unknown) => x)) as ApiError
    expect(e.code).toBe('version_conflict')
  })

  it('lists the field errors of a validation problem', async () => {
    mockFetch({
      '/api/regions': {
        status: 400,
        json: { title: 'Invalid request', status: 400, detail: 'bad', errors: [{ path: 'level', message: 'must be one of …' }] },
      },
    })
    const e = (await client.get('/api/regions', { query: { level: 'town' } }).catch((x: unknown) => x)) as ApiError
    expect(e.fieldErrors).toEqual([{ path: 'level', message: 'must be one of …' }])
  })

  it('reports an error status without a problem document as plain HTTP', async () => {
    mockFetch({ '/api/x': { status: 502, text: '<html>Bad Gateway</html>' } })
    const e = (await client.get('/api/x').catch((x: unknown) => x)) as ApiError
    expect(e.kind).toBe('http')
    expect(e.status).toBe(502)
    expect(e.problem).toBeNull()
  })

  it('reports an unreachable server as a network error', async () => {
    mockFetch({ '/api/x': new TypeError('Failed to fetch') })
    const e = (await client.get('/api/x').catch((x: unknown) => x)) as ApiError
    expect(e.kind).toBe('network')
    expect(e.status).toBe(0)
  })

  it('reports a 2xx answer that is not JSON', async () => {
    mockFetch({ '/api/x': { status: 200, text: '<!doctype html>' } })
    const e = (await client.get('/api/x').catch((x: unknown) => x)) as ApiError
    expect(e.kind).toBe('invalid-response')
  })

  it('gives up after the timeout', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(
        (_url: string, init: RequestInit) =>
          new Promise((_, reject) => init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))),
      ),
    )
    const e = (await client.get('/slow', { timeoutMs: 20 }).catch((x: unknown) => x)) as ApiError
    expect(e.kind).toBe('timeout')
  })

  it("rethrows the caller's own abort untouched", async () => {
    mockFetch({ '/api/x': { json: {} } })
    const c = new AbortController()
    c.abort()
    const e = await client.get('/api/x', { signal: c.signal }).catch((x: unknown) => x)
    expect(e).not.toBeInstanceOf(ApiError)
    expect(isAbortError(e)).toBe(true)
  })

  it('sends JSON bodies with a content type', async () => {
    const { fn } = mockFetch({ '/api/echo': { json: { ok: true } } })
    await client.request('/api/echo', { method: 'POST', body: { a: 1 } })
    const init = fn.mock.calls[0]![1]!
    expect(init.method).toBe('POST')
    expect(init.body).toBe('{"a":1}')
    expect((init.headers as Record<string, string>)['Content-Type']).toBe('application/json')
  })
})

describe('session support', () => {
  const client = createApiClient()
  afterEach(() => {
    setCsrfToken(null)
    document.cookie = 'hj_csrf=; expires=Thu, 01 Jan 1970 00:00:00 GMT'
  })

  it('sends the CSRF token on unsafe methods only, with same-origin credentials', async () => {
    setCsrfToken('tok-1')
    const { fn } = mockFetch({ '/api/x': { json: {} } })
    await client.request('/api/x', { method: 'PATCH', body: {} })
    await client.get('/api/x')
    const [patch, get] = fn.mock.calls.map((c) => c[1]!)
    expect((patch!.headers as Record<string, string>)['X-CSRF-Token']).toBe('tok-1')
    expect(patch!.credentials).toBe('same-origin')
    expect((get!.headers as Record<string, string>)['X-CSRF-Token']).toBeUndefined()
  })

  it('falls back to the hj_csrf cookie', async () => {
    document.cookie = 'hj_csrf=from-cookie'
    const { fn } = mockFetch({ '/api/x': { status: 204 } })
    await client.request('/api/x', { method: 'POST' })
    expect((fn.mock.calls[0]![1]!.headers as Record<string, string>)['X-CSRF-Token']).toBe('from-cookie')
  })

  it('tells the listeners about a lost session and a pending password change, not about its own auth calls', async () => {
    const seen: string[] = []
    const off = onAuthProblem((kind) => seen.push(kind))
    const p = (status: number, code: string) => ({ status, json: { title: code, status, code } })
    mockFetch({
      '/api/incidents': p(401, 'unauthenticated'),
      '/api/areas': p(403, 'password_change_required'),
      '/api/audit': p(403, 'forbidden'),
      '/api/auth/me': p(401, 'unauthenticated'),
    })
    for (const path of ['/api/incidents', '/api/areas', '/api/audit', '/api/auth/me']) await client.get(path).catch(() => {})
    off()
    expect(seen).toEqual(['unauthenticated', 'password_change_required'])
  })

  it('recheckSession (a live stream refused for good): tells the listeners only when the session is gone', async () => {
    const seen: string[] = []
    const off = onAuthProblem((kind) => seen.push(kind))
    mockFetch({ '/api/auth/me': { json: { username: 'dispatcher', roles: ['dispatcher'] } } })
    await recheckSession(client)
    expect(seen).toEqual([])
    mockFetch({ '/api/auth/me': { status: 401, json: { title: 'Unauthorized', status: 401, code: 'unauthenticated' } } })
    await Promise.all([recheckSession(client), recheckSession(client)])
    off()
    // Two streams closing together ask once and redirect once.
    expect(seen).toEqual(['unauthenticated'])
  })

  it('remembers the method of a failed request', async () => {
    mockFetch({ '/api/admin/users/': { status: 403, json: { title: 'Forbidden', status: 403, code: 'forbidden' } } })
    const e = (await client.request('/api/admin/users/1', { method: 'PATCH', body: {} }).catch((x: unknown) => x)) as ApiError
    expect(e.method).toBe('PATCH')
  })
})
