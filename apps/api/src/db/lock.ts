import fs from 'node:fs'
import path from 'node:path'

export class DataDirLockedError extends Error {
  override name = 'DataDirLockedError'
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * PGlite is a single-process database: two processes on one folder corrupt it.
 * A pid file beside the folder keeps a second process out; a stale one (dead pid) is taken over.
 */
const heldHere = new Set<string>()

export function lockDataDir(dir: string): () => void {
  if (heldHere.has(dir)) {
    throw new DataDirLockedError(
      `The embedded database folder ${dir} is in use by another process (pid ${process.pid}, this one). ` +
        `Close the other handle, or set DATA_DIR to another folder.`,
    )
  }
  const file = path.join(path.dirname(dir), `.${path.basename(dir)}.lock`)
  fs.mkdirSync(path.dirname(file), { recursive: true })
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx' })
      heldHere.add(dir)
      return () => {
        heldHere.delete(dir)
        fs.rmSync(file, { force: true })
      }
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e
      const pid = Number(fs.readFileSync(file, 'utf8').trim())
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) {
        throw new DataDirLockedError(
          `The embedded database folder ${dir} is in use by another process (pid ${pid}). ` +
            `Stop that process, or set DATA_DIR to another folder.`,
        )
      }
      fs.rmSync(file, { force: true })
    }
  }
  throw new DataDirLockedError(`Could not lock the embedded database folder ${dir} (lock file ${file}).`)
}
