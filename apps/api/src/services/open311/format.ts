import { XMLBuilder } from 'fast-xml-parser'
import { Problem } from '../../http/problem.ts'

/**
 * The GeoReport v2 wire formats (docs/OPEN311.md): every resource in `.xml` (the spec's required format) and
 * `.json` (its Spark-convention mapping). A list is a JSON array and, in XML, a plural root holding singular
 * elements (<services><service>…); nested lists follow the same plural → singular naming. Null is an empty
 * element in XML (<account_id/>), null in JSON.
 */

export const FORMATS = ['xml', 'json'] as const
export type Format = (typeof FORMATS)[number]

/** Plural element → its items' element name. */
const SINGULAR: Record<string, string> = {
  services: 'service',
  service_requests: 'request',
  attributes: 'attribute',
  values: 'value',
  endpoints: 'endpoint',
  formats: 'format',
  errors: 'error',
}

export class Open311Error extends Error {
  constructor(
    readonly status: number,
    description: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(description)
  }
}

export const open311Errors = {
  badRequest: (d: string) => new Open311Error(400, d),
  forbidden: (d: string) => new Open311Error(403, d),
  notFound: (d: string) => new Open311Error(404, d),
}

/** `services.json` → { name: 'services', format: 'json' }; a missing or unknown format is a 400. */
export function splitFormat(file: string): { name: string; format: Format } {
  const dot = file.lastIndexOf('.')
  const ext = dot < 0 ? '' : file.slice(dot + 1).toLowerCase()
  if (!(FORMATS as readonly string[]).includes(ext)) {
    throw new Open311Error(400, `Unknown response format "${dot < 0 ? '' : file.slice(dot + 1)}": append .xml or .json to the resource (e.g. services.xml)`)
  }
  return { name: file.slice(0, dot), format: ext as Format }
}

/** The format of a path when it has a known one (for answering errors in kind), else XML. */
export function formatOfPath(path: string): Format {
  const m = /\.([a-z]+)$/i.exec(path)
  return m && m[1]!.toLowerCase() === 'json' ? 'json' : 'xml'
}

type Json = string | number | boolean | null | Json[] | { [k: string]: Json }

function xmlTree(value: Json, name: string): unknown {
  if (value === null) return ''
  if (Array.isArray(value)) {
    const item = SINGULAR[name] ?? 'item'
    return { [item]: value.map((v) => xmlTree(v, item)) }
  }
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) out[k] = xmlTree(v, k)
    return out
  }
  return value
}

const builder = new XMLBuilder({ format: true, indentBy: '  ', suppressEmptyNode: true, processEntities: true })

export function toXml(root: string, value: Json): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${builder.build({ [root]: xmlTree(value, root) }) as string}`
}

export function render(format: Format, root: string, value: Json, status = 200, headers: Record<string, string> = {}): Response {
  const body = format === 'json' ? JSON.stringify(value) : toXml(root, value)
  const type = format === 'json' ? 'application/json; charset=utf-8' : 'text/xml; charset=utf-8'
  return new Response(body, { status, headers: { 'content-type': type, ...headers } })
}

/**
 * The spec's error answer: a list of {code, description} where code is the HTTP status. Problems raised by
 * the platform's own layers (authorization, rate limits, intake) are answered in the same shape.
 */
export function errorResponse(err: unknown, format: Format): Response | null {
  let status: number
  let description: string
  let headers: Record<string, string> = {}
  if (err instanceof Open311Error) {
    status = err.status
    description = err.message
    headers = err.headers
  } else if (err instanceof Problem) {
    // Intake's 422s (unknown class, bad location) are the spec's 400 "bad input"; the rest keep their status.
    status = err.status === 422 ? 400 : err.status
    description = err.message
    headers = err.headers
  } else {
    return null
  }
  return render(format, 'errors', [{ code: status, description }], status, headers)
}
