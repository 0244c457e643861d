// `npm start`: build what is missing or stale (the web app, the API), then run the compiled API (which serves the
// web app) in this process. A warm start runs plain JavaScript: no TypeScript is transpiled at start.
import { pathToFileURL } from 'node:url'
import { ensureApiBuilt } from './build-api.mjs'
import { ensureWebBuilt } from './build-web.mjs'

if (!process.env.WEB_DIST) ensureWebBuilt()
const main = await ensureApiBuilt()
await import(pathToFileURL(main).href)
