import { ERRORS, type CodeWithStatus, type ErrorCode } from './errors.ts'

/**
 * RFC 9457 problem details. Every error the API sends is one of these, with a stable `code`
 * (also the last segment of `type`) that clients may switch on; never a stack trace.
 */
export interface ProblemBody {
  type: string
  title: string
  status: number
  detail: string
  code: string
  errors?: { path: string; message: string }[]
  [extension: string]: unknown
}

export class Problem extends Error {
  override name = 'Problem'
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    detail: string,
    readonly extra: Omit<Partial<ProblemBody>, 'type' | 'title' | 'status' | 'detail' | 'code'> = {},
    /** Response headers that go with the problem (e.g. Retry-After). */
    readonly headers: Record<string, string> = {},
  ) {
    super(detail)
  }

  toJSON(): ProblemBody {
    return {
      type: `https://hanjiang.example/problems/${this.code}`,
      title: this.title,
      status: this.status,
      detail: this.message,
      code: this.code,
      ...this.extra,
    }
  }
}

/** A problem with a registered code: status and title come from the registry (http/errors.ts). */
export function problem(
  code: ErrorCode,
  detail: string,
  extra: Omit<Partial<ProblemBody>, 'type' | 'title' | 'status' | 'detail' | 'code'> = {},
  headers: Record<string, string> = {},
): Problem {
  const { status, title } = ERRORS[code]
  return new Problem(status, code, title, detail, extra, headers)
}

type Extra = Record<string, unknown>
/** What `notFound(what)` may name: every `<what>_not_found` code of the registry. */
export type NotFoundSubject = CodeWithStatus<404> extends infer C ? (C extends `${infer W}_not_found` ? W : never) : never

/**
 * The error factory: one function per kind of problem. The status-named helpers take only registered codes with
 * that status, so a code and its status cannot drift apart.
 */
export const problems = {
  validation: (detail: string, errors: { path: string; message: string }[] = []) => problem('validation_failed', detail, { errors }),
  notFound: (what: NotFoundSubject, detail: string) => problem(`${what}_not_found`, detail),
  routeNotFound: (path: string) => problem('route_not_found', `No API route at ${path}`),
  badRequest: (code: CodeWithStatus<400>, detail: string, extra: Extra = {}) => problem(code, detail, extra),
  forbidden: (code: CodeWithStatus<403>, detail: string, extra: Extra = {}) => problem(code, detail, extra),
  conflict: (code: CodeWithStatus<409>, detail: string, extra: Extra = {}) => problem(code, detail, extra),
  unprocessable: (code: CodeWithStatus<422>, detail: string, extra: Extra = {}) => problem(code, detail, extra),
  payloadTooLarge: (detail: string) => problem('payload_too_large', detail),
  internal: () => problem('internal_error', 'An unexpected error occurred; it has been logged.'),
  // Spatial writes (regions, responsibility areas): per-feature codes, each also used alone by single writes
  // (services/geometry/issues.ts); imports answer import_invalid with errors[] and issues[] (`feature` = index).
  geometryTooLarge: (detail: string, extra: Extra = {}) => problem('geometry_too_large', detail, extra),
  importInvalid: (detail: string, errors: { path: string; message: string }[], extra: Extra = {}) =>
    problem('import_invalid', detail, { errors, ...extra }),
  // Photos (POST /api/photos), judged by the file's bytes, never its name or declared type.
  unsupportedPhotoType: (detail: string, extra: Extra = {}) => problem('unsupported_photo_type', detail, extra),
  photoTooLarge: (detail: string, extra: Extra = {}) => problem('photo_too_large', detail, extra),
  photoUnreadable: (detail: string, extra: Extra = {}) => problem('photo_unreadable', detail, extra),
  // Accounts and authorization: codes as the web app switches on them.
  unauthenticated: () => problem('unauthenticated', 'Sign in first (the session is missing, expired or revoked).'),
  denied: (detail = 'Your roles do not allow this.') => problem('forbidden', detail),
  csrf: () => problem('csrf', "This request needs the X-CSRF-Token header holding the session's CSRF token."),
  passwordChangeRequired: () => problem('password_change_required', 'Change your password first (POST /api/auth/password).'),
  invalidCredentials: () => problem('invalid_credentials', 'Wrong user name or password.'),
  // Per client address, before the password is looked at (services/auth/sign-in-throttle.ts).
  tooManySignInAttempts: (retryAfterSeconds: number) =>
    problem(
      'too_many_sign_in_attempts',
      `Too many failed sign-ins from this network; try again in ${Math.ceil(retryAfterSeconds / 60)} minutes.`,
      { retryAfterSeconds },
      { 'retry-after': String(retryAfterSeconds) },
    ),
  accountDisabled: () => problem('account_disabled', 'This account is disabled; ask an administrator.'),
  // Unit webhooks reach public addresses only, unless the operator's WEBHOOK_ALLOW_HOSTS names the target.
  webhookAddressNotAllowed: (range: string) =>
    problem(
      'webhook_address_not_allowed',
      `The webhook's host is or resolves to a ${range} address; webhooks may not reach loopback, private, link-local, carrier-grade NAT, multicast, unspecified or metadata addresses unless the operator lists the host in WEBHOOK_ALLOW_HOSTS.`,
      { range, errors: [{ path: 'url', message: `a ${range} address is not allowed` }] },
    ),
  webhookHostNotFound: (host: string) =>
    problem('webhook_host_not_found', `The webhook's host ${host} does not resolve to any address.`, {
      errors: [{ path: 'url', message: 'the host does not resolve' }],
    }),
  unsupportedMediaType: (detail: string) => problem('unsupported_media_type', detail),
}
