import { ApiError, isApiError } from './client.ts'

export type Translate = (key: string, params?: Record<string, unknown>) => string

export interface ErrorDescription {
  /** One readable sentence in the user's language (a problem's server-written text is kept verbatim). */
  message: string
  /** Field-level problems ("level: must be one of …"), one per line. */
  details: string[]
  /** The problem's stable code, for support staff. */
  code: string | null
}

/** Turns any error into something a dispatcher can read: translated for the generic kinds, verbatim for problems. */
export function describeError(error: unknown, t: Translate): ErrorDescription {
  if (isApiError(error)) return describeApiError(error, t)
  const message = error instanceof Error ? error.message : String(error)
  return { message: t('errors.unknown', { message }), details: [], code: null }
}

export function describeApiError(error: ApiError, t: Translate): ErrorDescription {
  switch (error.kind) {
    case 'network':
      return { message: t('errors.network'), details: [], code: null }
    case 'timeout':
      return { message: t('errors.timeout'), details: [], code: null }
    case 'http':
      return { message: t('errors.http', { status: error.status }), details: [], code: null }
    case 'invalid-response':
      return { message: t('errors.invalidResponse', { status: error.status }), details: [], code: null }
    case 'problem': {
      const refused = describeRefusal(error, t)
      if (refused) return refused
      const p = error.problem ?? {}
      const title = typeof p.title === 'string' ? p.title.trim() : ''
      const detail = typeof p.detail === 'string' ? p.detail.trim() : ''
      const text = detail || title || t('errors.http', { status: error.status })
      return {
        message: t('errors.problem', { message: text }),
        details: error.fieldErrors.map((f) => (f.path ? `${f.path}: ${f.message}` : f.message)),
        code: error.code,
      }
    }
  }
}

/**
 * What a refused request wanted to do, in words ("修改用户"), from its method and path; unknown routes are named
 * by method and path. Keys under `auth.actions`.
 */
const ACTIONS: [method: string, path: RegExp, key: string][] = [
  ['POST', /^\/api\/incidents$/, 'incidentCreate'],
  ['POST', /^\/api\/incidents\/[^/]+\/reporter\/reveal$/, 'incidentReveal'],
  ['POST', /^\/api\/incidents\/[^/]+\/actions\//, 'incidentAct'],
  ['GET', /^\/api\/incidents/, 'incidentRead'],
  ['GET', /^\/api\/admin\/users/, 'userRead'],
  ['POST', /^\/api\/admin\/users\/[^/]+\/revoke-sessions$/, 'userRevoke'],
  ['POST', /^\/api\/admin\/users$/, 'userCreate'],
  ['PATCH', /^\/api\/admin\/users\//, 'userUpdate'],
  ['GET', /^\/api\/admin\/sign-in-throttle/, 'throttleRead'],
  ['DELETE', /^\/api\/admin\/sign-in-throttle\//, 'throttleClear'],
  ['GET', /^\/api\/admin\/units/, 'unitRead'],
  ['POST', /^\/api\/admin\/units/, 'unitWrite'],
  ['PATCH', /^\/api\/admin\/units/, 'unitWrite'],
  ['GET', /^\/api\/audit/, 'auditRead'],
  ['POST', /^\/api\/(regions|areas)/, 'regionWrite'],
  ['PATCH', /^\/api\/(regions|areas)/, 'regionWrite'],
  ['DELETE', /^\/api\/(regions|areas)/, 'regionWrite'],
  ['GET', /^\/api\/(regions|areas)\/export/, 'export'],
]

export function requestAction(method: string, url: string, t: Translate): string {
  const path = url.replace(/^[a-z]+:\/\/[^/]+/i, '').split('?')[0]!
  const hit = ACTIONS.find(([m, re]) => m === method && re.test(path))
  return hit ? t(`auth.actions.${hit[2]}`) : `${method} ${path}`
}

/** 403s in words: which action the user's roles do not allow; a stale CSRF token; a pending password change. */
function describeRefusal(error: ApiError, t: Translate): ErrorDescription | null {
  if (error.status !== 403) return null
  const code = error.code
  const action = requestAction(error.method, error.url, t)
  if (code === 'forbidden') return { message: t('auth.errors.forbidden', { action }), details: [], code }
  if (code === 'csrf') return { message: t('auth.errors.csrf'), details: [], code }
  if (code === 'password_change_required') return { message: t('auth.errors.passwordChangeRequired'), details: [], code }
  return null
}
