import type { TransitionErrorCode } from '@hanjiang/shared'

/**
 * Every problem code the API answers with (RFC 9457 `code`, also the last segment of `type`), its HTTP status and
 * its title. Codes are stable snake_case: clients switch on them, so a code is never renamed or reused for
 * something else. docs/ERRORS.md lists them (a test keeps the two in step). New code → add it here first; the
 * `problems.*` helpers only accept registered codes whose status matches the helper.
 */
export const ERRORS = {
  // 400: the request itself is malformed.
  validation_failed: { status: 400, title: 'Invalid request' },
  invalid_value: { status: 400, title: 'Value cannot be stored' },
  unknown_action: { status: 400, title: 'Unknown workflow action' },
  invalid_address: { status: 400, title: 'Invalid client address' },
  webhook_address_not_allowed: { status: 400, title: 'Webhook address not allowed' },
  webhook_host_not_found: { status: 400, title: 'Webhook host not found' },
  invalid_period: { status: 400, title: 'Invalid period' },
  future_period: { status: 400, title: 'Period in the future' },
  period_before_data: { status: 400, title: 'Period before the data' },
  code_required: { status: 400, title: 'Code required' },
  unknown_indicator: { status: 400, title: 'Unknown indicator' },
  deadline_in_past: { status: 400, title: 'Deadline in the past' },
  letter_basis_required: { status: 400, title: 'Letter basis required' },
  check_in_future: { status: 400, title: 'Check in the future' },

  // 401 / 403 / 429: who is asking.
  unauthenticated: { status: 401, title: 'Not signed in' },
  invalid_credentials: { status: 401, title: 'Sign-in failed' },
  forbidden: { status: 403, title: 'Forbidden' },
  csrf: { status: 403, title: 'CSRF token missing or wrong' },
  password_change_required: { status: 403, title: 'Password change required' },
  account_disabled: { status: 403, title: 'Account disabled' },
  role_not_allowed: { status: 403, title: 'Role not allowed' },
  no_unit: { status: 403, title: 'No unit' },
  outside_areas: { status: 403, title: 'Outside your areas' },
  outside_your_areas: { status: 403, title: 'Outside your areas' },
  cross_site_request: { status: 403, title: 'Cross-site request' },
  evaluation_scope: { status: 403, title: 'Outside your evaluation scope' },
  letter_scope: { status: 403, title: 'Outside your letters' },
  letter_role: { status: 403, title: 'Role may not take this letter step' },
  letter_not_yours: { status: 403, title: 'Not your letter' },
  not_your_change_set: { status: 403, title: 'Not your change set' },
  too_many_sign_in_attempts: { status: 429, title: 'Too many sign-in attempts' },
  rate_limited: { status: 429, title: 'Too many requests' },

  // 404: what is asked for does not exist (or is outside the caller's scope: never told apart).
  route_not_found: { status: 404, title: 'Not found' },
  incident_not_found: { status: 404, title: 'Not found' },
  area_not_found: { status: 404, title: 'Not found' },
  grid_not_found: { status: 404, title: 'Not found' },
  knowledge_entry_not_found: { status: 404, title: 'Not found' },
  photo_not_found: { status: 404, title: 'Not found' },
  region_not_found: { status: 404, title: 'Not found' },
  sign_in_throttle_not_found: { status: 404, title: 'Not found' },
  tracking_code_not_found: { status: 404, title: 'Not found' },
  unit_not_found: { status: 404, title: 'Not found' },
  user_not_found: { status: 404, title: 'Not found' },
  district_not_found: { status: 404, title: 'Not found' },
  street_not_found: { status: 404, title: 'Not found' },
  letter_not_found: { status: 404, title: 'Not found' },
  api_key_not_found: { status: 404, title: 'Not found' },
  change_set_not_found: { status: 404, title: 'Not found' },

  // 409: the stored state forbids it now.
  version_conflict: { status: 409, title: 'Changed by someone else' },
  transition_not_allowed: { status: 409, title: 'Not possible in this state' },
  type_not_allowed: { status: 409, title: 'Not possible for this incident type' },
  extension_pending: { status: 409, title: 'An extension request is pending' },
  no_pending_extension: { status: 409, title: 'No extension request is pending' },
  already_rated: { status: 409, title: 'Already rated' },
  cannot_reopen: { status: 409, title: 'Cannot be reopened' },
  not_closed: { status: 409, title: 'Not closed' },
  not_open: { status: 409, title: 'Not open' },
  knowledge_entry_exists: { status: 409, title: 'Entry exists' },
  region_exists: { status: 409, title: 'Region exists' },
  region_has_children: { status: 409, title: 'Region has children' },
  region_in_use: { status: 409, title: 'Region in use' },
  self_lockout: { status: 409, title: 'Would lock yourself out' },
  unit_exists: { status: 409, title: 'Unit exists' },
  username_taken: { status: 409, title: 'User name taken' },
  api_key_revoked: { status: 409, title: 'API key revoked' },
  period_published: { status: 409, title: 'Period published' },
  letter_closed: { status: 409, title: 'Letter closed' },
  letter_wrong_state: { status: 409, title: 'Letter in another state' },
  change_set_state: { status: 409, title: 'Change set in another state' },
  change_set_stale: { status: 409, title: 'Regions changed since the draft began' },

  // 413 / 415: the body is too big or of the wrong kind.
  payload_too_large: { status: 413, title: 'Payload too large' },
  geometry_too_large: { status: 413, title: 'Geometry too large' },
  photo_too_large: { status: 413, title: 'Photo too large' },
  unsupported_media_type: { status: 415, title: 'Unsupported media type' },
  unsupported_photo_type: { status: 415, title: 'Unsupported photo type' },

  // 422: well-formed, but the content breaks a rule.
  import_invalid: { status: 422, title: 'Import refused' },
  invalid_geometry: { status: 422, title: 'Invalid geometry' },
  outside_parent: { status: 422, title: 'Outside the parent region' },
  sibling_overlap: { status: 422, title: 'Overlaps a sibling region' },
  outside_district: { status: 422, title: 'Outside the district' },
  coverage_gap: { status: 422, title: 'Leaves a gap in the parent region' },
  code_retired: { status: 422, title: 'Code of a retired region' },
  codes_exhausted: { status: 422, title: 'No free code left' },
  change_set_invalid: { status: 422, title: 'Change set refused' },
  change_set_empty: { status: 422, title: 'Change set is empty' },
  effective_from_past: { status: 422, title: 'Effective time in the past' },
  invalid_code: { status: 422, title: 'Invalid region code' },
  parent_not_found: { status: 422, title: 'Parent region not found' },
  duplicate_code: { status: 422, title: 'Duplicate code' },
  duplicate_id: { status: 422, title: 'Duplicate id' },
  no_child_level: { status: 422, title: 'No level below' },
  unknown_unit: { status: 422, title: 'Unknown unit' },
  unknown_class: { status: 422, title: 'Unknown class' },
  unknown_fine_class: { status: 422, title: 'Unknown fine class' },
  unknown_region: { status: 422, title: 'Unknown region' },
  unknown_section: { status: 422, title: 'Unknown section' },
  unknown_colleague: { status: 422, title: 'Unknown colleague' },
  unknown_photo: { status: 422, title: 'Unknown photo' },
  photo_not_attachable: { status: 422, title: 'Photo cannot be attached' },
  photo_unreadable: { status: 422, title: 'Photo cannot be read' },
  invalid_coordinate: { status: 422, title: 'Invalid coordinate' },
  invalid_location: { status: 422, title: 'Invalid location' },
  invalid_points: { status: 422, title: 'Invalid points' },
  location_required: { status: 422, title: 'Location required' },
  chunk_id_reused: { status: 422, title: 'Track chunk id reused' },
  entry_not_searchable: { status: 422, title: 'Entry not searchable' },
  primary_not_found: { status: 422, title: 'Primary incident not found' },
  no_deadline_to_extend: { status: 422, title: 'No deadline to extend' },
  idempotency_key_reused: { status: 422, title: 'Idempotency key reused' },
  calendar_year_missing: { status: 422, title: 'Working-day calendar missing' },
  export_too_large: { status: 422, title: 'Export too large' },
  period_not_ended: { status: 422, title: 'Period not ended' },
  unknown_incident: { status: 422, title: 'Unknown incident' },
  reopen_not_allowed: { status: 422, title: 'Reopen not allowed' },
  satisfaction_not_allowed: { status: 422, title: 'Satisfaction not allowed' },
  satisfaction_required: { status: 422, title: 'Satisfaction required' },
  password_rules: { status: 422, title: 'Password breaks the rules' },
  wrong_password: { status: 422, title: 'Wrong password' },
  // The workflow's input requirements (packages/shared checkTransition): every issue in `errors`.
  type_required: { status: 422, title: 'Missing input' },
  unit_required: { status: 422, title: 'Missing input' },
  note_required: { status: 422, title: 'Missing input' },
  reason_required: { status: 422, title: 'Missing input' },
  photo_required: { status: 422, title: 'Missing input' },
  hazard_mark_required: { status: 422, title: 'Missing input' },
  primary_required: { status: 422, title: 'Missing input' },
  merge_into_self: { status: 422, title: 'Invalid input' },
  due_required: { status: 422, title: 'Missing input' },
  due_invalid: { status: 422, title: 'Invalid input' },
  decision_required: { status: 422, title: 'Missing input' },
  extension_requested_too_late: { status: 422, title: 'Extension requested too late' },
  extension_not_later: { status: 422, title: 'Extension not later' },

  // 500: a bug; logged, never a stack trace.
  internal_error: { status: 500, title: 'Internal error' },
} as const satisfies Record<string, { status: number; title: string }>

export type ErrorCode = keyof typeof ERRORS
/** The registered codes answered with HTTP status `S`. */
export type CodeWithStatus<S extends number> = { [K in ErrorCode]: (typeof ERRORS)[K]['status'] extends S ? K : never }[ErrorCode]

// Every code checkTransition can return is registered: this fails to compile otherwise.
export const TRANSITION_CODES_REGISTERED: TransitionErrorCode extends ErrorCode ? true : never = true

export function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(ERRORS, code)
}
