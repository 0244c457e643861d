import type { ErrorCode } from '../../http/errors.ts'
import { problem, problems, type Problem } from '../../http/problem.ts'

/**
 * One problem with one feature of a write (a single create/update, or one feature of an import).
 * `code` is the stable problem code a single write would answer with, `status` its HTTP status;
 * the rest are the problem's extensions (reason + location of an invalid geometry, the offending
 * area as GeoJSON with its size, the sibling's or parent's code…).
 */
export interface IssueBody {
  code: ErrorCode
  status: number
  /** Where in the request body (dot path, e.g. geometry.coordinates.0.1). */
  path: string
  message: string
  [extension: string]: unknown
}

export type FeatureIssue = IssueBody & {
  /** Index of the feature in an import's `features`; absent for single writes. */
  feature?: number
}

/** A single write's answer: the first issue becomes the problem; every issue is listed. */
export function singleWriteProblem(issues: FeatureIssue[]): Problem {
  const [first] = issues
  if (!first) return problems.internal()
  // Status and title come from the registry; the issue's own `status` (listed in issues[]) is the same number.
  const { code, status: _s, path, message, feature: _f, ...extensions } = first
  const detail = issues.length > 1 ? `${message} (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''}, see issues)` : message
  return problem(code, detail, {
    path,
    ...extensions,
    errors: issues.map((i) => ({ path: i.path, message: i.message })),
    issues: issues.map(({ feature: _i, ...rest }) => rest),
  })
}

/** An import's answer: nothing was written; every problem of every feature is listed. */
export function importProblem(issues: FeatureIssue[], featureCount: number): Problem {
  const features = new Set(issues.map((i) => i.feature))
  return problems.importInvalid(
    `${features.size} of ${featureCount} feature${featureCount === 1 ? '' : 's'} cannot be imported (${issues.length} problem${issues.length === 1 ? '' : 's'}); nothing was written`,
    issues.map((i) => ({ path: i.feature === undefined ? i.path : `features.${i.feature}.${i.path}`, message: i.message })),
    { issues },
  )
}
