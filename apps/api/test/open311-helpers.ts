import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { sha256 } from '../src/auth/crypto.ts'
import { insertApiKey } from '../src/db/repositories/api-keys.ts'
import type { Database } from '../src/db/types.ts'

/* eslint-disable @typescript-eslint/no-explicit-any */

/** Plural element → its items, as the GeoReport XML nests lists. */
export const SINGULAR: Record<string, string> = {
  services: 'service', service_requests: 'request', attributes: 'attribute', values: 'value',
  endpoints: 'endpoint', formats: 'format', errors: 'error',
}
const ITEMS = new Set(Object.values(SINGULAR))

/** Parses GeoReport XML (throws unless well-formed), text values as strings, list items always as arrays. */
export function parseXml(xml: string): any {
  const valid = XMLValidator.validate(xml)
  if (valid !== true) throw new Error(`XML is not well-formed: ${JSON.stringify(valid.err)}`)
  if (!xml.startsWith('<?xml version="1.0" encoding="utf-8"?>')) throw new Error('XML lacks its declaration with encoding="utf-8"')
  const parser = new XMLParser({ parseTagValue: false, ignoreDeclaration: true, isArray: (name) => ITEMS.has(name) })
  return parser.parse(xml)
}

/** The JSON answer as its XML mapping reads back: lists nested under their item name, null as '', scalars as text. */
export function asXmlReads(value: any, name: string): any {
  if (value === null || value === undefined) return ''
  if (Array.isArray(value)) return value.length ? { [SINGULAR[name] ?? 'item']: value.map((v) => asXmlReads(v, SINGULAR[name] ?? 'item')) } : ''
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, asXmlReads(v, k)]))
  return String(value)
}

/** Issues a unit key straight in the database (the admin API has its own tests). */
export async function issueKey(
  database: Database,
  key: string,
  over: { scopes?: string[]; rateLimitPerMinute?: number; unitCode?: string; name?: string } = {},
): Promise<string> {
  const row = await insertApiKey(database, {
    name: over.name ?? `key-${key.slice(0, 6)}`, unitCode: over.unitCode ?? 'command_center', scopes: over.scopes ?? ['open311:write'],
    rateLimitPerMinute: over.rateLimitPerMinute ?? 1000, tokenHash: sha256(key), tokenPrefix: key.slice(0, 10), createdBy: null, expiresAt: null,
  })
  return row.id
}
