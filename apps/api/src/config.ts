import os from 'node:os'
import path from 'node:path'
import { z } from 'zod'
import fs from 'node:fs'
import { BasemapConfigError, DEFAULT_OFFICE_HOURS, OFFICE_HOURS_FORMAT, parseBasemaps, parseOfficeHours, type OfficeHours, type ParsedBasemap } from '@hanjiang/shared'
import { parseTrustedProxies } from './http/addresses.ts'
import { REPO_ROOT } from './repo-root.ts'
import { parseWebhookAllowHosts } from './services/webhooks/address-policy.ts'

export { REPO_ROOT }

const boolish = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'], {
    message: 'must be one of true/false, 1/0, yes/no, on/off',
  })
  .transform((v) => ['1', 'true', 'yes', 'on'].includes(v))

const officeHours = z.string().transform((raw, ctx): OfficeHours => {
  try {
    return parseOfficeHours(raw)
  } catch (e) {
    ctx.addIssue({ code: 'custom', message: `${(e as Error).message}${(e as Error).message.includes('expected') ? '' : ` (expected ${OFFICE_HOURS_FORMAT})`}` })
    return z.NEVER
  }
})

const trustedProxies = z.string().transform((raw, ctx): string[] => {
  try {
    return parseTrustedProxies(raw)
  } catch (e) {
    ctx.addIssue({ code: 'custom', message: (e as Error).message })
    return z.NEVER
  }
})

const webhookAllowHosts = z.string().transform((raw, ctx): string[] => {
  try {
    return parseWebhookAllowHosts(raw)
  } catch (e) {
    ctx.addIssue({ code: 'custom', message: (e as Error).message })
    return z.NEVER
  }
})

const schema = z.object({
  PORT: z.coerce.number({ message: 'must be a number' }).int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || /^postgres(ql)?:\/\//.test(v), {
      message: 'must start with postgres:// or postgresql://',
    }),
  DATABASE_READ_URL: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || /^postgres(ql)?:\/\//.test(v), {
      message: 'must start with postgres:// or postgresql://',
    }),
  DATABASE_READ_MAX_LAG_SECONDS: z.coerce.number({ message: 'must be a number of seconds' }).min(0.1).max(3600).default(5),
  DATA_DIR: z.string().min(1).default('./data'),
  DEMO: boolish.optional(),
  DEMO_PASSWORD: z.string().min(8).default('hanjiang-demo'),
  /** Basemaps (docs/BASEMAPS.md): read by parseBasemaps after the schema, with the Tianditu and subdomain settings. */
  TILE_SOURCE: z.string().optional(),
  TILE_ATTRIBUTION: z.string().optional(),
  TILE_SUBDOMAINS: z.string().optional(),
  TIANDITU_TOKEN: z.string().optional(),
  TIANDITU_BASE_URL: z.string().optional(),
  WEB_DIST: z.string().optional(),
  LOG_LEVEL: z.enum(['silent', 'error', 'info', 'debug']).default('info'),
  /** Where uploaded files live: `local` = under DATA_DIR/files (an S3/MinIO backend can be added). */
  FILE_STORAGE: z.enum(['local'], { message: 'must be local' }).default('local'),
  PHOTO_MAX_BYTES: z.coerce.number({ message: 'must be a number of bytes' }).int().min(1024).max(256 * 1024 * 1024).default(10 * 1024 * 1024),
  /** The timer worker (R4–R7, R10, overdue) runs in every API process unless `off`; it is safe to run several. */
  TIMER_WORKER: boolish.optional(),
  TIMER_TICK_MS: z.coerce.number({ message: 'must be a number of milliseconds' }).int().min(10).max(3_600_000).default(5000),
  // At most 64: each row is a savepoint (subtransaction), and more than 64 per transaction overflow
  // PostgreSQL's per-backend subtransaction cache, which slows every other session's snapshots.
  TIMER_BATCH_SIZE: z.coerce.number({ message: 'must be a number' }).int().min(1).max(64).default(50),
  /** R10: time between callback → urge (1) → unit efficiency office (2) → district efficiency office (3). */
  ESCALATION_INTERVAL_MINUTES: z.coerce.number({ message: 'must be a number of minutes' }).min(0).max(7 * 24 * 60).default(60),
  /** Office hours of a working day (Shanghai): R1–R3 periods end when they close. */
  OFFICE_HOURS: z
    .string()
    .optional()
    .transform((v) => (v && v.trim() ? v : undefined))
    .pipe(officeHours.optional()),
  /** R9: a cluster of this many reports (primary + merged members) or more is flagged for the command center. */
  CLUSTER_FLAG_MIN_REPORTS: z.coerce.number({ message: 'must be a whole number of reports' }).int('must be a whole number of reports').min(2).max(1000).default(5),
  SSE_HEARTBEAT_MS: z.coerce.number({ message: 'must be a number of milliseconds' }).int().min(100).max(600_000).default(15_000),
  /** Crash-test hook only: the process SIGKILLs itself after the worker applied this many timers, before commit. */
  TIMER_WORKER_CRASH_AFTER: z.coerce.number({ message: 'must be a number' }).int().min(1).optional(),
  /** Sessions end after this much inactivity, and in any case this long after sign-in. */
  SESSION_IDLE_MINUTES: z.coerce.number({ message: 'must be a number of minutes' }).min(1).max(24 * 60).default(30),
  SESSION_MAX_HOURS: z.coerce.number({ message: 'must be a number of hours' }).min(1).max(30 * 24).default(12),
  /** Secure cookies: `auto` = when the request came over https (or X-Forwarded-Proto says so). */
  COOKIE_SECURE: z.enum(['auto', 'true', 'false'], { message: 'must be auto, true or false' }).default('auto'),
  /** Sign-in throttle per client address (on top of the per-account lock-out): failures per window. */
  SIGN_IN_THROTTLE_MAX_FAILURES: z.coerce.number({ message: 'must be a whole number of failed sign-ins' }).int('must be a whole number of failed sign-ins').min(1).max(100_000).default(20),
  SIGN_IN_THROTTLE_WINDOW_MINUTES: z.coerce.number({ message: 'must be a number of minutes' }).min(1).max(24 * 60).default(15),
  /** Peers whose X-Forwarded-For names the client: `loopback` (default), `none`, or addresses / CIDR blocks. */
  TRUSTED_PROXIES: z
    .string()
    .optional()
    .transform((v) => (v && v.trim() ? v : 'loopback'))
    .pipe(trustedProxies),
  /**
   * HTTP processes serving one port (node:cluster): a whole number, or `auto` = one per core with a PostgreSQL
   * server, 1 on the embedded database (it lives in one process). Everything shared is in the database.
   */
  API_PROCESSES: z
    .string()
    .optional()
    .transform((v, ctx): 'auto' | number => {
      const t = v?.trim() || '1'
      if (t === 'auto') return 'auto'
      if (/^\d+$/.test(t) && Number(t) >= 1 && Number(t) <= 64) return Number(t)
      ctx.addIssue({ code: 'custom', message: 'must be auto or a whole number from 1 to 64' })
      return z.NEVER
    }),
  /** Non-public hosts, addresses or CIDR blocks unit webhooks may reach (default none: public addresses only). */
  WEBHOOK_ALLOW_HOSTS: z
    .string()
    .optional()
    .transform((v) => v ?? '')
    .pipe(webhookAllowHosts),
  /** The first admin's password on a fresh non-demo database (generated and printed once when unset). */
  ADMIN_PASSWORD: z.string().min(10, 'must be at least 10 characters').optional(),
})

/** A configured basemap; `file` is a local PMTiles archive the API serves at `url`. */
export type BasemapConfig = ParsedBasemap

export interface Config {
  port: number
  host: string
  databaseUrl: string | undefined
  /** A streaming standby for reads that may be a moment old (DATABASE_READ_URL; docs/SCALING.md). */
  databaseReadUrl: string | undefined
  /** Beyond this lag (ms) those reads go back to the primary. */
  databaseReadMaxLagMs: number
  dataDir: string
  /** PGlite lives here when DATABASE_URL is unset. */
  pgliteDir: string
  filesDir: string
  fileStorage: 'local'
  /** Largest photo accepted by POST /api/photos, per file. */
  photoMaxBytes: number
  demo: boolean
  demoPassword: string
  /** Basemaps the layer panel offers, the first being the default; empty = none (TILE_SOURCE unset). */
  basemaps: BasemapConfig[]
  webDist: string
  logLevel: 'silent' | 'error' | 'info' | 'debug'
  /** Run the timer worker in this process (TIMER_WORKER, default on). */
  timerWorker: boolean
  timerTickMs: number
  timerBatchSize: number
  /** R10 step interval, ms (ESCALATION_INTERVAL_MINUTES). */
  escalationIntervalMs: number
  /** R9: reports (primary + members) from which a cluster is flagged (CLUSTER_FLAG_MIN_REPORTS). */
  clusterFlagMinReports: number
  /** Office hours of a working day (OFFICE_HOURS, default 08:30-17:30): working-day periods end when they close. */
  officeHours: OfficeHours
  /** Comment lines on idle event streams keep proxies from closing them. */
  sseHeartbeatMs: number
  /** Crash-test hook (TIMER_WORKER_CRASH_AFTER); null in real use. */
  timerWorkerCrashAfter: number | null
  sessionIdleMs: number
  sessionMaxMs: number
  cookieSecure: 'auto' | 'true' | 'false'
  /** Failed sign-ins from one client address (an IPv6 /64) within the window before it gets 429. */
  signInThrottleMaxFailures: number
  signInThrottleWindowMs: number
  /** CIDR blocks (`address/prefix`) of the reverse proxies whose X-Forwarded-For is believed. */
  trustedProxies: readonly string[]
  adminPassword: string | undefined
  /** Host names (lower case) and `address/prefix` blocks webhooks may reach though not public (WEBHOOK_ALLOW_HOSTS). */
  webhookAllowHosts: readonly string[]
  /** HTTP processes on the port (API_PROCESSES resolved: `auto` → cores with a server database, else 1). */
  apiProcesses: number
}

export class ConfigError extends Error {
  override name = 'ConfigError'
}

/** Reads and validates the environment; throws ConfigError naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = schema.safeParse(env)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || 'environment'}: ${i.message}`)
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`)
  }
  const e = parsed.data
  if (e.API_PROCESSES !== 'auto' && e.API_PROCESSES > 1 && e.DATABASE_URL === undefined) {
    throw new ConfigError(
      'Invalid configuration:\n  API_PROCESSES: more than one process needs DATABASE_URL (the embedded database lives in one process)',
    )
  }
  if (e.DATABASE_READ_URL !== undefined && e.DATABASE_URL === undefined) {
    throw new ConfigError('Invalid configuration:\n  DATABASE_READ_URL: a read replica needs DATABASE_URL (the primary it follows)')
  }
  const dataDir = path.resolve(e.DATA_DIR)
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    databaseReadUrl: e.DATABASE_READ_URL,
    databaseReadMaxLagMs: Math.round(e.DATABASE_READ_MAX_LAG_SECONDS * 1000),
    dataDir,
    pgliteDir: path.join(dataDir, 'pglite'),
    filesDir: path.join(dataDir, 'files'),
    fileStorage: e.FILE_STORAGE,
    photoMaxBytes: e.PHOTO_MAX_BYTES,
    // Demo data is on by default for the embedded engine only: a real server starts empty.
    demo: e.DEMO ?? e.DATABASE_URL === undefined,
    demoPassword: e.DEMO_PASSWORD,
    basemaps: readBasemaps(e),
    webDist: path.resolve(e.WEB_DIST ?? path.join(REPO_ROOT, 'apps/web/dist')),
    logLevel: e.LOG_LEVEL,
    timerWorker: e.TIMER_WORKER ?? true,
    timerTickMs: e.TIMER_TICK_MS,
    timerBatchSize: e.TIMER_BATCH_SIZE,
    escalationIntervalMs: Math.round(e.ESCALATION_INTERVAL_MINUTES * 60_000),
    clusterFlagMinReports: e.CLUSTER_FLAG_MIN_REPORTS,
    officeHours: e.OFFICE_HOURS ?? DEFAULT_OFFICE_HOURS,
    sseHeartbeatMs: e.SSE_HEARTBEAT_MS,
    timerWorkerCrashAfter: e.TIMER_WORKER_CRASH_AFTER ?? null,
    sessionIdleMs: Math.round(e.SESSION_IDLE_MINUTES * 60_000),
    sessionMaxMs: Math.round(e.SESSION_MAX_HOURS * 3_600_000),
    cookieSecure: e.COOKIE_SECURE,
    signInThrottleMaxFailures: e.SIGN_IN_THROTTLE_MAX_FAILURES,
    signInThrottleWindowMs: Math.round(e.SIGN_IN_THROTTLE_WINDOW_MINUTES * 60_000),
    trustedProxies: e.TRUSTED_PROXIES,
    adminPassword: e.ADMIN_PASSWORD,
    webhookAllowHosts: e.WEBHOOK_ALLOW_HOSTS,
    apiProcesses: e.API_PROCESSES === 'auto' ? (e.DATABASE_URL === undefined ? 1 : os.availableParallelism()) : e.API_PROCESSES,
  }
}

/** Where the API serves a local PMTiles archive (routes/basemaps.ts). */
export function basemapFileUrl(id: string): string {
  return `/api/basemaps/${encodeURIComponent(id)}.pmtiles`
}

function readBasemaps(env: Parameters<typeof parseBasemaps>[0]): BasemapConfig[] {
  let list: ParsedBasemap[]
  try {
    list = parseBasemaps(env)
  } catch (e) {
    if (e instanceof BasemapConfigError) throw new ConfigError(`Invalid configuration:\n  ${e.variable}: ${e.message}`)
    throw e
  }
  return list.map((b) => {
    if (!b.file) return b
    const file = path.resolve(b.file)
    let stat: fs.Stats
    try {
      stat = fs.statSync(file)
    } catch {
      throw new ConfigError(`Invalid configuration:\n  TILE_SOURCE: PMTiles file ${file} does not exist`)
    }
    if (!stat.isFile()) throw new ConfigError(`Invalid configuration:\n  TILE_SOURCE: ${file} is not a file`)
    return { ...b, file, url: basemapFileUrl(b.id) }
  })
}
