import type { Problem } from '../../http/problem.ts'
import { problems } from '../../http/problem.ts'
import type { FeatureIssue } from '../geometry/issues.ts'

/**
 * A change set's validation answer: nothing was written; every problem of every item is listed in
 * `issues[]` (`feature` = item index, `code` the problem's own code, e.g. sibling_overlap) and in
 * `errors[]` as `items.N.path`. Always 422 change_set_invalid: clients switch on the issue codes.
 */
export function changeSetProblem(issues: FeatureIssue[], itemCount: number): Problem {
  const features = new Set(issues.map((i) => i.feature))
  const errors = issues.map((i) => ({ path: i.feature === undefined ? i.path : `items.${i.feature}.${i.path}`, message: i.message }))
  return problems.unprocessable(
    'change_set_invalid',
    issues.length === 1
      ? `item ${issues[0]!.feature ?? 0}: ${issues[0]!.message}; nothing was written`
      : `${features.size} of ${itemCount} item${itemCount === 1 ? '' : 's'} refused (${issues.length} problems); nothing was written`,
    { errors, issues },
  )
}
