import { sql } from 'drizzle-orm'
import type { Hono } from 'hono'
import { regionPrefix, type RegionLevel, type UserRole } from '@hanjiang/shared'
import { hash } from '@node-rs/argon2'
import { findUserByUsername, insertUser } from '../src/db/repositories/accounts.ts'
import type { Database } from '../src/db/types.ts'

/** Sign-in helpers for API tests: users are created on demand, sessions are real (cookie + CSRF token). */

export const TEST_PASSWORD = 'Test-Password-1'
let hashOnce: Promise<string> | undefined
// Test users get a deliberately cheap argon2id hash (1 MiB, 1 pass): verify reads the cost from the hash, so
// sign-ins in tests take ~1 ms instead of ~100 ms. Real accounts are hashed by src/auth/crypto.ts.
const testHash = () => (hashOnce ??= hash(TEST_PASSWORD, { algorithm: 2, memoryCost: 1024, timeCost: 1, parallelism: 1 }))

export interface Who {
  /** Default: derived from roles, unit and areas (e.g. `handler@transport`). */
  username?: string
  roles?: UserRole[]
  role?: UserRole
  /** Unit code; default per role (handler/unit_supervisor: city_admin, grid_admin: the 涵东 street office, else the command center). */
  unit?: string
  /** Region codes of the areas (inspector, grid_admin). Default: the whole district. */
  areas?: string[]
  mustChangePassword?: boolean
}

export type WhoLike = UserRole | Who

const DEFAULT_UNIT: Partial<Record<UserRole, string>> = {
  handler: 'city_admin',
  unit_supervisor: 'city_admin',
  grid_admin: 'office_350303001',
  efficiency_office: 'efficiency_office',
  service_admin: 'service_center',
}

/** District 12 digits ending 000000, street ending 000, community 12 digits, grid 15. */
function levelOf(code: string): RegionLevel {
  if (code.length === 15) return 'grid'
  if (code.endsWith('000000')) return 'district'
  if (code.endsWith('000')) return 'street'
  return 'community'
}

export function normalise(who: WhoLike): Required<Omit<Who, 'role'>> {
  const w: Who = typeof who === 'string' ? { role: who } : who
  const roles = w.roles ?? [w.role ?? 'dispatcher']
  const unit = w.unit ?? DEFAULT_UNIT[roles[0]!] ?? 'command_center'
  const areas = w.areas ?? (roles.some((r) => r === 'inspector' || r === 'grid_admin') ? ['350303000000'] : [])
  // A bare role signs in as a user named after it (`dispatcher`); specs get a name from their unit and areas.
  const derived = typeof who === 'string' ? who : `${roles.join('+')}@${unit}${areas.length ? `@${areas.join('-')}` : ''}`
  const username = (w.username ?? derived).toLowerCase()
  return { username, roles, unit, areas, mustChangePassword: w.mustChangePassword ?? false }
}

/** Creates the user (and its unit, when a test database has none) unless the username exists. */
export async function ensureUser(database: Database, who: WhoLike): Promise<string> {
  const w = normalise(who)
  if (await findUserByUsername(database, w.username)) return w.username
  await database.rows(sql`INSERT INTO unit (code, name, kind) VALUES (${w.unit}, ${w.unit}, 'department') ON CONFLICT (code) DO NOTHING`)
  await insertUser(database, {
    username: w.username,
    displayName: w.username,
    unitCode: w.unit,
    passwordHash: await testHash(),
    mustChangePassword: w.mustChangePassword,
    roles: w.roles,
    areas: w.areas.map((code) => ({ code, prefix: regionPrefix(code, levelOf(code)) })),
  })
  return w.username
}

export interface Session {
  /** Headers for app.request(): cookie + X-CSRF-Token. */
  headers: Record<string, string>
  csrfToken: string
  sessionId: string
  username: string
}

/** Signs in over the real login route and returns the headers of that session. */
export async function signIn(app: Pick<Hono, 'request'>, database: Database, who: WhoLike = 'dispatcher'): Promise<Session> {
  const username = await ensureUser(database, who)
  const res = await app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: TEST_PASSWORD }),
  })
  if (res.status !== 200) throw new Error(`sign-in as ${username} failed: ${res.status} ${await res.text()}`)
  const body = (await res.json()) as { csrfToken: string }
  const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]!)
  const sessionId = cookies.find((c) => c.startsWith('hj_session='))!.slice('hj_session='.length)
  return {
    headers: { cookie: cookies.join('; '), 'x-csrf-token': body.csrfToken },
    csrfToken: body.csrfToken,
    sessionId,
    username,
  }
}

const cache = new WeakMap<Database, Map<string, Promise<Session>>>()

/** A signed-in session for `who` on this database, reused across calls (one sign-in per user per database). */
export function sessionFor(app: Pick<Hono, 'request'>, database: Database, who: WhoLike = 'dispatcher'): Promise<Session> {
  let m = cache.get(database)
  if (!m) cache.set(database, (m = new Map()))
  const key = normalise(who).username
  let s = m.get(key)
  if (!s) {
    s = signIn(app, database, who)
    s.catch(() => m!.delete(key))
    m.set(key, s)
  }
  return s
}

/** Forget cached sessions (after a test revoked or expired them). */
export function forgetSessions(database: Database): void {
  cache.delete(database)
}

/**
 * Sends with the cached session of `who`; on 401 (the session ran out — PGlite's now() follows a frozen test
 * clock, so a jump forward expires it) signs in afresh once and resends.
 */
export async function requestAs(
  app: Pick<Hono, 'request'>,
  database: Database,
  who: WhoLike,
  send: (headers: Record<string, string>) => Promise<Response> | Response,
): Promise<Response> {
  const first = await send((await sessionFor(app, database, who)).headers)
  if (first.status !== 401) return first
  cache.get(database)?.delete(normalise(who).username)
  return send((await sessionFor(app, database, who)).headers)
}

/** `app` whose request() carries the session of `who` (explicit headers given to a call win). */
export function asUser<A extends Pick<Hono, 'request'>>(app: A, database: Database, who: WhoLike): A {
  const request = app.request.bind(app) as Hono['request']
  const wrapped = (async (input: string | Request | URL, init?: RequestInit, ...rest: unknown[]) =>
    requestAs({ request }, database, who, (session) => {
      const headers = new Headers(init?.headers)
      for (const [k, v] of Object.entries(session)) if (!headers.has(k)) headers.set(k, v)
      return (request as (...a: unknown[]) => Promise<Response>)(input, { ...init, headers }, ...rest)
    })) as Hono['request']
  return Object.assign(Object.create(app) as A, { request: wrapped })
}
