import { z } from 'zod'
import { problems } from '../../http/problem.ts'

/**
 * An opaque keyset cursor for a paged list: the whole sort key of the page's last row (not only its id), so the
 * next page starts right after that position in the order, whatever arrived or changed in between. Tagged per
 * list, so one list's cursor is refused by another (400 with `what` named).
 */
export function keysetCursor<K, const T extends [z.ZodType, ...z.ZodType[]]>(opts: {
  tag: string
  /** The key's fields in order, after the tag. */
  fields: T
  toTuple: (key: K) => unknown[]
  fromTuple: (fields: { [I in keyof T]: z.infer<T[I]> }) => K
  what: string
}) {
  const shape = z.tuple([z.literal(opts.tag), ...opts.fields])
  return {
    encode: (key: K): string => Buffer.from(JSON.stringify([opts.tag, ...opts.toTuple(key)])).toString('base64url'),
    decode: (cursor: string): K => {
      let parsed: unknown
      try {
        parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString())
      } catch {
        parsed = null
      }
      const r = shape.safeParse(parsed)
      if (!r.success) throw problems.validation(`cursor is not a ${opts.what} cursor this API gave out`, [{ path: 'cursor', message: 'invalid cursor' }])
      return opts.fromTuple(r.data.slice(1) as { [I in keyof T]: z.infer<T[I]> })
    },
  }
}

/** A non-negative integer field of a cursor (ranks, epoch milliseconds). */
export const cursorInt = (max = Number.MAX_SAFE_INTEGER) => z.number().int().min(0).max(max)
/** The incident code that breaks ties. */
export const cursorCode = () => z.string().min(1).max(64)
