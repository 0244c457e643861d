import { execFile } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

export class BackupError extends Error {
  override name = 'BackupError'
}

/**
 * A PostgreSQL client program: PG_BIN/<name> when PG_BIN is set, else the one on PATH (Debian's wrapper picks the
 * version matching the server), else the newest /usr/lib/postgresql/<version>/bin.
 */
export function pgProgram(name: 'pg_dump' | 'pg_restore'): string {
  const fromEnv = process.env.PG_BIN
  if (fromEnv) return path.join(fromEnv, name)
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir && fs.existsSync(path.join(dir, name))) return path.join(dir, name)
  }
  const root = '/usr/lib/postgresql'
  const versions = fs.existsSync(root) ? fs.readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a)) : []
  for (const v of versions) {
    const p = path.join(root, v, 'bin', name)
    if (fs.existsSync(p)) return p
  }
  throw new BackupError(`${name} not found: install the PostgreSQL client (postgresql-client-15) or set PG_BIN to its folder`)
}

/** Runs a program; its stderr becomes the error's message when it fails. */
export function run(program: string, args: string[], opts: { env?: NodeJS.ProcessEnv } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(program, args, { maxBuffer: 64 * 1024 * 1024, env: opts.env ?? process.env }, (err, stdout, stderr) => {
      if (err) {
        const detail = (stderr || err.message).trim().split('\n').slice(0, 8).join('\n')
        reject(new BackupError(`${path.basename(program)} failed: ${detail}`))
      } else resolve(stdout)
    })
  })
}

/**
 * libpq reads the password from PGPASSWORD rather than a command line others can see in `ps`: the URL handed to
 * pg_dump/pg_restore carries none.
 */
export function libpqTarget(url: string): { url: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url)
  const password = decodeURIComponent(u.password)
  u.password = ''
  return { url: u.toString(), env: password ? { ...process.env, PGPASSWORD: password } : process.env }
}
