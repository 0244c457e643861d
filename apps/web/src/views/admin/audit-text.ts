/**
 * The audit log as a person reads it: an action in words, the object by kind, and the detail as labelled values —
 * never a raw event code, a cut-off id or a JSON blob (docs/ARCHITECTURE.md, "audit log"). Unknown codes still
 * read as a plain phrase; the code itself stays in a tooltip for whoever investigates.
 */
export type Translate = (key: string, params?: Record<string, unknown>) => string
export type Exists = (key: string) => boolean

export interface AuditLike {
  action: string
  objectType: string | null
  objectId: string | null
  detail: unknown
}

export interface DetailItem {
  label: string
  value: string
}

const METHOD_ACTIONS: Record<string, string> = { 'api.post': 'post', 'api.put': 'put', 'api.patch': 'patch', 'api.delete': 'delete' }

/** "auth.login" → 登录; "api.post" on /api/incidents/:code/transitions → 案件办理 (or 提交 · 案件 when the route has no name). */
export function auditActionText(e: AuditLike, t: Translate, te: Exists): string {
  const key = `audit.actions.${e.action.replace(/\./g, '_')}`
  if (te(key)) return t(key)
  const route = routeOf(e.detail)
  if (route) {
    const routeKey = `audit.routes.${routeKeyOf(route)}`
    if (te(routeKey)) return t(routeKey)
  }
  const verb = METHOD_ACTIONS[e.action]
  if (verb) return t('audit.generic', { verb: t(`audit.verbs.${verb}`), object: auditObjectText(e.objectType, t, te) })
  return t('audit.actions.other')
}

export function auditObjectText(objectType: string | null, t: Translate, te: Exists): string {
  if (!objectType) return ''
  const key = `audit.objects.${objectType.replace(/[^a-z0-9_]/gi, '_')}`
  return te(key) ? t(key) : t('audit.objects.other')
}

function routeOf(detail: unknown): string | null {
  return detail && typeof detail === 'object' && typeof (detail as { route?: unknown }).route === 'string' ? (detail as { route: string }).route : null
}

/** "POST /api/incidents/:code/transitions" → "post_incidents_code_transitions" (an i18n key). */
export function routeKeyOf(route: string): string {
  const [method = '', path = ''] = route.split(' ')
  const parts = path.replace(/^\/api\//, '').split('/').map((p) => p.replace(/^:/, '').replace(/\{.*\}$/, '').replace(/[^a-z0-9]/gi, '_'))
  return [method.toLowerCase(), ...parts].filter(Boolean).join('_')
}

function valueText(v: unknown, t: Translate, te: Exists): string {
  if (v === null || v === undefined) return '—'
  if (typeof v === 'boolean') return t(v ? 'audit.yes' : 'audit.no')
  if (typeof v === 'string') return te(`audit.values.${v}`) ? t(`audit.values.${v}`) : v
  if (typeof v === 'number') return String(v)
  if (Array.isArray(v)) return v.map((x) => valueText(x, t, te)).join('、')
  return Object.entries(v as Record<string, unknown>)
    .map(([k, x]) => `${labelOf(k, t, te)} ${valueText(x, t, te)}`)
    .join('；')
}

function labelOf(key: string, t: Translate, te: Exists): string {
  return te(`audit.fields.${key}`) ? t(`audit.fields.${key}`) : key
}

/** The detail as labelled values; the route is left out (the action already says it), request parameters are flattened. */
export function auditDetailItems(detail: unknown, t: Translate, te: Exists): DetailItem[] {
  if (detail === null || detail === undefined) return []
  if (typeof detail !== 'object' || Array.isArray(detail)) return [{ label: t('audit.fields.note'), value: valueText(detail, t, te) }]
  const out: DetailItem[] = []
  for (const [k, v] of Object.entries(detail as Record<string, unknown>)) {
    if (k === 'route' || k === 'afterResponse') continue
    if (k === 'params' && v && typeof v === 'object') {
      for (const [pk, pv] of Object.entries(v as Record<string, unknown>)) out.push({ label: labelOf(pk, t, te), value: valueText(pv, t, te) })
      continue
    }
    out.push({ label: labelOf(k, t, te), value: valueText(v, t, te) })
  }
  return out
}
