import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from './config.ts'

describe('loadConfig', () => {
  it('defaults to the embedded engine with demo data on port 8080', () => {
    const c = loadConfig({})
    expect(c.port).toBe(8080)
    expect(c.databaseUrl).toBeUndefined()
    expect(c.demo).toBe(true)
    expect(c.pgliteDir).toMatch(/data[/\\]pglite$/)
    expect(c.filesDir).toMatch(/data[/\\]files$/)
    expect(c.basemaps).toEqual([])
  })

  it('turns demo data off by default on a real server, and on when asked', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h/db' }).demo).toBe(false)
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h/db', DEMO: 'true' }).demo).toBe(true)
    expect(loadConfig({ DEMO: '0' }).demo).toBe(false)
  })

  it('takes a read replica only beside a primary, with a lag limit in seconds', () => {
    const c = loadConfig({ DATABASE_URL: 'postgres://u@h/db', DATABASE_READ_URL: 'postgres://u@replica/db' })
    expect(c.databaseReadUrl).toBe('postgres://u@replica/db')
    expect(c.databaseReadMaxLagMs).toBe(5000)
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h/db', DATABASE_READ_MAX_LAG_SECONDS: '0.5' }).databaseReadMaxLagMs).toBe(500)
    expect(loadConfig({}).databaseReadUrl).toBeUndefined()
    expect(() => loadConfig({ DATABASE_READ_URL: 'postgres://u@replica/db' })).toThrowError(/DATABASE_READ_URL: a read replica needs DATABASE_URL/)
    expect(() => loadConfig({ DATABASE_URL: 'postgres://u@h/db', DATABASE_READ_URL: 'mysql://x' })).toThrowError(/DATABASE_READ_URL: must start with postgres:\/\//)
    expect(() => loadConfig({ DATABASE_URL: 'postgres://u@h/db', DATABASE_READ_MAX_LAG_SECONDS: 'soon' })).toThrowError(/DATABASE_READ_MAX_LAG_SECONDS: must be a number of seconds/)
  })

  it('names every bad variable in one error', () => {
    expect(() => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', DEMO: 'maybe' })).toThrowError(ConfigError)
    try {
      loadConfig({ PORT: '70000', DATABASE_URL: 'mysql://x' })
    } catch (e) {
      expect((e as Error).message).toContain('PORT')
      expect((e as Error).message).toContain('DATABASE_URL: must start with postgres://')
    }
  })

  it('parses tile sources by prefix or shape', () => {
    expect(loadConfig({ TILE_SOURCE: 'https://t/{z}/{x}/{y}.png' }).basemaps[0]).toMatchObject({ type: 'xyz', url: 'https://t/{z}/{x}/{y}.png', crs: 'wgs84' })
    expect(loadConfig({ TILE_SOURCE: 'style:http://intranet/style.json' }).basemaps[0]).toMatchObject({ type: 'style', url: 'http://intranet/style.json' })
    expect(() => loadConfig({ TILE_SOURCE: 'xyz:https://t/tiles.png' })).toThrowError(/\{z\}, \{x\} and \{y\}/)
  })

  it('stops the start with a message naming the basemap variable to fix', () => {
    expect(() => loadConfig({ TILE_SOURCE: 'tianditu:vec' })).toThrowError(/^Invalid configuration:\n {2}TIANDITU_TOKEN: TILE_SOURCE=tianditu:vec needs a Tianditu key/)
    expect(() => loadConfig({ TILE_SOURCE: 'xyz+gcj2:http://t/{z}/{x}/{y}.png' })).toThrowError(/TILE_SOURCE: .*\+wgs84 or \+gcj02/)
    expect(() => loadConfig({ TILE_SOURCE: 'pmtiles:/nonexistent/hj.pmtiles' })).toThrowError(/TILE_SOURCE: PMTiles file \/nonexistent\/hj.pmtiles does not exist/)
    const [t] = loadConfig({ TILE_SOURCE: 'tianditu:ter', TIANDITU_TOKEN: '0123456789abcdef0123456789abcdef' }).basemaps
    expect(t).toMatchObject({ id: 'tianditu-ter', crs: 'wgs84', maxZoom: 14 })
  })

  it('serves a local PMTiles file from the API and declares each basemap\'s CRS', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hj-pmtiles-'))
    const file = path.join(dir, 'hj.pmtiles')
    fs.writeFileSync(file, 'PMTiles')
    const list = loadConfig({ TILE_SOURCE: `pmtiles:${file}; 高德镜像=xyz+gcj02:http://amap.intranet/{z}/{x}/{y}.png` }).basemaps
    expect(list[0]).toMatchObject({ id: 'pmtiles-1', type: 'pmtiles', file, url: '/api/basemaps/pmtiles-1.pmtiles', crs: 'wgs84' })
    expect(list[1]).toMatchObject({ id: 'xyz-2', label: '高德镜像', crs: 'gcj02' })
    fs.rmSync(dir, { recursive: true })
  })

  it('runs the timer worker unless TIMER_WORKER is off; R10 interval in minutes (default 60)', () => {
    const c = loadConfig({})
    expect(c).toMatchObject({ timerWorker: true, timerTickMs: 5000, timerBatchSize: 50, escalationIntervalMs: 3_600_000, sseHeartbeatMs: 15_000 })
    expect(c.timerWorkerCrashAfter).toBeNull()
    expect(loadConfig({ TIMER_WORKER: 'off' }).timerWorker).toBe(false)
    expect(loadConfig({ ESCALATION_INTERVAL_MINUTES: '90' }).escalationIntervalMs).toBe(5_400_000)
    expect(loadConfig({}).clusterFlagMinReports).toBe(5)
    expect(loadConfig({ CLUSTER_FLAG_MIN_REPORTS: '3' }).clusterFlagMinReports).toBe(3)
    expect(() => loadConfig({ CLUSTER_FLAG_MIN_REPORTS: '1' })).toThrowError(/CLUSTER_FLAG_MIN_REPORTS/)
    expect(() => loadConfig({ CLUSTER_FLAG_MIN_REPORTS: '2.5' })).toThrowError(/CLUSTER_FLAG_MIN_REPORTS: must be a whole number/)
    expect(loadConfig({ ESCALATION_INTERVAL_MINUTES: '0.5' }).escalationIntervalMs).toBe(30_000)
    expect(() => loadConfig({ ESCALATION_INTERVAL_MINUTES: '-1', TIMER_BATCH_SIZE: '500' })).toThrowError(
      /ESCALATION_INTERVAL_MINUTES[\s\S]*TIMER_BATCH_SIZE|TIMER_BATCH_SIZE[\s\S]*ESCALATION_INTERVAL_MINUTES/,
    )
  })

  it('reads OFFICE_HOURS (sessions, default 08:30-17:30) and stops the start on a bad value, saying what is expected', () => {
    expect(loadConfig({}).officeHours).toEqual({ opens: '08:30', closes: '17:30' })
    expect(loadConfig({ OFFICE_HOURS: '' }).officeHours).toEqual({ opens: '08:30', closes: '17:30' })
    expect(loadConfig({ OFFICE_HOURS: '08:30-12:00,14:30-17:30' }).officeHours).toMatchObject({ opens: '08:30', closes: '17:30', sessions: [{ from: '08:30', to: '12:00' }, { from: '14:30', to: '17:30' }] })
    expect(loadConfig({ OFFICE_HOURS: '08:00-12:00, 15:00-18:00' }).officeHours).toMatchObject({ opens: '08:00', closes: '18:00' })
    expect(() => loadConfig({ OFFICE_HOURS: '08:30-12:00;14:30-27:30' })).toThrowError(/OFFICE_HOURS: "14:30-27:30": 27:30 is not a time of day \(00:00–23:59\) \(expected HH:MM-HH:MM/)
    expect(() => loadConfig({ OFFICE_HOURS: 'nine to five' })).toThrowError(/OFFICE_HOURS: "nine to five" is not a session HH:MM-HH:MM; expected HH:MM-HH:MM\[,HH:MM-HH:MM…\] \(Shanghai time\), e.g. 08:30-12:00,14:30-17:30/)
    expect(() => loadConfig({ OFFICE_HOURS: '17:30-08:30', PORT: 'x' })).toThrowError(/PORT[\s\S]*OFFICE_HOURS: "17:30-08:30": a session must start before it ends/)
  })

  it('reads the sign-in throttle (20 failures per 15 minutes) and TRUSTED_PROXIES (loopback unless set)', () => {
    expect(loadConfig({})).toMatchObject({ signInThrottleMaxFailures: 20, signInThrottleWindowMs: 900_000, trustedProxies: ['127.0.0.0/8', '::1/128'] })
    expect(loadConfig({ SIGN_IN_THROTTLE_MAX_FAILURES: '50', SIGN_IN_THROTTLE_WINDOW_MINUTES: '60' })).toMatchObject({ signInThrottleMaxFailures: 50, signInThrottleWindowMs: 3_600_000 })
    expect(() => loadConfig({ SIGN_IN_THROTTLE_MAX_FAILURES: '0' })).toThrowError(/SIGN_IN_THROTTLE_MAX_FAILURES/)
    expect(loadConfig({ TRUSTED_PROXIES: '' }).trustedProxies).toEqual(['127.0.0.0/8', '::1/128'])
    expect(loadConfig({ TRUSTED_PROXIES: 'none' }).trustedProxies).toEqual([])
    expect(loadConfig({ TRUSTED_PROXIES: '10.0.0.0/8, 10.1.2.3' }).trustedProxies).toEqual(['10.0.0.0/8', '10.1.2.3/32'])
    expect(() => loadConfig({ TRUSTED_PROXIES: 'my-proxy' })).toThrowError(/TRUSTED_PROXIES: "my-proxy" is not an IP address or CIDR block/)
  })

  it('reads WEBHOOK_ALLOW_HOSTS: none by default; host names, addresses and CIDR blocks; a bad entry is named', () => {
    expect(loadConfig({}).webhookAllowHosts).toEqual([])
    expect(loadConfig({ WEBHOOK_ALLOW_HOSTS: 'hooks.intranet, 10.0.0.0/8,::1' }).webhookAllowHosts).toEqual(['hooks.intranet', '10.0.0.0/8', '::1/128'])
    expect(() => loadConfig({ WEBHOOK_ALLOW_HOSTS: 'http://hooks.intranet/' })).toThrowError(/WEBHOOK_ALLOW_HOSTS: "http:\/\/hooks.intranet\/" is not a host name/)
  })

  it('reads API_PROCESSES: 1 by default, auto = the cores with a server database and 1 embedded, more needs a server', () => {
    const url = 'postgres://u@h/db'
    expect(loadConfig({}).apiProcesses).toBe(1)
    expect(loadConfig({ API_PROCESSES: 'auto', DATABASE_URL: url }).apiProcesses).toBe(os.availableParallelism())
    expect(loadConfig({ API_PROCESSES: 'auto' }).apiProcesses).toBe(1)
    expect(loadConfig({ API_PROCESSES: '3', DATABASE_URL: url }).apiProcesses).toBe(3)
    expect(() => loadConfig({ API_PROCESSES: '2' })).toThrowError(/API_PROCESSES: more than one process needs DATABASE_URL/)
    expect(() => loadConfig({ API_PROCESSES: 'many', DATABASE_URL: url })).toThrowError(/API_PROCESSES: must be auto or a whole number from 1 to 64/)
    expect(() => loadConfig({ API_PROCESSES: '0', DATABASE_URL: url })).toThrowError(/API_PROCESSES/)
  })
})
