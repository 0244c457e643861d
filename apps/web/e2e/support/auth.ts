import type { Page } from 'playwright-core'

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
