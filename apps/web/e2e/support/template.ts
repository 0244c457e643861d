import path from 'node:path'

/** The key under which the global setup provides the template data folder (vitest `provide`/`inject`). */
export const TEMPLATE_KEY = 'hjE2eTemplate'
/** … and the name of the template PostGIS database (only with TEST_DATABASE_URL). */
export const PG_TEMPLATE_KEY = 'hjE2ePgTemplate'

declare module 'vitest' {
  export interface ProvidedContext {
    hjE2eTemplate: string
    hjE2ePgTemplate: string
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
  }
}

/** The same, for building the template once: nothing but migrations and the seed runs. */
export function templateServerOverrides(dataDir: string, databaseUrl = ''): Record<string, string> {
  return { ...serverOverrides(dataDir, databaseUrl), TIMER_WORKER: 'off' }
}
