import fs from 'node:fs'
import path from 'node:path'
import { BackupError, run } from './tools.ts'

/**
 * The archive is a gzipped tar made and read by the system `tar` (GNU or bsdtar): any operator can list or unpack
 * it by hand. Layout: manifest.json, database.dump (pg_dump custom format) or pglite.tar.gz (PGlite data folder),
 * files/… (the photo folder as it was).
 */
export async function packFolder(folder: string, out: string): Promise<void> {
  const tmp = `${out}.partial`
  await run('tar', ['-czf', tmp, '-C', folder, '.'])
  // Renamed only when complete: a crash mid-backup never leaves a file that looks like a backup.
  fs.renameSync(tmp, out)
}

/** Every entry in the archive (normalised: no leading ./), failing when it is not a readable gzipped tar. */
export async function listArchive(file: string): Promise<string[]> {
  if (!fs.existsSync(file)) throw new BackupError(`no such archive: ${file}`)
  let listing: string
  try {
    listing = await run('tar', ['-tzf', file])
  } catch (e) {
    throw new BackupError(`${file} is not a readable backup archive (gzipped tar): ${(e as Error).message}`)
  }
  return listing
    .split('\n')
    .map((l) => l.replace(/^\.\//, ''))
    .filter((l) => l && l !== '.' && l !== './')
}

export async function unpackArchive(file: string, into: string): Promise<void> {
  fs.mkdirSync(into, { recursive: true })
  await run('tar', ['-xzf', file, '-C', into, '--no-same-owner'])
}

/** Regular files under `dir`, as paths relative to it. */
export function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return []
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((d) => d.isFile())
    .map((d) => path.relative(dir, path.join(d.parentPath, d.name)))
}
