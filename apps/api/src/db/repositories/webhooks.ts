import { sql } from 'drizzle-orm'
import type { Database } from '../types.ts'

export interface WebhookRow extends Record<string, unknown> {
  id: number
  unitCode: string
  channel: string
  url: string
  active: boolean
  /** `native` or `open311` (the GeoReport request_update shape). */
  format: string
}

export async function upsertWebhook(
  database: Database,
  w: { unitCode: string; channel: string; url: string; secret: string; active: boolean; format?: string },
): Promise<WebhookRow> {
  const [row] = await database.rows<WebhookRow>(sql`
    INSERT INTO unit_webhook (unit_code, channel, url, secret, active, format)
    VALUES (${w.unitCode}, ${w.channel}, ${w.url}, ${w.secret}, ${w.active}, ${w.format ?? 'native'})
    ON CONFLICT (unit_code, channel) DO UPDATE SET url = EXCLUDED.url, secret = EXCLUDED.secret, active = EXCLUDED.active, format = EXCLUDED.format
    RETURNING id, unit_code AS "unitCode", channel, url, active, format`)
  return { ...row!, id: Number(row!.id) }
}

export async function listWebhooks(database: Database, unitCode: string): Promise<WebhookRow[]> {
  return database.rows<WebhookRow>(sql`
    SELECT id, unit_code AS "unitCode", channel, url, active, format FROM unit_webhook WHERE unit_code = ${unitCode} ORDER BY id`)
}

/** A leased delivery with what its channel needs: the endpoint and the notification (no personal data). */
export interface DueDelivery {
  id: number
  attempts: number
  webhook: { id: number; unitCode: string; channel: string; url: string; secret: string; format: string }
  notification: { id: number; kind: string; incidentCode: string; at: string; unitCode: string | null; role: string | null; data: unknown }
  /** The incident's state now (for the Open311 request_update shape). */
  incidentState: string | null
}

/**
 * Leases up to `limit` due deliveries for `leaseMs` (one statement; SKIP LOCKED: several workers never
 * take the same row; a worker that dies mid-send leaves the row to be taken again when the lease ends).
 */
export async function leaseDueDeliveries(database: Database, now: Date, leaseMs: number, limit: number): Promise<DueDelivery[]> {
  const at = now.toISOString()
  const until = new Date(now.getTime() + leaseMs).toISOString()
  const rows = await database.rows(sql`
    WITH due AS (
      SELECT id FROM webhook_delivery
      WHERE delivered_at IS NULL AND failed_at IS NULL AND due_at <= ${at}::timestamptz
        AND (leased_until IS NULL OR leased_until <= ${at}::timestamptz)
      ORDER BY due_at LIMIT ${limit} FOR UPDATE SKIP LOCKED
    ), leased AS (
      UPDATE webhook_delivery d SET leased_until = ${until}::timestamptz FROM due WHERE d.id = due.id
      RETURNING d.id, d.attempts, d.webhook_id, d.notification_id
    )
    SELECT l.id, l.attempts, w.id AS "webhookId", w.unit_code AS "unitCode", w.channel, w.url, w.secret, w.format,
      n.id AS "notificationId", n.kind, n.incident_code AS "incidentCode", to_json(n.at) #>> '{}' AS at,
      n.unit_code AS "nUnit", n.role AS "nRole", n.data, i.state AS "incidentState"
    FROM leased l JOIN unit_webhook w ON w.id = l.webhook_id JOIN notification n ON n.id = l.notification_id
      LEFT JOIN incident i ON i.code = n.incident_code AND w.format = 'open311'
    ORDER BY l.id`)
  return rows.map((r) => ({
    id: Number(r.id),
    attempts: Number(r.attempts),
    webhook: { id: Number(r.webhookId), unitCode: String(r.unitCode), channel: String(r.channel), url: String(r.url), secret: String(r.secret), format: String(r.format ?? 'native') },
    incidentState: (r.incidentState as string | null) ?? null,
    notification: {
      id: Number(r.notificationId),
      kind: String(r.kind),
      incidentCode: String(r.incidentCode),
      at: String(r.at),
      unitCode: (r.nUnit as string | null) ?? null,
      role: (r.nRole as string | null) ?? null,
      data: typeof r.data === 'string' ? JSON.parse(r.data) : r.data,
    },
  }))
}

export async function markDelivered(database: Database, id: number, status: number, at: Date): Promise<void> {
  await database.rows(sql`
    UPDATE webhook_delivery SET delivered_at = ${at.toISOString()}::timestamptz, attempts = attempts + 1,
      last_status = ${status}, last_error = NULL, leased_until = NULL
    WHERE id = ${id} RETURNING id`)
}

/** A failed attempt: retry at `retryAt`, or give up (`retryAt` null). */
export async function markAttemptFailed(
  database: Database,
  id: number,
  r: { status: number | null; error: string; retryAt: Date | null; at: Date },
): Promise<void> {
  await database.rows(sql`
    UPDATE webhook_delivery SET attempts = attempts + 1, last_status = ${r.status}, last_error = ${r.error.slice(0, 500)},
      leased_until = NULL,
      due_at = coalesce(${r.retryAt?.toISOString() ?? null}::timestamptz, due_at),
      failed_at = CASE WHEN ${r.retryAt === null} THEN ${r.at.toISOString()}::timestamptz END
    WHERE id = ${id} RETURNING id`)
}

export interface DeliveryStatusRow extends Record<string, unknown> {
  id: number
  notificationId: number
  attempts: number
  lastStatus: number | null
  lastError: string | null
  deliveredAt: string | null
  failedAt: string | null
}

export async function listDeliveries(database: Database, unitCode: string, limit: number): Promise<DeliveryStatusRow[]> {
  const rows = await database.rows<DeliveryStatusRow>(sql`
    SELECT d.id, d.notification_id AS "notificationId", d.attempts, d.last_status AS "lastStatus", d.last_error AS "lastError",
      to_json(d.delivered_at) #>> '{}' AS "deliveredAt", to_json(d.failed_at) #>> '{}' AS "failedAt"
    FROM webhook_delivery d JOIN unit_webhook w ON w.id = d.webhook_id
    WHERE w.unit_code = ${unitCode} ORDER BY d.id DESC LIMIT ${limit}`)
  return rows.map((r) => ({ ...r, id: Number(r.id), notificationId: Number(r.notificationId), attempts: Number(r.attempts) }))
}
