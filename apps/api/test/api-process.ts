import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import { REPO_ROOT } from '../src/config.ts'

/** A real API process (`apps/api/src/main.ts`) as `npm start` runs it, its output, exit and printed URL. */
export interface Proc {
  child: ChildProcess
  out: () => string
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  url: Promise<string>
}

export function startApi(env: Record<string, string>): Proc {
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/api/src/main.ts'], {
    cwd: REPO_ROOT,
    env: { ...process.env, NODE_OPTIONS: '', HOST: '127.0.0.1', PORT: '0', DEMO: 'false', LOG_LEVEL: 'error', WEB_DIST: '/nonexistent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  let resolveUrl: (u: string) => void
  let rejectUrl: (e: Error) => void
  const url = new Promise<string>((res, rej) => {
    resolveUrl = res
    rejectUrl = rej
  })
  const onData = (b: Buffer) => {
    out += b.toString()
    const m = /open (http:\/\/\S+)/.exec(out)
    if (m) resolveUrl(m[1]!)
  }
  child.stdout!.on('data', onData)
  child.stderr!.on('data', onData)
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((res) =>
    child.on('exit', (code, signal) => {
      rejectUrl(new Error(`the API exited (${code ?? signal}) before it was ready:\n${out}`))
      res({ code, signal })
    }),
  )
  url.catch(() => {})
  return { child, out: () => out, exited, url }
}


/** Pids of the live API processes (main.ts; not tsx's esbuild service) whose parent is `pid` (Linux /proc). */
export function childPids(pid: number): number[] {
  const out: number[] = []
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue
    try {
      // Fields after the parenthesised command name: state, then the parent's pid.
      const rest = fs.readFileSync(`/proc/${d}/stat`, 'utf8').split(') ')[1]!.split(' ')
      if (Number(rest[1]) !== pid || rest[0] === 'Z') continue
      if (fs.readFileSync(`/proc/${d}/cmdline`, 'utf8').includes('main.ts')) out.push(Number(d))
    } catch {
      // gone meanwhile
    }
  }
  return out.sort((a, b) => a - b)
}
