import { sql } from 'drizzle-orm'
import { vi } from 'vitest'
import type { Database } from '../src/db/types.ts'
import { testApp } from './app.ts'
import { requestAs, type WhoLike } from './auth.ts'
import { mintPhoto, uploadMinted } from './minted-photos.ts'

/* eslint-disable @typescript-eslint/no-explicit-any */
export type Json = any

export interface Res {
  status: number
  headers: Headers
  body: Json
}

/** Points of the rectangle fixture (see test/fixtures/regions.ts). */
export const POINTS = {
  /** 涵东街道 涵东北社区 网格1 */
  handongNorth: { lng: 119.02, lat: 25.48 },
  /** 涵西街道 */
  hanxi: { lng: 119.12, lat: 25.48 },
  /** east of the district */
  outside: { lng: 119.3, lat: 25.47 },
}

/** A photo id, stored as the sending user's upload when first sent (test/minted-photos.ts). */
export const photo = () => mintPhoto()

/**
 * A small client for the incident API over the real app (no listener). Every call carries a real session:
 * `who` is a role or a user spec (test/auth.ts); default a dispatcher. Handlers and unit supervisors acting on
 * an incident are, unless a unit is given, users of the incident's current unit (rows are scoped by unit).
 */
export function incidentApi(database: () => Database) {
  const app = () => testApp(database())
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}, who: WhoLike = 'dispatcher'): Promise<Res> => {
    await uploadMinted(database(), who, body)
    const res = await requestAs(app(), database(), who, (session) =>
      app().request(path, {
        method,
        headers: { ...session, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    )
    const text = await res.text()
    return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null }
  }
  /** A role (or user) acting on incident `code`: unit roles get the incident's unit. */
  const actorFor = async (code: string, who: WhoLike): Promise<WhoLike> => {
    const w = typeof who === 'string' ? { role: who } : who
    const roles = w.roles ?? [w.role ?? 'dispatcher']
    if (w.unit || !roles.some((r) => r === 'handler' || r === 'unit_supervisor')) return who
    const [row] = await database().rows<{ unit: string | null }>(sql`SELECT unit_code AS unit FROM incident WHERE code = ${code}`)
    return row?.unit ? { ...w, roles, unit: row.unit } : who
  }
  const api = {
    call,
    create: (body: Record<string, unknown>, headers: Record<string, string> = {}, who: WhoLike = 'dispatcher') =>
      call('POST', '/api/incidents', body, headers, who),
    get: async (code: string, who: WhoLike = 'dispatcher') => call('GET', `/api/incidents/${code}`, undefined, {}, await actorFor(code, who)),
    events: async (code: string): Promise<Json[]> => (await call('GET', `/api/incidents/${code}/events`)).body.events,
    list: (query = '', who: WhoLike = 'dispatcher') => call('GET', `/api/incidents${query ? `?${query}` : ''}`, undefined, {}, who),
    act: async (code: string, action: string, body: Record<string, unknown>, who: WhoLike = 'dispatcher') =>
      call('POST', `/api/incidents/${code}/actions/${action}`, body, {}, await actorFor(code, who)),
    /** Takes the action with the incident's current version; expects success. */
    step: async (code: string, action: string, body: Record<string, unknown> = {}, who: WhoLike = 'dispatcher'): Promise<Json> => {
      const { body: cur } = await api.get(code)
      const r = await api.act(code, action, { version: cur.version, ...body }, who)
      if (r.status !== 200) throw new Error(`${action} on ${code} failed: ${r.status} ${JSON.stringify(r.body)}`)
      return r.body
    },
  }
  return api
}

export const complaint = (over: Record<string, unknown> = {}) => ({
  channel: 'hotline_12345',
  requestType: 'complaint',
  fineClass: '020602',
  location: POINTS.hanxi,
  address: '涵西街道 某路 1 号',
  description: '路边垃圾堆积多日无人清理',
  reporter: { name: '张三', phone: '13812341234' },
  ...over,
})

/** An urgent safety hazard (路面塌陷, R4). */
export const roadCollapse = (over: Record<string, unknown> = {}) => ({
  channel: 'hotline_12345',
  requestType: 'report',
  fineClass: '010502',
  location: POINTS.handongNorth,
  description: '路面塌陷，直径约一米',
  reporter: { name: '李四', phone: '13900001111' },
  ...over,
})

/** Freezes the API's clock at `iso` (only Date: timers and I/O keep running). */
export function freezeClock(iso: string): void {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(new Date(iso))
}

export function thaw(): void {
  vi.useRealTimers()
}

export async function timersOf(database: Database, code: string) {
  return database.rows<{ kind: string; due: string; pending: boolean; cancelled: boolean; fired: boolean }>(sql`
    SELECT t.kind, to_json(t.due_at) #>> '{}' AS due, (t.fired_at IS NULL AND t.cancelled_at IS NULL) AS pending,
           t.cancelled_at IS NOT NULL AS cancelled, t.fired_at IS NOT NULL AS fired
    FROM timer t JOIN incident i ON i.id = t.incident_id WHERE i.code = ${code} ORDER BY t.id`)
}

export async function pendingTimers(database: Database, code: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {}
  for (const t of await timersOf(database, code)) if (t.pending) out[t.kind] = new Date(t.due).getTime()
  return out
}

export async function count(database: Database, table: 'incident' | 'incident_event' | 'timer'): Promise<number> {
  const [r] = await database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM ${sql.raw(table)}`)
  return Number(r!.n)
}

export const ms = (iso: string) => new Date(iso).getTime()
export const HOUR = 3_600_000
export const MINUTE = 60_000
