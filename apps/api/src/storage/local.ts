import { randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import type { Readable } from 'node:stream'
import { assertStorageKey, type FileStorage, type StorageInput, type StoredObjectInfo } from './types.ts'

function isMissing(e: unknown): boolean {
  const code = (e as NodeJS.ErrnoException).code
  return code === 'ENOENT' || code === 'ENOTDIR'
}

async function* chunksOf(data: Exclude<StorageInput, Uint8Array>): AsyncIterable<Uint8Array> {
  // Node Readables and web ReadableStreams (Node 20) are both async-iterable.
  yield* data as AsyncIterable<Uint8Array>
}

/**
 * Files under one root folder on local disk, one file per key (`<root>/photos/3f/a2/<id>-orig`).
 *
 * Writes are atomic: the bytes go to a temporary file in the target's folder (named with a leading dot,
 * which no key segment may have), are fsynced, then renamed over the target; the folder is fsynced after
 * the rename where the platform allows. A crash leaves at most a stray `.…tmp` file, never a partial
 * object under a real key.
 */
export class LocalFileStorage implements FileStorage {
  readonly kind = 'local'
  readonly root: string

  constructor(root: string) {
    this.root = path.resolve(root)
  }

  /** The absolute path of a key (for diagnostics; callers should go through the interface). */
  pathOf(key: string): string {
    assertStorageKey(key)
    return path.join(this.root, ...key.split('/'))
  }

  async put(key: string, data: StorageInput): Promise<StoredObjectInfo> {
    const target = this.pathOf(key)
    const dir = path.dirname(target)
    await fs.mkdir(dir, { recursive: true })
    const tmp = path.join(dir, `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`)
    let bytes = 0
    try {
      const fh = await fs.open(tmp, 'wx', 0o644)
      try {
        if (data instanceof Uint8Array) {
          await fh.writeFile(data)
          bytes = data.byteLength
        } else {
          for await (const chunk of chunksOf(data)) {
            const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk
            await fh.write(buf)
            bytes += buf.byteLength
          }
        }
        await fh.sync()
      } finally {
        await fh.close()
      }
      await fs.rename(tmp, target)
    } catch (e) {
      await fs.rm(tmp, { force: true }).catch(() => {})
      throw e
    }
    await syncDir(dir)
    const st = await fs.stat(target)
    return { key, bytes, modifiedAt: st.mtime }
  }

  async get(key: string): Promise<Readable | null> {
    const file = this.pathOf(key)
    try {
      // Open first so a missing file answers null here instead of failing the stream later.
      const fh = await fs.open(file, 'r')
      return fh.createReadStream()
    } catch (e) {
      if (isMissing(e)) return null
      throw e
    }
  }

  async getBuffer(key: string): Promise<Buffer | null> {
    try {
      return await fs.readFile(this.pathOf(key))
    } catch (e) {
      if (isMissing(e)) return null
      throw e
    }
  }

  async stat(key: string): Promise<StoredObjectInfo | null> {
    try {
      const st = await fs.stat(this.pathOf(key))
      if (!st.isFile()) return null
      return { key, bytes: st.size, modifiedAt: st.mtime }
    } catch (e) {
      if (isMissing(e)) return null
      throw e
    }
  }

  async delete(key: string): Promise<boolean> {
    try {
      await fs.unlink(this.pathOf(key))
      return true
    } catch (e) {
      if (isMissing(e)) return false
      throw e
    }
  }
}

/** Makes a rename durable. Best effort: some platforms (Windows) cannot open or fsync a folder. */
async function syncDir(dir: string): Promise<void> {
  let fh: fs.FileHandle | undefined
  try {
    fh = await fs.open(dir, 'r')
    await fh.sync()
  } catch {
    // not supported here; the file itself was fsynced before the rename
  } finally {
    await fh?.close().catch(() => {})
  }
}
