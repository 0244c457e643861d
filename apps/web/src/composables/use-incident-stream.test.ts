import { afterEach, describe, expect, it, vi } from 'vitest'
import { withSetup } from '../testing/with-setup.ts'
import { useIncidentStream, type LiveIncidentEvent } from './use-incident-stream.ts'

class FakeEventSource extends EventTarget {
  static last: FakeEventSource | null = null
  readyState = 0
  closed = false
  constructor(
    readonly url: string,
    readonly init?: EventSourceInit,
  ) {
    super()
    FakeEventSource.last = this
  }
  close(): void {
    this.closed = true
    this.readyState = 2
  }
  emit(type: string, data?: unknown): void {
    this.dispatchEvent(Object.assign(new Event(type), { data: data === undefined ? undefined : JSON.stringify(data) }))
  }
}

afterEach(() => vi.unstubAllGlobals())

describe('useIncidentStream', () => {
  it('opens /api/events with credentials, passes incident events on, asks for a reload on resync, closes on unmount', () => {
    vi.stubGlobal('EventSource', FakeEventSource)
    const got: LiveIncidentEvent[] = []
    const resync = vi.fn()
    const { result, wrapper } = withSetup(() => useIncidentStream({ incident: (e) => got.push(e), resync }))
    const es = FakeEventSource.last!
    expect(es.url).toBe('/api/events')
    expect(es.init).toEqual({ withCredentials: true })
    expect(result.state.value).toBe('connecting')
    es.emit('ready', { lastEventId: 3 })
    expect(result.state.value).toBe('open')
    es.emit('incident', { id: 4, code: 'A', action: 'create', fromState: null, toState: 'reported', state: 'reported', at: 'x' })
    es.dispatchEvent(Object.assign(new Event('incident'), { data: '{not json' }))
    expect(got.map((e) => e.code)).toEqual(['A'])
    es.emit('resync', {})
    expect(resync).toHaveBeenCalledOnce()
    wrapper.unmount()
    expect(es.closed).toBe(true)
  })

  it('closed for good (the reconnect was refused): asks who is signed in, so an ended session goes to sign-in', async () => {
    vi.stubGlobal('EventSource', FakeEventSource)
    const fetchMock = vi.fn(async () => new Response(JSON.stringify({ title: 'Unauthorized', status: 401, code: 'unauthenticated' }), { status: 401, headers: { 'content-type': 'application/problem+json' } }))
    vi.stubGlobal('fetch', fetchMock)
    const { result, wrapper } = withSetup(() => useIncidentStream({ incident: () => {} }))
    const es = FakeEventSource.last!
    es.readyState = 0
    es.emit('error')
    expect(result.state.value).toBe('connecting')
    expect(fetchMock).not.toHaveBeenCalled()
    es.readyState = 2
    es.emit('error')
    expect(result.state.value).toBe('closed')
    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalledOnce())
    expect(String((fetchMock.mock.calls[0] as unknown[])[0])).toContain('/api/auth/me')
    wrapper.unmount()
  })
})
