import type { DueDelivery } from '../../db/repositories/webhooks.ts'

/** What one delivery attempt came to. `retry: false`: the endpoint refused it for good (4xx except 408/429). */
export type DeliveryResult = { ok: true; status: number } | { ok: false; status: number | null; error: string; retry: boolean }

/**
 * An outbound channel. `http` is built in; an SMS gateway or a government messaging bus
 * plugs in as another channel name on `unit_webhook.channel` with its own implementation.
 */
export interface NotificationChannel {
  readonly name: string
  deliver(d: DueDelivery): Promise<DeliveryResult>
}

/** The JSON a unit's endpoint receives: the notification, no personal data. */
export function webhookPayload(d: DueDelivery) {
  const n = d.notification
  return {
    id: `notification-${n.id}`,
    deliveryId: d.id,
    type: `notification.${n.kind}`,
    at: n.at,
    unitCode: d.webhook.unitCode,
    incident: { code: n.incidentCode },
    audience: { unitCode: n.unitCode, role: n.role },
    data: n.data,
  }
}
