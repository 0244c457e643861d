/**
 * The API reference page (`GET /api/docs`): plain HTML rendered from the OpenAPI document, so it works on the
 * intranet with no script and no CDN. Schemas are shown in a compact TypeScript-like notation; named schemas
 * (components) link to their section.
 */

type Schema = Record<string, unknown>
type Operation = {
  summary?: string
  description?: string
  tags?: string[]
  parameters?: { in: string; name: string; required?: boolean; description?: string; schema?: Schema }[]
  requestBody?: { description?: string; content?: Record<string, { schema?: Schema }> }
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: Schema }> }>
}

const esc = (s: unknown) =>
  String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

const anchor = (s: string) => s.replace(/[^A-Za-z0-9_-]+/g, '-')

/** A schema as one readable type expression (HTML). */
export function typeOf(s: Schema | undefined, depth = 0): string {
  if (!s || Object.keys(s).length === 0) return 'any'
  if (typeof s.$ref === 'string') {
    const name = s.$ref.split('/').pop()!
    return `<a href="#schema-${anchor(name)}">${esc(name)}</a>`
  }
  const alt = (s.anyOf ?? s.oneOf) as Schema[] | undefined
  if (alt) return alt.map((x) => typeOf(x, depth)).join(' | ')
  if (Array.isArray(s.allOf)) return (s.allOf as Schema[]).map((x) => typeOf(x, depth)).join(' &amp; ')
  if (Array.isArray(s.enum)) return (s.enum as unknown[]).map((v) => esc(JSON.stringify(v))).join(' | ')
  if ('const' in s) return esc(JSON.stringify(s.const))
  const types = Array.isArray(s.type) ? (s.type as string[]) : [s.type as string | undefined]
  const nullable = types.includes('null') ? ' | null' : ''
  const type = types.find((t) => t !== 'null')
  if (type === 'array') return `${typeOf(s.items as Schema, depth)}[]${nullable}`
  if (type === 'object' || s.properties) {
    const props = (s.properties ?? {}) as Record<string, Schema>
    const required = new Set((s.required ?? []) as string[])
    const keys = Object.keys(props)
    if (!keys.length) return `object${nullable}`
    if (depth > 6) return `{…}${nullable}`
    const pad = '  '.repeat(depth + 1)
    const lines = keys.map((k) => `${pad}${esc(k)}${required.has(k) ? '' : '?'}: ${typeOf(props[k], depth + 1)}`)
    return `{\n${lines.join('\n')}\n${'  '.repeat(depth)}}${nullable}`
  }
  const format = typeof s.format === 'string' ? ` <small>(${esc(s.format)})</small>` : ''
  return `${esc(type ?? 'any')}${format}${nullable}`
}

function content(c: Record<string, { schema?: Schema }> | undefined): string {
  if (!c) return ''
  return Object.entries(c)
    .map(([type, m]) => `<div class="media">${esc(type)}</div><pre>${typeOf(m.schema)}</pre>`)
    .join('')
}

function operation(method: string, path: string, op: Operation): string {
  const params = op.parameters ?? []
  const rows = params
    .map(
      (p) =>
        `<tr><td><code>${esc(p.name)}</code>${p.required ? ' <b>*</b>' : ''}</td><td>${esc(p.in)}</td><td><code>${typeOf(p.schema)}</code></td><td>${esc(p.description ?? '')}</td></tr>`,
    )
    .join('')
  const responses = Object.entries(op.responses ?? {})
    .map(([status, r]) => `<h4>${esc(status)} — ${esc(r.description ?? '')}</h4>${content(r.content)}`)
    .join('')
  return `<details id="${anchor(`${method}-${path}`)}"><summary><span class="m ${method}">${method.toUpperCase()}</span> <code>${esc(path)}</code> ${esc(op.summary ?? '')}</summary>
${op.description ? `<p>${esc(op.description)}</p>` : ''}
${rows ? `<table><tr><th>parameter</th><th>in</th><th>type</th><th></th></tr>${rows}</table>` : ''}
${op.requestBody ? `<h4>Request body${op.requestBody.description ? ` — ${esc(op.requestBody.description)}` : ''}</h4>${content(op.requestBody.content)}` : ''}
${responses}</details>`
}

export function referencePage(doc: Record<string, unknown>): string {
  const info = (doc.info ?? {}) as { title?: string; description?: string; version?: string }
  const paths = (doc.paths ?? {}) as Record<string, Record<string, Operation>>
  const byTag = new Map<string, string[]>()
  for (const [path, ops] of Object.entries(paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const tag = op.tags?.[0] ?? 'other'
      if (!byTag.has(tag)) byTag.set(tag, [])
      byTag.get(tag)!.push(operation(method, path, op))
    }
  }
  const schemas = ((doc.components as { schemas?: Record<string, Schema> } | undefined)?.schemas ?? {}) as Record<string, Schema>
  const tags = [...byTag.keys()]
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(info.title ?? 'API')} — reference</title>
<style>
body{font:14px/1.5 system-ui,sans-serif;margin:0 auto;max-width:1100px;padding:1rem 2rem;color:#1f2328}
h1{font-size:1.5rem}h2{border-bottom:1px solid #d0d7de;padding-bottom:.2rem;margin-top:2rem}h4{margin:.6rem 0 .2rem}
nav a{margin-right:.8rem}details{border:1px solid #d0d7de;border-radius:6px;margin:.4rem 0;padding:.3rem .6rem}
summary{cursor:pointer}pre{background:#f6f8fa;padding:.5rem;border-radius:4px;overflow:auto;margin:.2rem 0}
table{border-collapse:collapse;margin:.4rem 0}td,th{border:1px solid #d0d7de;padding:.15rem .5rem;text-align:left;vertical-align:top}
.m{display:inline-block;min-width:4rem;font-weight:600;font-family:monospace}.get{color:#0969da}.post{color:#1a7f37}
.patch,.put{color:#9a6700}.delete{color:#cf222e}.media{color:#57606a;font-size:12px}
</style></head><body>
<h1>${esc(info.title ?? 'API')} <small>v${esc(info.version ?? '')}</small></h1>
<p>${esc(info.description ?? '')}</p>
<p>Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI ${esc(doc.openapi)}).</p>
<nav>${tags.map((t) => `<a href="#tag-${anchor(t)}">${esc(t)}</a>`).join('')}<a href="#schemas">schemas</a></nav>
${tags.map((t) => `<h2 id="tag-${anchor(t)}">${esc(t)}</h2>${byTag.get(t)!.join('\n')}`).join('\n')}
<h2 id="schemas">Schemas</h2>
${Object.entries(schemas)
  .map(([name, s]) => `<h3 id="schema-${anchor(name)}">${esc(name)}</h3><pre>${typeOf(s)}</pre>`)
  .join('\n')}
</body></html>`
}
