import { randomUUID } from 'node:crypto'
import { sql } from 'drizzle-orm'
import type { Config } from '../src/config.ts'
import type { Database } from '../src/db/types.ts'
import { testApp } from './app.ts'
import type { WhoLike } from './auth.ts'

/* eslint-disable @typescript-eslint/no-explicit-any */
export type Json = any
export interface Res {
  status: number
  headers: Headers
  body: Json
}

/** Points of the rectangle fixture (test/fixtures/regions.ts). */
export const HANXI = { lng: 119.12, lat: 25.48 }

export const HANDLER: WhoLike = { role: 'handler', unit: 'city_admin', username: 'handler-ca' }
export const SUPERVISOR: WhoLike = { role: 'unit_supervisor', unit: 'city_admin', username: 'sup-ca' }
export const OTHER_HANDLER: WhoLike = { role: 'handler', unit: 'office_350303002', username: 'handler-hx' }
export const DISPATCHER: WhoLike = { role: 'dispatcher', username: 'seat-1' }
export const INSPECTOR: WhoLike = { role: 'inspector', username: 'insp-1' }

/** Calls the real app as `who` (a signed-in session), or without a session. */
export function client(database: () => Database, overrides: Partial<Config> = {}) {
  const call = async (who: WhoLike | null, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Res> => {
    const app = who === null ? testApp(database(), overrides) : testApp(database(), overrides, who)
    const res = await app.request(path, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const type = res.headers.get('content-type') ?? ''
    const text = type.includes('json') ? await res.text() : ''
    return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : res }
  }
  const api = {
    call,
    /** A complaint taken by the hotline and registered (the dispatcher's steps), not yet dispatched. */
    registered: async (over: Record<string, unknown> = {}): Promise<string> => {
      const c = await call(DISPATCHER, 'POST', '/api/incidents', {
        channel: 'hotline_12345',
        requestType: 'complaint',
        fineClass: '020602',
        location: HANXI,
        address: '涵西街道 某路 1 号',
        description: '路边垃圾堆积多日无人清理',
        reporter: { name: '张三', phone: '13812341234' },
        ...over,
      })
      if (c.status !== 201) throw new Error(`create: ${c.status} ${JSON.stringify(c.body)}`)
      await api.step(DISPATCHER, c.body.code, 'register', { incidentType: 'complaint' })
      return c.body.code
    },
    get: async (code: string): Promise<Json> => (await call(DISPATCHER, 'GET', `/api/incidents/${code}`)).body,
    step: async (who: WhoLike, code: string, action: string, body: Record<string, unknown> = {}): Promise<Json> => {
      const cur = await api.get(code)
      const r = await call(who, 'POST', `/api/incidents/${code}/actions/${action}`, { version: cur.version, ...body })
      if (r.status !== 200) throw new Error(`${action} on ${code}: ${r.status} ${JSON.stringify(r.body)}`)
      return r.body
    },
    dispatched: async (unitCode = 'city_admin'): Promise<string> => {
      const code = await api.registered()
      await api.step(DISPATCHER, code, 'dispatch', { unitCode })
      return code
    },
  }
  return api
}

export const photoId = () => randomUUID()

/** A section (股室) under a unit. */
export async function addSection(database: Database, code: string, parent: string): Promise<void> {
  await database.rows(sql`INSERT INTO unit (code, name, name_en, kind, parent_code) VALUES (${code}, ${`${code} 股室`}, ${code}, 'section', ${parent})
    ON CONFLICT (code) DO NOTHING`)
}
