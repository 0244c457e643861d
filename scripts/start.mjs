// `npm start`: build the web app if it is missing or stale, then run the API (which serves it) in this process.
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { ensureWebBuilt } from './build-web.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
if (!process.env.WEB_DIST) ensureWebBuilt()

const { register } = await import('tsx/esm/api')
register()
await import(path.join(root, 'apps/api/src/main.ts'))
