import path from 'node:path'

/** The key under which the global setup provides the template data folder (vitest `provide`/`inject`). */
export const TEMPLATE_KEY = 'hjE2eTemplate'
/** … and the name of the template PostGIS database (only with TEST_DATABASE_URL). */
export const PG_TEMPLATE_KEY = 'hjE2ePgTemplate'
/** … and the file of signed-in sessions made on the embedded template (support/auth.ts `login`). */
export const SESSIONS_KEY = 'hjE2eSessions'

/** Demo accounts signed in once on the template: every copy of it holds their sessions. */
export const TEMPLATE_SIGNED_IN = ['dispatcher', 'admin', 'viewer', 'inspector', 'efficiency_office']

/** A signed-in session as the browser holds it: its cookies and the sign-in answer. */
export interface StoredSession {
  cookies: { name: string; value: string }[]
  signedIn: unknown
}

declare module 'vitest' {
  export interface ProvidedContext {
    hjE2eTemplate: string
    hjE2ePgTemplate: string
    hjE2eSessions: string
  }
}

const WEB_DIR = path.resolve(import.meta.dirname, '../..')

/**
 * Server settings for the browser tests: embedded PGlite under `dataDir` (or the PostgreSQL database at
 * `databaseUrl`), demo data, quiet, any free port.
 */
export function serverOverrides(dataDir: string, databaseUrl = ''): Record<string, string> {
  return {
    DATA_DIR: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    DEMO: 'true',
    DATABASE_URL: databaseUrl,
    TILE_SOURCE: '',
    WEB_DIST: path.join(WEB_DIR, 'dist'),
    LOG_LEVEL: 'error',
    // The workbench test's webhook receiver listens on loopback, which webhooks refuse unless an operator allows it.
    WEBHOOK_ALLOW_HOSTS: '127.0.0.1',
    // The sessions the global setup stored (support/auth.ts) are handed out for the whole run: a browser suite longer
    // than the default 30-minute idle limit must not find the later files' sessions expired.
    SESSION_IDLE_MINUTES: String(12 * 60),
  }
}

/** The same, for building the template once: nothing but migrations and the seed runs. */
export function templateServerOverrides(dataDir: string, databaseUrl = ''): Record<string, string> {
  return { ...serverOverrides(dataDir, databaseUrl), TIMER_WORKER: 'off' }
}
