import path from 'node:path'

/** The key under which the global setup provides the template data folder (vitest `provide`/`inject`). */
export const TEMPLATE_KEY = 'hjE2eTemplate'

declare module 'vitest' {
  export interface ProvidedContext {
    hjE2eTemplate: string
  }
}

const WEB_DIR = path.resolve(import.meta.dirname, '../..')

/** Server settings for the browser tests: embedded PGlite under `dataDir`, demo data, quiet, any free port. */
export function serverOverrides(dataDir: string): Record<string, string> {
  return {
    DATA_DIR: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    DEMO: 'true',
    DATABASE_URL: '',
    TILE_SOURCE: '',
    WEB_DIST: path.join(WEB_DIR, 'dist'),
    LOG_LEVEL: 'error',
  }
}

/** The same, for building the template once: nothing but migrations and the seed runs. */
export function templateServerOverrides(dataDir: string): Record<string, string> {
  return { ...serverOverrides(dataDir), TIMER_WORKER: 'off' }
}
