import fs from 'node:fs'
import path from 'node:path'

/**
 * The repository root: the nearest folder above `from` holding drizzle/meta/_journal.json. Found by walking up
 * rather than by a fixed number of `..`, because the same code runs from apps/api/src (tsx, tests) and bundled
 * from apps/api/dist (npm start, the image).
 */
export function findRepoRoot(from: string): string {
  for (let dir = from; ; ) {
    if (fs.existsSync(path.join(dir, 'drizzle', 'meta', '_journal.json'))) return dir
    const up = path.dirname(dir)
    if (up === dir) throw new Error(`no repository root (drizzle/meta/_journal.json) above ${from}`)
    dir = up
  }
}

/** Repo root, resolved from this file so the app works from any cwd. */
export const REPO_ROOT = findRepoRoot(import.meta.dirname)
