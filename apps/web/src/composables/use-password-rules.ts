import { PASSWORD_MIN_LENGTH, passwordIssues } from '@hanjiang/shared/auth/password-rules'
import { computed, type Ref } from 'vue'

export type PasswordRuleKey = 'length' | 'kinds' | 'username' | 'common' | 'unchanged' | 'match'

export interface PasswordRule {
  key: PasswordRuleKey
  /** i18n key and its parameters (`auth.password.rules.*`). */
  label: string
  params: Record<string, unknown>
  met: boolean
}

/** Which shared rule codes (packages/shared `passwordIssues`) break which listed rule. */
const BROKEN_BY: Record<Exclude<PasswordRuleKey, 'match'>, string[]> = {
  length: ['too_short', 'too_long'],
  kinds: ['too_simple'],
  username: ['contains_username'],
  common: ['common'],
  unchanged: ['unchanged'],
}

/**
 * The password rules, each marked met or not as the user types — the same rules the server applies, so a
 * password that shows all green is accepted. `confirm` adds "typed the same twice".
 */
export function usePasswordRules(
  password: Ref<string>,
  ctx: { username: Ref<string | undefined>; current?: Ref<string>; confirm?: Ref<string> },
) {
  const rules = computed<PasswordRule[]>(() => {
    const codes = new Set<string>(
      passwordIssues(password.value, {
        username: ctx.username.value,
        current: ctx.current?.value ? ctx.current.value : undefined,
      }).map((i) => i.code),
    )
    const empty = password.value.length === 0
    const list: PasswordRule[] = (Object.keys(BROKEN_BY) as (keyof typeof BROKEN_BY)[])
      .filter((k) => k !== 'unchanged' || ctx.current)
      .map((key) => ({
        key,
        label: `auth.password.rules.${key}`,
        params: key === 'length' ? { min: PASSWORD_MIN_LENGTH } : {},
        met: !empty && !BROKEN_BY[key].some((c) => codes.has(c)),
      }))
    if (ctx.confirm) {
      list.push({ key: 'match', label: 'auth.password.rules.match', params: {}, met: !empty && password.value === ctx.confirm.value })
    }
    return list
  })
  const ok = computed(() => rules.value.every((r) => r.met))
  return { rules, ok }
}
