import type { MiddlewareHandler } from 'hono'
import { problems } from './problem.ts'

/**
 * The one rule for text coming in — path, query and JSON bodies alike: no NUL (U+0000: PostgreSQL text cannot
 * hold it) and no unpaired UTF-16 surrogate (no UTF-8 form; PostgreSQL's JSON refuses the escape). Such input is
 * a 400 naming the field, before any handler or SQL sees it, instead of a database error.
 */
// eslint-disable-next-line no-control-regex -- NUL is exactly the character this rule refuses
const BAD_TEXT = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

/** Why a string breaks the rule, or null. */
export function badText(s: string): string | null {
  const m = BAD_TEXT.exec(s)
  if (!m) return null
  return m[0] === '\u0000' ? 'contains a NUL character (U+0000)' : 'contains an unpaired UTF-16 surrogate (not valid Unicode text)'
}

const refuse = (path: string, why: string) => problems.validation(`${path} ${why}`, [{ path, message: `${path} ${why}` }])

/** Walks a parsed JSON value (keys and strings) and throws a 400 at the first string that breaks the rule. */
export function assertCleanJson(value: unknown, path = 'body'): void {
  if (typeof value === 'string') {
    const why = badText(value)
    if (why) throw refuse(path, why)
  } else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) assertCleanJson(value[i], `${path}.${i}`)
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const why = badText(k)
      if (why) throw refuse(`${path} key`, why)
      assertCleanJson(v, `${path}.${k}`)
    }
  }
}

function decode(raw: string, path: string): string {
  try {
    return decodeURIComponent(raw)
  } catch {
    throw refuse(path, 'is not valid percent-encoded UTF-8')
  }
}

/**
 * The rule for the URL: every path segment and query name/value, decoded. Nothing to check without a `%` (a URL
 * holds no raw NUL or non-ASCII: the URL parser percent-encodes them), so ordinary requests pay one indexOf.
 */
export function cleanUrl(): MiddlewareHandler {
  return async (c, next) => {
    const url = c.req.url
    if (url.indexOf('%') !== -1) {
      const q = url.indexOf('?')
      const start = url.indexOf('/', url.indexOf('//') + 2)
      const pathPart = q === -1 ? url.slice(start) : url.slice(start, q)
      for (const seg of pathPart.split('/')) {
        const why = badText(decode(seg, 'the path'))
        if (why) throw refuse('the path', why)
      }
      if (q !== -1) {
        for (const pair of url.slice(q + 1).split('&')) {
          const eq = pair.indexOf('=')
          const name = decode((eq === -1 ? pair : pair.slice(0, eq)).replace(/\+/g, ' '), 'a query parameter name')
          const where = `query parameter ${name.replace(/[^\x20-\x7e]/g, '?').slice(0, 50)}`
          const nameWhy = badText(name)
          if (nameWhy) throw refuse('a query parameter name', nameWhy)
          const valueWhy = eq === -1 ? null : badText(decode(pair.slice(eq + 1).replace(/\+/g, ' '), where))
          if (valueWhy) throw refuse(where, valueWhy)
        }
      }
    }
    return next()
  }
}
