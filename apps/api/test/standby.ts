import { execFile } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import postgres from 'postgres'

/** A real streaming standby of the test server (a second cluster on another port), for the read-replica tests. */
export interface Standby {
  port: number
  /** `primaryUrl` with the standby's port: the same database, read-only. */
  urlOf(primaryUrl: string): string
  /** Seconds pg_basebackup took (it copies the whole cluster). */
  basebackupSeconds: number
  stop(): Promise<void>
}

function exec(program: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) =>
    execFile(program, args, { maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) =>
      err ? reject(new Error(`${path.basename(program)} ${args.slice(-3).join(' ')}: ${(stderr || err.message).trim()}`)) : resolve(stdout),
    ),
  )
}

async function freePort(from: number): Promise<number> {
  for (let port = from; port < from + 50; port++) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.createServer().once('error', () => resolve(false))
      s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)))
    })
    if (ok) return port
  }
  throw new Error(`no free port from ${from}`)
}

/**
 * pg_basebackup -R of the server behind `adminUrl` into a folder under the temp folder, started with pg_ctl on a
 * free port from 5439 (as the postgres user when we are root: PostgreSQL refuses to run as root). Needs a
 * `replication` line in the primary's pg_hba.conf (.ci/run adds one for 127.0.0.1).
 */
export async function startStandby(adminUrl: string): Promise<Standby> {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} })
  let settings: Record<string, string>
  let major: string
  try {
    const rows = await admin<{ name: string; setting: string }[]>`
      SELECT name, setting FROM pg_settings
      WHERE name IN ('server_version_num', 'max_connections', 'max_worker_processes', 'max_wal_senders', 'max_prepared_transactions', 'max_locks_per_transaction')`
    settings = Object.fromEntries(rows.map((r) => [r.name, r.setting]))
    major = String(Math.floor(Number(settings.server_version_num) / 10000))
  } finally {
    await admin.end()
  }
  const bin = (p: string) => {
    const full = `/usr/lib/postgresql/${major}/bin/${p}`
    return fs.existsSync(full) ? full : p
  }
  const u = new URL(adminUrl)
  const port = await freePort(5439)
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hj-standby-'))
  const asRoot = process.getuid?.() === 0
  const t0 = performance.now()
  // -c fast: an immediate checkpoint (the default, spread, waits minutes on an idle server).
  await exec(bin('pg_basebackup'), ['-h', u.hostname, '-p', u.port || '5432', '-U', decodeURIComponent(u.username || 'postgres'), '-D', dir, '-X', 'stream', '-R', '-c', 'fast'])
  const basebackupSeconds = (performance.now() - t0) / 1000
  // Debian keeps the configuration outside the data folder: the copy gets its own. A standby needs these at
  // least as high as its primary's.
  const keep = ['max_connections', 'max_worker_processes', 'max_wal_senders', 'max_prepared_transactions', 'max_locks_per_transaction']
  fs.writeFileSync(
    path.join(dir, 'postgresql.conf'),
    [`port = ${port}`, "listen_addresses = '127.0.0.1'", `unix_socket_directories = '${dir}'`, 'hot_standby = on', 'shared_buffers = 16MB', 'fsync = off', ...keep.map((k) => `${k} = ${settings[k]}`)].join('\n') + '\n',
  )
  fs.writeFileSync(path.join(dir, 'pg_hba.conf'), 'local all all trust\nhost all all 127.0.0.1/32 trust\n')
  fs.writeFileSync(path.join(dir, 'pg_ident.conf'), '')
  const pgCtl = async (...args: string[]) => {
    if (asRoot) {
      await exec('chown', ['-R', 'postgres:postgres', dir])
      return exec('runuser', ['-u', 'postgres', '--', bin('pg_ctl'), ...args])
    }
    return exec(bin('pg_ctl'), args)
  }
  fs.chmodSync(dir, 0o700)
  await pgCtl('-D', dir, '-l', path.join(dir, 'standby.log'), '-w', '-t', '60', 'start')
  let stopped = false
  return {
    port,
    basebackupSeconds,
    urlOf: (primaryUrl) => {
      const r = new URL(primaryUrl)
      r.port = String(port)
      return r.toString()
    },
    stop: async () => {
      if (!stopped) {
        stopped = true
        await pgCtl('-D', dir, '-m', 'immediate', 'stop').catch(() => {})
      }
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}
