import { sql } from 'drizzle-orm'
import type { OpenRequestRef, ServiceRequestState, SpecialService } from '@hanjiang/shared'
import type { AppDb, Database } from '../types.ts'
import { isoUtc } from './knowledge.ts'

export interface ServiceRequestRow {
  id: number
  publicCode: string
  kind: SpecialService
  itemCode: string
  itemVersion: number
  itemName: string
  itemNameEn: string | null
  pointCode: string
  pointName: string
  pointNameEn: string | null
  pointAddress: string
  slotAt: string
  citizenName: string
  citizenPhone: string
  address: string | null
  note: string | null
  channel: 'public_web' | 'hotline'
  state: ServiceRequestState
  deadline: string
  servedAt: string | null
  cancelledAt: string | null
  satisfaction: string | null
  createdAt: string
}

const ts = (col: string) => sql`CASE WHEN ${sql.raw(col)} IS NULL THEN NULL ELSE ${isoUtc(sql.raw(col))} END`

const COLUMNS = sql`r.id, r.public_code AS "publicCode", r.kind, r.item_code AS "itemCode", r.item_version AS "itemVersion",
  i.name AS "itemName", i.name_en AS "itemNameEn", r.point_code AS "pointCode", p.name AS "pointName", p.name_en AS "pointNameEn",
  p.address AS "pointAddress", ${isoUtc(sql`r.slot_at`)} AS "slotAt", r.citizen_name AS "citizenName", r.citizen_phone AS "citizenPhone",
  r.address, r.note, r.channel, r.state, ${isoUtc(sql`r.deadline`)} AS deadline, ${ts('r.served_at')} AS "servedAt",
  ${ts('r.cancelled_at')} AS "cancelledAt", r.satisfaction, ${isoUtc(sql`r.created_at`)} AS "createdAt"`
const FROM = sql`service_request r JOIN service_item i ON i.code = r.item_code AND i.version = r.item_version JOIN service_point p ON p.code = r.point_code`

const toRow = (r: Record<string, unknown>): ServiceRequestRow => ({ ...(r as unknown as ServiceRequestRow), id: Number(r.id), itemVersion: Number(r.itemVersion) })

export async function findRequestByCode(database: Database, publicCode: string, tx?: AppDb): Promise<ServiceRequestRow | null> {
  const [r] = await database.rows(sql`SELECT ${COLUMNS} FROM ${FROM} WHERE r.public_code = ${publicCode}`, tx)
  return r ? toRow(r) : null
}

/** A point's requests on a Shanghai day (the point's list), by slot. */
export async function requestsOfPoint(database: Database, pointCode: string, day: string): Promise<ServiceRequestRow[]> {
  const rows = await database.rows(sql`SELECT ${COLUMNS} FROM ${FROM}
    WHERE r.point_code = ${pointCode} AND (r.slot_at AT TIME ZONE 'Asia/Shanghai')::date = ${day}::date ORDER BY r.slot_at, r.id`)
  return rows.map(toRow)
}

/** The open (booked) requests of an item: what a catalogue edit must not orphan. Locks them against a race. */
export async function openRequestsOfItem(database: Database, tx: AppDb, itemCode: string): Promise<OpenRequestRef[]> {
  return database.rows<OpenRequestRef & Record<string, unknown>>(
    sql`SELECT r.public_code AS "publicCode", r.kind, r.point_code AS "pointCode", ${isoUtc(sql`r.slot_at`)} AS "slotAt"
      FROM service_request r WHERE r.item_code = ${itemCode} AND r.state = 'booked' ORDER BY r.slot_at, r.id FOR UPDATE`,
    tx,
  )
}

/** The per-slot capacity of a point on a day: the day's override, else the point's default. */
export async function slotCapacityOn(database: Database, pointCode: string, day: string, tx?: AppDb): Promise<number> {
  const [r] = await database.rows<{ n: number }>(
    sql`SELECT COALESCE((SELECT slot_capacity FROM service_day_capacity WHERE point_code = ${pointCode} AND day = ${day}::date),
      (SELECT slot_capacity FROM service_point WHERE code = ${pointCode}))::int AS n`,
    tx,
  )
  return Number(r?.n ?? 0)
}

/**
 * Takes one seat of a slot, or none when it is full: ONE statement that inserts the slot row or, if it exists,
 * increments it only while booked < capacity. ON CONFLICT DO UPDATE locks the row, so concurrent bookings of
 * the last seat serialize and exactly one wins. Answers whether a seat was taken.
 */
export async function takeSeat(database: Database, tx: AppDb, pointCode: string, slotAt: Date, capacity: number): Promise<boolean> {
  if (capacity < 1) return false
  const rows = await database.rows(
    sql`INSERT INTO service_slot (point_code, slot_at, capacity, booked) VALUES (${pointCode}, ${slotAt.toISOString()}::timestamptz, ${capacity}, 1)
      ON CONFLICT (point_code, slot_at) DO UPDATE SET booked = service_slot.booked + 1
      WHERE service_slot.booked < service_slot.capacity
      RETURNING booked`,
    tx,
  )
  return rows.length === 1
}

export async function releaseSeat(database: Database, tx: AppDb, pointCode: string, slotAt: string): Promise<void> {
  await database.rows(sql`UPDATE service_slot SET booked = booked - 1 WHERE point_code = ${pointCode} AND slot_at = ${slotAt}::timestamptz AND booked > 0`, tx)
}

/** Seats taken per slot of a point on a Shanghai day. */
export async function slotsOfDay(database: Database, pointCode: string, day: string): Promise<{ slotAt: string; booked: number; capacity: number }[]> {
  const rows = await database.rows(sql`SELECT ${isoUtc(sql`slot_at`)} AS "slotAt", booked, capacity FROM service_slot
    WHERE point_code = ${pointCode} AND (slot_at AT TIME ZONE 'Asia/Shanghai')::date = ${day}::date ORDER BY slot_at`)
  return rows.map((r) => ({ slotAt: r.slotAt as string, booked: Number(r.booked), capacity: Number(r.capacity) }))
}

export interface NewServiceRequest {
  publicCode: string
  kind: SpecialService
  itemCode: string
  itemVersion: number
  pointCode: string
  slotAt: Date
  citizenName: string
  citizenPhone: string
  address: string | null
  location: { lng: number; lat: number } | null
  note: string | null
  channel: 'public_web' | 'hotline'
  createdBy: string
  deadline: Date
  at: Date
}

export async function insertRequest(database: Database, tx: AppDb, r: NewServiceRequest): Promise<void> {
  const loc = r.location ? sql`ST_SetSRID(ST_MakePoint(${r.location.lng}, ${r.location.lat}), 4326)` : sql`NULL`
  await database.rows(
    sql`INSERT INTO service_request (public_code, kind, item_code, item_version, point_code, slot_at, citizen_name, citizen_phone, address,
      location, note, channel, created_by, deadline, created_at)
    VALUES (${r.publicCode}, ${r.kind}, ${r.itemCode}, ${r.itemVersion}, ${r.pointCode}, ${r.slotAt.toISOString()}::timestamptz, ${r.citizenName}, ${r.citizenPhone},
      ${r.address}, ${loc}, ${r.note}, ${r.channel}, ${r.createdBy}, ${r.deadline.toISOString()}::timestamptz, ${r.at.toISOString()}::timestamptz)`,
    tx,
  )
}

/** Moves a booked request to `to` if it is still booked; answers whether it did. */
export async function closeRequest(database: Database, tx: AppDb, publicCode: string, to: 'served' | 'cancelled' | 'no_show', at: Date): Promise<boolean> {
  const rows = await database.rows(
    sql`UPDATE service_request SET state = ${to}::text,
      served_at = CASE WHEN ${to}::text = 'served' THEN ${at.toISOString()}::timestamptz ELSE served_at END,
      cancelled_at = CASE WHEN ${to}::text = 'cancelled' THEN ${at.toISOString()}::timestamptz ELSE cancelled_at END
    WHERE public_code = ${publicCode} AND state = 'booked' RETURNING id`,
    tx,
  )
  return rows.length === 1
}

/** The citizen's rating of a served request, once. */
export async function rateRequest(database: Database, publicCode: string, rating: string, at: Date): Promise<boolean> {
  const rows = await database.rows(
    sql`UPDATE service_request SET satisfaction = ${rating}, rated_at = ${at.toISOString()}::timestamptz WHERE public_code = ${publicCode} AND state = 'served' AND satisfaction IS NULL RETURNING id`,
  )
  return rows.length === 1
}
