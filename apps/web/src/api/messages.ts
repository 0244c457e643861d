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
