import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { DataDirLockedError, lockDataDir } from './lock.ts'

describe('lockDataDir', () => {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'hj-lock-'))
  const dir = path.join(base, 'pglite')
  const lockFile = path.join(base, '.pglite.lock')

  it('refuses a folder held by another live process, naming the folder and pid', () => {
    fs.writeFileSync(lockFile, String(process.ppid))
    expect(() => lockDataDir(dir)).toThrowError(DataDirLockedError)
    expect(() => lockDataDir(dir)).toThrowError(new RegExp(`${dir}.*pid ${process.ppid}`))
    fs.rmSync(lockFile)
  })

  it('takes over a stale lock and releases it', () => {
    fs.writeFileSync(lockFile, '999999999')
    const release = lockDataDir(dir)
    expect(fs.readFileSync(lockFile, 'utf8')).toBe(String(process.pid))
    release()
    expect(fs.existsSync(lockFile)).toBe(false)
  })
})
