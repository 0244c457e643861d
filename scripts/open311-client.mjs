#!/usr/bin/env node
// An independent Open311 GeoReport v2 client: plain fetch, no project code, so a third party can run it as is
// against any deployment of the platform (or any GeoReport v2 server taking a lat/long and an api_key).
//
//   node scripts/open311-client.mjs [BASE_URL] [API_KEY] [SERVICE_CODE] [LAT] [LONG]
//   BASE_URL defaults to http://localhost:8080/open311/v2, API_KEY to the demo key hanjiang-open311-demo.
//
// It lists the services, reads one service definition, posts a request, reads it back by id and through
// tokens/, and finds it again filtering by date and by status — printing each step, exiting 1 on the first
// failure. Both formats are fetched for reads; the XML is checked to name the same request.

const [base = 'http://localhost:8080/open311/v2', apiKey = 'hanjiang-open311-demo', wantCode, lat = '25.459', long = '119.113'] = process.argv.slice(2)
const root = base.replace(/\/+$/, '')

let step = 0
function ok(what, detail = '') {
  step++
  console.log(`ok ${step} - ${what}${detail ? `: ${detail}` : ''}`)
}
function fail(what, detail) {
  console.error(`not ok ${step + 1} - ${what}: ${detail}`)
  process.exit(1)
}

async function getJson(path, expected = 200) {
  const res = await fetch(`${root}/${path}`)
  const type = res.headers.get('content-type') ?? ''
  if (res.status !== expected) fail(`GET ${path}`, `HTTP ${res.status} ${await res.text()}`)
  if (!type.startsWith('application/json')) fail(`GET ${path}`, `content-type ${type}`)
  return res.json()
}

async function getXml(path) {
  const res = await fetch(`${root}/${path}`)
  const text = await res.text()
  if (res.status !== 200) fail(`GET ${path}`, `HTTP ${res.status} ${text}`)
  if (!text.startsWith('<?xml')) fail(`GET ${path}`, 'not an XML document')
  return text
}

const discovery = await getJson('discovery.json')
ok('discovery', `${discovery.endpoints?.[0]?.specification} formats ${discovery.endpoints?.[0]?.formats?.join(', ')}`)

const services = await getJson('services.json')
if (!Array.isArray(services) || services.length === 0) fail('services', 'no services')
const service = wantCode ? services.find((s) => s.service_code === wantCode) : services[0]
if (!service) fail('services', `no service ${wantCode}`)
ok('services', `${services.length} services; using ${service.service_code} ${service.service_name} (${service.group})`)

if (service.metadata) {
  const def = await getJson(`services/${encodeURIComponent(service.service_code)}.json`)
  ok('service definition', `${def.attributes.length} attributes: ${def.attributes.map((a) => a.code).join(', ')}`)
}

const clientId = `open311-client-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`
const form = new URLSearchParams({
  api_key: apiKey,
  service_code: service.service_code,
  lat,
  long,
  address_string: 'Open311 client test',
  description: `Posted by scripts/open311-client.mjs (${clientId})`,
  client_id: clientId,
})
const posted = await fetch(`${root}/requests.json`, {
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
  body: form,
})
const postBody = await posted.json()
if (posted.status !== 201 && posted.status !== 200) fail('POST requests', `HTTP ${posted.status} ${JSON.stringify(postBody)}`)
const id = postBody[0]?.service_request_id
const token = postBody[0]?.token
if (!id) fail('POST requests', `no service_request_id in ${JSON.stringify(postBody)}`)
ok('POST requests', `service_request_id ${id}${token ? `, token ${token}` : ''}`)

const [byId] = await getJson(`requests/${encodeURIComponent(id)}.json`)
if (byId?.service_request_id !== id || byId.service_code !== service.service_code) fail('GET requests/{id}', JSON.stringify(byId))
if (!/[+-]\d\d:\d\d$|Z$/.test(byId.requested_datetime)) fail('GET requests/{id}', `requested_datetime without a zone: ${byId.requested_datetime}`)
ok('GET requests/{id}.json', `${byId.status} — ${byId.status_notes ?? ''}; ${byId.agency_responsible ?? ''}`)
const xml = await getXml(`requests/${encodeURIComponent(id)}.xml`)
if (!xml.includes(`<service_request_id>${id}</service_request_id>`)) fail('GET requests/{id}.xml', 'the XML does not name the request')
ok('GET requests/{id}.xml')

if (token) {
  const [t] = await getJson(`tokens/${encodeURIComponent(token)}.json`)
  if (t?.service_request_id !== id) fail('GET tokens/{token}', JSON.stringify(t))
  ok('GET tokens/{token}.json', `${token} → ${t.service_request_id}`)
}

const w3 = (d) => d.toISOString().replace(/\.\d{3}Z$/, 'Z')
const now = Date.now()
const range = `start_date=${w3(new Date(now - 3_600_000))}&end_date=${w3(new Date(now + 3_600_000))}`
const inRange = await getJson(`requests.json?${range}`)
if (!inRange.some((r) => r.service_request_id === id)) fail('GET requests by date', `${id} not among ${inRange.length}`)
ok('GET requests by date', `${inRange.length} in the last hour`)

const open = await getJson(`requests.json?${range}&status=open&service_code=${encodeURIComponent(service.service_code)}`)
if (!open.some((r) => r.service_request_id === id)) fail('GET requests by status', `${id} not among the open ones`)
const closed = await getJson(`requests.json?${range}&status=closed`)
if (closed.some((r) => r.service_request_id === id)) fail('GET requests by status', `${id} listed as closed`)
ok('GET requests by status', `${open.length} open, ${closed.length} closed`)

const tooLong = await getJson('requests.json?start_date=2020-01-01T00:00:00Z&end_date=2020-12-31T00:00:00Z', 400)
ok('a span over 90 days is refused', tooLong[0]?.description)

console.log(`1..${step}`)
