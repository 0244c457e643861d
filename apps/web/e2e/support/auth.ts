import fs from 'node:fs'
import type { Page } from 'playwright-core'
import { inject } from 'vitest'
import { embeddedTemplateApps } from './app.ts'
import { SESSIONS_KEY, type StoredSession } from './template.ts'

/** The demo accounts' password (README; the server's DEMO_PASSWORD). */
export const DEMO_PASSWORD = process.env.DEMO_PASSWORD ?? 'hanjiang-demo'

export interface SignedIn {
  csrfToken: string
  user: { username: string; roles: string[]; permissions: string[]; mustChangePassword: boolean }
}

/**
 * Signs the page's browser context in as a demo account (the username is the role code: `dispatcher`, `admin`,
 * `handler.transport`…) through `POST /api/auth/login`: the session cookies land in the context, so the next
 * `page.goto` opens the app signed in (if the app is already open, reload it: it asked who is signed in at its start).
 * `url` is the app's base URL (default: the page's current origin).
 * The sign-in form itself is exercised by auth.e2e.test.ts.
 */
export async function login(page: Page, role: string, opts: { url?: string; password?: string } = {}): Promise<SignedIn> {
  const base = opts.url ?? (page.url().startsWith('http') ? new URL(page.url()).origin : undefined)
  if (!base) throw new Error('login(page, role): pass { url: app.url } before the page has opened the app')
  const stored = opts.password === undefined ? storedSession(base, role) : undefined
  if (stored) {
    await page.context().addCookies(stored.cookies.map((c) => ({ ...c, url: base })))
    return stored.signedIn as SignedIn
  }
  const r = await page.context().request.post(`${base}/api/auth/login`, {
    data: { username: role, password: opts.password ?? DEMO_PASSWORD },
  })
  if (r.status() !== 200) throw new Error(`sign-in as ${role}: HTTP ${r.status()} ${await r.text()}`)
  return (await r.json()) as SignedIn
}

/** Signs in through the form on `#/login` (Enter submits), waiting for the header's user name. */
export async function loginWithForm(page: Page, url: string, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${url}/#/login`)
  await page.getByTestId('login-username').fill(username)
  await page.getByTestId('login-password').fill(password)
  await page.getByTestId('login-password').press('Enter')
  await page.getByTestId('user-menu').waitFor({ state: 'visible', timeout: 30_000 })
}

/** Stored sessions already handed out, per app: each is used once (a test may sign it out), then a real sign-in. */
const handedOut = new Set<string>()
let sessions: Record<string, StoredSession> | null | undefined

/** The session the global setup stored for `role`, when `base` runs on a copy of the embedded template. */
function storedSession(base: string, role: string): StoredSession | undefined {
  if (!embeddedTemplateApps.has(base) || handedOut.has(`${base} ${role}`)) return undefined
  if (sessions === undefined) {
    try {
      const file = inject(SESSIONS_KEY)
      sessions = file && fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, StoredSession>) : null
    } catch {
      sessions = null
    }
  }
  const s = sessions?.[role]
  if (s) handedOut.add(`${base} ${role}`)
  return s
}
