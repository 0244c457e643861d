/**
 * The wire contract: zod schemas of the API's answers that the web reads. The API's services are typed by them
 * (a renamed field breaks the API's compile), the OpenAPI document describes them (GET /api/openapi.json), and
 * the web's types are generated from that document (apps/web/src/api/schema.d.ts, `npm run api:types`).
 */
export * from './contract/common.ts'
export * from './contract/system.ts'
export * from './contract/incidents.ts'
export * from './contract/work.ts'
export * from './contract/region-changes.ts'
