import { formatShanghai, STATE_LABELS, type IncidentState } from '@hanjiang/shared'
import { CLOSED_STATES } from '../../db/repositories/open311.ts'
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

/** The webhook's answer formats: the native notification JSON, or Open311's request_update shape. */
export const WEBHOOK_FORMATS = ['native', 'open311'] as const

/** The JSON a unit's endpoint receives: the notification (or its Open311 update), no personal data. */
export function webhookPayload(d: DueDelivery) {
  return d.webhook.format === 'open311' ? open311RequestUpdate(d) : nativePayload(d)
}

/**
 * A city platform that speaks Open311 follows our updates as GeoReport service request updates (the shape
 * FixMyStreet's servicerequestupdates uses): one update per notification, the request's status now (open/closed),
 * our state as external_status_code. No personal data: the status note is the state's label.
 */
export function open311RequestUpdate(d: DueDelivery) {
  const n = d.notification
  const state = d.incidentState
  const label = state ? STATE_LABELS[state as IncidentState] : undefined
  const at = new Date(n.at)
  return [
    {
      update_id: `notification-${n.id}`,
      service_request_id: n.incidentCode,
      status: state && (CLOSED_STATES as readonly string[]).includes(state) ? 'closed' : 'open',
      updated_datetime: Number.isNaN(at.getTime()) ? n.at : formatShanghai(new Date(Math.floor(at.getTime() / 1000) * 1000)),
      description: label ? `${label.zh} (${label.en}) — ${n.kind}` : n.kind,
      media_url: null,
      external_status_code: state,
    },
  ]
}

function nativePayload(d: DueDelivery) {
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
