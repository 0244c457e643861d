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

/** The error factory: one function per kind of problem. */
export const problems = {
  validation: (detail: string, errors: { path: string; message: string }[] = []) =>
    new Problem(400, 'validation_failed', 'Invalid request', detail, { errors }),
  notFound: (what: string, detail: string) => new Problem(404, `${what}_not_found`, 'Not found', detail),
  routeNotFound: (path: string) => new Problem(404, 'route_not_found', 'Not found', `No API route at ${path}`),
  badRequest: (code: string, detail: string, extra: Record<string, unknown> = {}) =>
    new Problem(400, code, 'Bad request', detail, extra),
  forbidden: (code: string, detail: string, extra: Record<string, unknown> = {}) =>
    new Problem(403, code, 'Forbidden', detail, extra),
  conflict: (code: string, detail: string, extra: Record<string, unknown> = {}) =>
    new Problem(409, code, 'Conflict', detail, extra),
  unprocessable: (code: string, detail: string, extra: Record<string, unknown> = {}) =>
    new Problem(422, code, 'Unprocessable content', detail, extra),
  payloadTooLarge: (detail: string) => new Problem(413, 'payload_too_large', 'Payload too large', detail),
  internal: () => new Problem(500, 'internal_error', 'Internal error', 'An unexpected error occurred; it has been logged.'),
  // Spatial writes (regions, responsibility areas). Per-feature codes, each also used alone by single writes:
  // 422 invalid_geometry (reason + location), outside_parent, sibling_overlap (offending area as GeoJSON),
  // invalid_code, parent_not_found, duplicate_code, duplicate_id, unknown_unit, unknown_class, no_child_level;
  // 413 geometry_too_large; 409 region_exists, region_has_children, region_in_use, version_conflict;
  // imports: 422 import_invalid with errors[] and issues[] (one per problem, `feature` = index).
  geometryTooLarge: (detail: string, extra: Record<string, unknown> = {}) =>
    new Problem(413, 'geometry_too_large', 'Geometry too large', detail, extra),
  importInvalid: (detail: string, errors: { path: string; message: string }[], extra: Record<string, unknown> = {}) =>
    new Problem(422, 'import_invalid', 'Import refused', detail, { errors, ...extra }),
  // Photos (POST /api/photos), judged by the file's bytes, never its name or declared type:
  // 415 unsupported_photo_type (`detected`, `accepted`), 413 photo_too_large (`limit`, `unit`: bytes or pixels),
  // 422 photo_unreadable (starts like an image but does not decode), 415 unsupported_media_type (body is not
  // multipart/form-data).
  unsupportedPhotoType: (detail: string, extra: Record<string, unknown> = {}) =>
    new Problem(415, 'unsupported_photo_type', 'Unsupported photo type', detail, extra),
  photoTooLarge: (detail: string, extra: Record<string, unknown> = {}) =>
    new Problem(413, 'photo_too_large', 'Photo too large', detail, extra),
  photoUnreadable: (detail: string, extra: Record<string, unknown> = {}) =>
    new Problem(422, 'photo_unreadable', 'Photo cannot be read', detail, extra),
  // Accounts and authorization (auth contract): codes as the web app switches on them.
  unauthenticated: () => new Problem(401, 'unauthenticated', 'Not signed in', 'Sign in first (the session is missing, expired or revoked).'),
  denied: (detail = 'Your roles do not allow this.') => new Problem(403, 'forbidden', 'Forbidden', detail),
  csrf: () =>
    new Problem(403, 'csrf', 'Forbidden', 'This request needs the X-CSRF-Token header holding the session\'s CSRF token.'),
  passwordChangeRequired: () =>
    new Problem(403, 'password-change-required', 'Password change required', 'Change your password first (POST /api/auth/password).'),
  invalidCredentials: () => new Problem(401, 'invalid-credentials', 'Sign-in failed', 'Wrong user name or password.'),
  // Per client address, before the password is looked at (services/auth/sign-in-throttle.ts).
  tooManySignInAttempts: (retryAfterSeconds: number) =>
    new Problem(
      429,
      'too_many_sign_in_attempts',
      'Too many sign-in attempts',
      `Too many failed sign-ins from this network; try again in ${Math.ceil(retryAfterSeconds / 60)} minutes.`,
      { retryAfterSeconds },
      { 'retry-after': String(retryAfterSeconds) },
    ),
  accountDisabled: () => new Problem(403, 'account-disabled', 'Account disabled', 'This account is disabled; ask an administrator.'),
  // Unit webhooks reach public addresses only, unless the operator's WEBHOOK_ALLOW_HOSTS names the target.
  webhookAddressNotAllowed: (range: string) =>
    new Problem(
      400,
      'webhook_address_not_allowed',
      'Webhook address not allowed',
      `The webhook's host is or resolves to a ${range} address; webhooks may not reach loopback, private, link-local, carrier-grade NAT, multicast, unspecified or metadata addresses unless the operator lists the host in WEBHOOK_ALLOW_HOSTS.`,
      { range, errors: [{ path: 'url', message: `a ${range} address is not allowed` }] },
    ),
  webhookHostNotFound: (host: string) =>
    new Problem(400, 'webhook_host_not_found', 'Webhook host not found', `The webhook's host ${host} does not resolve to any address.`, {
      errors: [{ path: 'url', message: 'the host does not resolve' }],
    }),
  unsupportedMediaType: (detail: string) => new Problem(415, 'unsupported_media_type', 'Unsupported media type', detail),
}
