import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

/**
 * One wire contract: the web takes the API's answers from the generated contract (./contract.ts over
 * ./schema.d.ts), never from a hand-written copy. This fails when src/api declares a new interface or object type
 * that is not on the short list below, and when any file in src declares a type named like a contract schema.
 */

const API_DIR = import.meta.dirname
const SRC = path.resolve(API_DIR, '..')

/** Client-side types that are not API answers: the fetch client, error reading, the screens' own query state. */
const CLIENT_SIDE = new Set([
  'client.ts:FieldError',
  'client.ts:RequestOptions',
  'client.ts:ApiClientOptions',
  'client.ts:ApiClient',
  'messages.ts:ErrorDescription',
  // The client reads problems tolerantly (any server or proxy may answer); the API's own shape is Schemas['Problem'].
  'types.ts:ProblemFieldError',
  'types.ts:ProblemDetails',
  'incident-map.ts:IncidentMapFilters',
  'incident-map.ts:IncidentMapQuery',
  'types.ts:AssignQuery',
])

/**
 * Answers whose routes the OpenAPI document describes without a response schema yet (`anyJson` / GeoJSON in
 * apps/api/src/routes): still typed by hand here. The list may only shrink — give the route a schema in
 * packages/shared/src/contract, run `npm run api:types`, and take the type from `Schemas`.
 */
const NOT_YET_IN_CONTRACT = new Set([
  'incident-map.ts:Named',
  'incident-map.ts:WallStats',
  'incidents.ts:KnowledgeMatch',
  'patrol-routes.ts:PatrolRoutesView',
  'patrol.ts:Coverage',
  'patrol.ts:PatrolGrid',
  'patrol.ts:IncidentBrief',
  'types.ts:RegionProperties',
  // GET /api/regions/:code/versions: a GeoJSON answer (the grid editor's history).
  'types.ts:RegionVersionProperties',
  'types.ts:RegionLabelProperties',
  'types.ts:RegionRef',
  'types.ts:RegionDetail',
  'types.ts:AssignmentResult',
  'types.ts:AreaProperties',
  'work.ts:Section',
  'work.ts:ArrivalCheck',
  'work.ts:WebhookState',
  'work.ts:IncidentVersion',
])

/** `interface X` and `type X = {…}` declarations (not aliases of contract types). */
function handDeclared(text: string): string[] {
  const names: string[] = []
  for (const m of text.matchAll(/^\s*(?:export\s+)?(?:interface\s+(\w+)|type\s+(\w+)(?:<[^>]*>)?\s*=\s*\{)/gm)) names.push((m[1] ?? m[2])!)
  return names
}

function files(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name)
    if (e.isDirectory()) files(p, out)
    else if (/\.(ts|vue)$/.test(e.name) && !e.name.endsWith('.d.ts')) out.push(p)
  }
  return out
}

describe('the web has no hand-written copy of an API answer type', () => {
  it('src/api declares only client-side types and the answers still waiting for a schema', () => {
    const found: string[] = []
    for (const f of fs.readdirSync(API_DIR).filter((n) => n.endsWith('.ts') && !n.endsWith('.d.ts') && !n.endsWith('.test.ts'))) {
      for (const name of handDeclared(fs.readFileSync(path.join(API_DIR, f), 'utf8'))) found.push(`${f}:${name}`)
    }
    const unexpected = found.filter((k) => !CLIENT_SIDE.has(k) && !NOT_YET_IN_CONTRACT.has(k))
    expect(unexpected, 'take API answer types from ./contract.ts (Schemas, JsonAnswer, JsonBody, QueryOf)').toEqual([])
    // A type that moved to the contract leaves the list too, so the list says what is left.
    expect([...NOT_YET_IN_CONTRACT].filter((k) => !found.includes(k)), 'remove these from NOT_YET_IN_CONTRACT').toEqual([])
  })

  it('no file in src declares a type named like a contract schema', () => {
    const schema = fs.readFileSync(path.join(API_DIR, 'schema.d.ts'), 'utf8')
    const block = schema.slice(schema.indexOf('export interface components'))
    const names = new Set([...block.matchAll(/^ {8}(\w+): \{/gm)].map((m) => m[1]!))
    expect(names.has('IncidentDetail')).toBe(true)
    const clashes: string[] = []
    for (const f of files(SRC)) {
      if (f.endsWith('.test.ts')) continue
      for (const name of handDeclared(fs.readFileSync(f, 'utf8'))) {
        if (names.has(name)) clashes.push(`${path.relative(SRC, f)}: ${name}`)
      }
    }
    expect(clashes, 'use Schemas[name] from src/api/contract.ts').toEqual([])
  })

  it('the detector finds what it should', () => {
    expect(handDeclared('export interface A {\n}\ntype B = { x: 1 }\nexport type C = Schemas["C"]\ninterface D extends E {}')).toEqual(['A', 'B', 'D'])
  })
})
