import type { ProblemDetails, ProblemFieldError } from './types.ts'

/**
 * A small typed fetch client for the same-origin API. Every failure becomes an {@link ApiError} whose `message`
 * is readable as is; the UI translates the generic kinds (network, timeout, plain HTTP) and shows a problem's
 * server-written title and detail verbatim (see `describeApiError` in ./messages.ts).
 */

export type ApiErrorKind =
  /** The server answered with an RFC 9457 problem document. */
  | 'problem'
  /** The server answered with an error status but no problem document (e.g. a proxy's 502 page). */
  | 'http'
  /** No answer: the server is unreachable or the connection dropped. */
  | 'network'
  /** No answer within the client's time limit. */
  | 'timeout'
  /** A 2xx answer whose body is not the JSON we expected. */
  | 'invalid-response'

export interface FieldError {
  /** Where the problem is: a JSON path or pointer, or '' for the request as a whole. */
  path: string
  message: string
}

export class ApiError extends Error {
  override name = 'ApiError'
  constructor(
    readonly kind: ApiErrorKind,
    message: string,
    readonly status: number,
    readonly url: string,
    readonly problem: ProblemDetails | null = null,
    options?: { cause?: unknown; method?: string },
  ) {
    super(message, options)
    this.method = options?.method ?? 'GET'
  }

  /** The request's method, so a refusal can name what was not allowed ("PATCH /api/admin/users/…"). */
  readonly method: string

  /** The problem's stable code (`region_not_found`…), or the last segment of its `type` URI. */
  get code(): string | null {
    if (!this.problem) return null
    if (typeof this.problem.code === 'string' && this.problem.code) return this.problem.code
    const type = this.problem.type
    if (typeof type === 'string' && type && type !== 'about:blank') return type.split('/').pop() || null
    return null
  }

  get fieldErrors(): FieldError[] {
    return fieldErrors(this.problem)
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** Whether a parsed body looks like RFC 9457 problem details (`title`, `detail`, `type` or `status` present). */
export function isProblemDetails(v: unknown): v is ProblemDetails {
  if (!isRecord(v)) return false
  return ['title', 'detail', 'type'].some((k) => typeof v[k] === 'string') || typeof v.status === 'number'
}

export function fieldErrors(problem: ProblemDetails | null): FieldError[] {
  const list = problem?.errors
  if (!Array.isArray(list)) return []
  const out: FieldError[] = []
  for (const e of list as unknown[]) {
    if (typeof e === 'string') {
      out.push({ path: '', message: e })
    } else if (isRecord(e)) {
      const f = e as ProblemFieldError
      const message = f.message ?? f.detail
      if (typeof message !== 'string' || !message) continue
      const path = typeof f.path === 'string' ? f.path : typeof f.pointer === 'string' ? f.pointer : ''
      out.push({ path, message })
    }
  }
  return out
}

/**
 * One readable line for a problem: "Invalid request: level must be one of … (400)", field errors appended as
 * "path: message" pairs. The detail is preferred over the title when both say the same thing.
 */
export function formatProblem(problem: ProblemDetails, status?: number): string {
  const title = typeof problem.title === 'string' ? problem.title.trim() : ''
  const detail = typeof problem.detail === 'string' ? problem.detail.trim() : ''
  const code = problem.status ?? status
  let text = title && detail && title !== detail ? `${title}: ${detail}` : detail || title || 'Request failed'
  const fields = fieldErrors(problem)
  if (fields.length) text += ` — ${fields.map((f) => (f.path ? `${f.path}: ${f.message}` : f.message)).join('; ')}`
  if (code) text += ` (${code})`
  return text
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  query?: Record<string, string | number | boolean | undefined | null>
  body?: unknown
  signal?: AbortSignal
  /** Give up after this many milliseconds (default 30 s); 0 waits forever. */
  timeoutMs?: number
  headers?: Record<string, string>
}

export interface ApiClientOptions {
  /** Prefix for every path; '' for same-origin `/api/...` paths. */
  baseUrl?: string
  fetch?: typeof fetch
  timeoutMs?: number
  /** The session's CSRF token for unsafe methods (default: the one the auth store set, else the `hj_csrf` cookie). */
  csrfToken?: () => string | null
}

/** Problems every screen reacts to the same way (sign in again, change the password first): see `onAuthProblem`. */
export type AuthProblem = 'unauthenticated' | 'password_change_required'

type AuthProblemListener = (kind: AuthProblem, error: ApiError) => void
const authListeners = new Set<AuthProblemListener>()

/**
 * Called on any 401 `unauthenticated` or 403 `password_change_required` answer (the auth store's own sign-in and
 * who-am-I calls excepted: they handle those themselves). Returns the unsubscribe function.
 */
export function onAuthProblem(listener: AuthProblemListener): () => void {
  authListeners.add(listener)
  return () => authListeners.delete(listener)
}

let currentCsrf: string | null = null

/** The auth store keeps the token the API returned with the session here. */
export function setCsrfToken(token: string | null): void {
  currentCsrf = token
}

/** The CSRF token: the one set by the auth store, else the `hj_csrf` cookie (readable by design). */
export function csrfToken(): string | null {
  if (currentCsrf) return currentCsrf
  if (typeof document === 'undefined') return null
  const m = /(?:^|;\s*)hj_csrf=([^;]*)/.exec(document.cookie)
  return m ? decodeURIComponent(m[1]!) : null
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])
/** Calls whose 401/403 are answers for their caller, not a reason to leave the screen. */
const SELF_HANDLED = ['/api/auth/login', '/api/auth/me', '/api/auth/password', '/api/auth/logout']

export interface ApiClient {
  request<T>(path: string, options?: RequestOptions): Promise<T>
  get<T>(path: string, options?: Omit<RequestOptions, 'method' | 'body'>): Promise<T>
}

export function buildUrl(baseUrl: string, path: string, query?: RequestOptions['query']): string {
  let url = baseUrl + path
  if (query) {
    const params = new URLSearchParams()
    for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null) params.append(k, String(v))
    const qs = params.toString()
    if (qs) url += (url.includes('?') ? '&' : '?') + qs
  }
  return url
}

async function readBody(res: Response): Promise<{ json: unknown; text: string }> {
  const text = await res.text()
  if (!text) return { json: undefined, text }
  try {
    return { json: JSON.parse(text) as unknown, text }
  } catch {
    return { json: undefined, text }
  }
}

export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  const baseUrl = options.baseUrl ?? ''
  const defaultTimeout = options.timeoutMs ?? 30_000
  // Resolved per call so tests can stub the global fetch after the client was made.
  const doFetch = (input: string, init: RequestInit) => (options.fetch ?? globalThis.fetch)(input, init)

  async function request<T>(path: string, req: RequestOptions = {}): Promise<T> {
    const url = buildUrl(baseUrl, path, req.query)
    const method = req.method ?? 'GET'
    const timeoutMs = req.timeoutMs ?? defaultTimeout
    const controller = new AbortController()
    let timedOut = false
    const timer = timeoutMs > 0 ? setTimeout(() => ((timedOut = true), controller.abort()), timeoutMs) : undefined
    const onAbort = () => controller.abort(req.signal?.reason)
    if (req.signal?.aborted) controller.abort(req.signal.reason)
    else req.signal?.addEventListener('abort', onAbort, { once: true })

    const headers: Record<string, string> = { Accept: 'application/json, application/problem+json', ...req.headers }
    if (UNSAFE.has(method)) {
      const token = (options.csrfToken ?? csrfToken)()
      if (token) headers['X-CSRF-Token'] = token
    }
    let body: string | undefined
    if (req.body !== undefined) {
      headers['Content-Type'] = 'application/json'
      body = JSON.stringify(req.body)
    }

    let res: Response
    try {
      res = await doFetch(url, { method, headers, body, signal: controller.signal, credentials: 'same-origin' })
    } catch (cause) {
      // A caller's own abort is not an error to report: rethrow it untouched so callers can ignore it.
      if (req.signal?.aborted) throw cause
      if (timedOut) throw new ApiError('timeout', `${method} ${url}: no answer within ${timeoutMs} ms`, 0, url, null, { cause, method })
      throw new ApiError('network', `${method} ${url}: the server cannot be reached`, 0, url, null, { cause, method })
    } finally {
      clearTimeout(timer)
      req.signal?.removeEventListener('abort', onAbort)
    }

    const { json, text } = await readBody(res)
    if (!res.ok) {
      if (isProblemDetails(json)) {
        const error = new ApiError('problem', formatProblem(json, res.status), res.status, url, json, { method })
        notifyAuthProblem(path, error)
        throw error
      }
      const statusText = res.statusText ? ` ${res.statusText}` : ''
      throw new ApiError('http', `${method} ${url}: HTTP ${res.status}${statusText}`, res.status, url, null, { method })
    }
    if (res.status === 204 || !text) return undefined as T
    if (json === undefined) {
      throw new ApiError('invalid-response', `${method} ${url}: the answer is not JSON`, res.status, url, null, { method })
    }
    return json as T
  }

  return {
    request,
    get: (path, opts) => request(path, { ...opts, method: 'GET' }),
  }
}

function notifyAuthProblem(path: string, error: ApiError): void {
  const code = error.code
  const kind: AuthProblem | null =
    error.status === 401 && code === 'unauthenticated'
      ? 'unauthenticated'
      : error.status === 403 && code === 'password_change_required'
        ? 'password_change_required'
        : null
  if (!kind || SELF_HANDLED.some((p) => path.startsWith(p))) return
  for (const l of authListeners) l(kind, error)
}

/**
 * A live stream the server refused for good (EventSource hides the status: a revoked or expired session ends the
 * stream, and the reconnect gets 401): asks who is signed in and, when nobody is, tells the auth listeners as any
 * other 401 does, so the screen goes to sign-in instead of sitting on a dead stream.
 */
export function recheckSession(client: ApiClient = api): Promise<void> {
  // A revoked session ends every stream at once (incidents and the bell): one question, one sign-in redirect.
  return (rechecking ??= (async () => {
    try {
      await client.get('/api/auth/me')
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) for (const l of authListeners) l('unauthenticated', e)
    } finally {
      rechecking = null
    }
  })())
}
let rechecking: Promise<void> | null = null

/** Whether an error is the caller's own abort (a superseded request), which the UI ignores. */
export function isAbortError(e: unknown): boolean {
  return (
    (e instanceof DOMException && e.name === 'AbortError') ||
    (e instanceof Error && e.name === 'AbortError') ||
    (isRecord(e) && e.name === 'AbortError')
  )
}

/** The app's client: same origin, `/api/...` paths. */
export const api = createApiClient()
