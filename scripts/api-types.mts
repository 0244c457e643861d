/**
 * npm run api:types — writes apps/web/src/api/schema.d.ts from the API's OpenAPI document (openapi-typescript).
 * The document is built from the routes alone: the app is created over a database stub it never queries.
 */
import fs from 'node:fs'
import { createApp } from '../apps/api/src/app.ts'
import { loadConfig } from '../apps/api/src/config.ts'
import { openApiDocument } from '../apps/api/src/openapi/document.ts'
import { WEB_SCHEMA_FILE, webSchemaTypes } from '../apps/api/src/openapi/web-types.ts'

const config = loadConfig({ LOG_LEVEL: 'silent', WEB_DIST: '/nonexistent' })
const app = createApp({ database: { db: { transaction: () => Promise.reject(new Error('no database')) } } as never, config })
const text = await webSchemaTypes(await openApiDocument(app))
fs.writeFileSync(WEB_SCHEMA_FILE, text)
console.log(`wrote ${WEB_SCHEMA_FILE.pathname} (${text.length} characters)`)
