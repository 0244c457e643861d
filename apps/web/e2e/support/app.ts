import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { inject } from 'vitest'
import { createDatabase, databaseUrl, dropDatabase, newDatabaseName, type E2eEngine } from './postgis.ts'
import { PG_TEMPLATE_KEY, serverOverrides, TEMPLATE_KEY } from './template.ts'

export const WEB_DIR = path.resolve(import.meta.dirname, '../..')
export const CHROMIUM = '/usr/bin/chromium'
export const SCREENSHOTS = path.join(WEB_DIR, 'test-results', 'screenshots')

export interface RunningApp {
  url: string
  close(): Promise<void>
}

/** Base URLs of the servers running on a copy of the embedded template (its stored sessions are valid there). */
export const embeddedTemplateApps = new Set<string>()

/** `startServer` of apps/api: environment-style overrides in, a running server out. */
type StartServer = (overrides: Record<string, string | undefined>) => Promise<RunningApp>
const SERVER_MODULE = path.resolve(WEB_DIR, '../api/src/server.ts')

/**
 * The app under test: the real server (`apps/api/src/server.ts`: built web app + API on a temp, seeded PGlite,
 * or a copy of the seeded PostGIS template); `env` adds settings (a basemap, say).
 */
export async function startApp(engine: E2eEngine = 'embedded', env: Record<string, string> = {}): Promise<RunningApp> {
  if (engine === 'postgis') return startOnPostgis(env)
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hj-web-e2e-'))
  // A copy of the template seeded once by the global setup (migrated, demo data): isolated, and no seed to wait for.
  const template = templateDir()
  if (template) fs.cpSync(template, dataDir, { recursive: true })
  // Imported by a computed path, so the web typecheck does not pull in (and depend on) the API's sources.
  const { startServer } = (await import(/* @vite-ignore */ SERVER_MODULE)) as { startServer: StartServer }
  const server = await startServer({ ...serverOverrides(dataDir), ...env })
  if (template) embeddedTemplateApps.add(server.url)
  return {
    url: server.url,
    close: async () => {
      embeddedTemplateApps.delete(server.url)
      await server.close()
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** The server on a fresh copy of the seeded PostGIS template database (dropped on close). */
async function startOnPostgis(env: Record<string, string>): Promise<RunningApp> {
  const template = inject(PG_TEMPLATE_KEY)
  const name = newDatabaseName('hj_e2e')
  await createDatabase(name, template)
  // The data folder still holds uploaded photos; the demo's (same content-derived ids on both engines) come
  // from the embedded template's files.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hj-web-e2e-pg-'))
  const files = templateDir() && path.join(templateDir()!, 'files')
  if (files && fs.existsSync(files)) fs.cpSync(files, path.join(dataDir, 'files'), { recursive: true })
  const { startServer } = (await import(/* @vite-ignore */ SERVER_MODULE)) as { startServer: StartServer }
  const server = await startServer({ ...serverOverrides(dataDir, databaseUrl(name)), ...env })
  return {
    url: server.url,
    close: async () => {
      await server.close()
      await dropDatabase(name)
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** The template data folder from the global setup (or HJ_E2E_TEMPLATE); none outside vitest: seed afresh. */
function templateDir(): string | undefined {
  if (process.env.HJ_E2E_TEMPLATE) return process.env.HJ_E2E_TEMPLATE
  try {
    return inject(TEMPLATE_KEY)
  } catch {
    return undefined
  }
}

export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core')
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  })
}

/** Resolves on the map's next `idle` (everything loaded, placed and drawn). */
export async function mapIdle(page: Page): Promise<void> {
  await page.waitForFunction(() => !!window.__hjMap && window.__hjMap.isStyleLoaded() !== undefined, null, { timeout: 60_000 })
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const map = window.__hjMap!
        map.once('idle', () => resolve())
        map.triggerRepaint()
      }),
  )
}

/**
 * Resolves once no finite CSS animation or transition is running (a drawer slid in, a menu faded). Endless ones
 * (a loading spinner, a live pulse) never finish and move nothing that is measured, so they do not count.
 */
export async function animationsDone(page: Page): Promise<void> {
  await page.waitForFunction(
    () => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity),
    null,
    { timeout: 10_000 },
  )
}

/** Distinct region codes rendered in a layer. */
export async function renderedCodes(page: Page, layer: string): Promise<string[]> {
  return page.evaluate((id) => {
    const map = window.__hjMap!
    if (!map.getLayer(id)) return []
    const codes = map.queryRenderedFeatures({ layers: [id] }).map((f) => String(f.properties.code))
    return [...new Set(codes)].sort()
  }, layer)
}

export async function renderedLabels(page: Page, layer: string): Promise<string[]> {
  return page.evaluate((id) => {
    const map = window.__hjMap!
    return [...new Set(map.queryRenderedFeatures({ layers: [id] }).map((f) => String(f.properties.name)))]
  }, layer)
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true })
  // Let the "loading layers" chip fade out once the map is idle, so the picture shows the settled page.
  await page.getByTestId('map-busy').waitFor({ state: 'detached', timeout: 10_000 }).catch(() => {})
  const file = path.join(SCREENSHOTS, `${name}.png`)
  await page.screenshot({ path: file })
  return file
}
