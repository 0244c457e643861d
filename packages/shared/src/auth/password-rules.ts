/**
 * Password rules (等保 2.0 identity checks): long enough, several character kinds, not the user's name,
 * not a well-known password. Returns one message per broken rule (empty = acceptable).
 */
export const PASSWORD_MIN_LENGTH = 10
export const PASSWORD_MAX_LENGTH = 128

const COMMON = new Set([
  'password', 'password1', 'password123', '1234567890', '12345678910', 'qwertyuiop', 'a123456789', 'abc1234567',
  'admin12345', 'iloveyou12', 'woaini1314', 'qwerty12345', '1qaz2wsx3edc', 'p@ssw0rd12', 'hanjiang-demo',
])

export interface PasswordIssue {
  code: 'too_short' | 'too_long' | 'too_simple' | 'contains_username' | 'common' | 'unchanged'
  message: string
}

export function passwordIssues(password: string, ctx: { username?: string; current?: string } = {}): PasswordIssue[] {
  const out: PasswordIssue[] = []
  const len = [...password].length
  if (len < PASSWORD_MIN_LENGTH) out.push({ code: 'too_short', message: `at least ${PASSWORD_MIN_LENGTH} characters` })
  if (len > PASSWORD_MAX_LENGTH) out.push({ code: 'too_long', message: `at most ${PASSWORD_MAX_LENGTH} characters` })
  const kinds = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length
  if (kinds < 3) out.push({ code: 'too_simple', message: 'use at least three of: lower-case, upper-case, digits, symbols' })
  const name = ctx.username?.trim().toLowerCase()
  if (name && name.length >= 3 && password.toLowerCase().includes(name)) {
    out.push({ code: 'contains_username', message: 'must not contain the user name' })
  }
  if (COMMON.has(password.toLowerCase())) out.push({ code: 'common', message: 'is a well-known password' })
  if (ctx.current !== undefined && ctx.current === password) out.push({ code: 'unchanged', message: 'must differ from the current password' })
  return out
}
