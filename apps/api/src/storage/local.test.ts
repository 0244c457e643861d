import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { Readable } from 'node:stream'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { LocalFileStorage } from './local.ts'
import { InvalidStorageKeyError, shardedKey } from './types.ts'

async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = []
  for (const e of await fs.readdir(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) out.push(path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
  }
  return out.sort()
}

async function text(stream: Readable): Promise<string> {
  const chunks: Buffer[] = []
  for await (const c of stream) chunks.push(c as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

describe('LocalFileStorage', () => {
  let root: string
  let storage: LocalFileStorage
  beforeEach(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'hj-storage-'))
    storage = new LocalFileStorage(path.join(root, 'files'))
  })
  afterEach(async () => {
    await fs.rm(root, { recursive: true, force: true })
  })

  it('puts a buffer and reads it back as a stream, a buffer and a stat', async () => {
    const info = await storage.put('photos/ab/cd/one.jpg', Buffer.from('hello 涵江'))
    expect(info).toMatchObject({ key: 'photos/ab/cd/one.jpg', bytes: Buffer.byteLength('hello 涵江') })
    expect(await text((await storage.get('photos/ab/cd/one.jpg'))!)).toBe('hello 涵江')
    expect((await storage.getBuffer('photos/ab/cd/one.jpg'))!.toString()).toBe('hello 涵江')
    expect(await storage.stat('photos/ab/cd/one.jpg')).toMatchObject({ bytes: info.bytes })
    expect(await listFiles(root)).toEqual(['files/photos/ab/cd/one.jpg'])
  })

  it('puts Node and web streams', async () => {
    await storage.put('a/node', Readable.from([Buffer.from('ab'), Buffer.from('cd')]))
    const web = new ReadableStream<Uint8Array>({
      start(ctl) {
        ctl.enqueue(new TextEncoder().encode('ef'))
        ctl.enqueue(new TextEncoder().encode('gh'))
        ctl.close()
      },
    })
    const info = await storage.put('a/web', web)
    expect(info.bytes).toBe(4)
    expect((await storage.getBuffer('a/node'))!.toString()).toBe('abcd')
    expect((await storage.getBuffer('a/web'))!.toString()).toBe('efgh')
  })

  it('replaces an object whole and leaves no temporary file', async () => {
    await storage.put('k/x', Buffer.from('first version'))
    await storage.put('k/x', Buffer.from('second'))
    expect((await storage.getBuffer('k/x'))!.toString()).toBe('second')
    expect(await listFiles(root)).toEqual(['files/k/x'])
  })

  it('writes nothing when the input fails half-way (no object, no temporary file, old object kept)', async () => {
    await storage.put('k/x', Buffer.from('old'))
    async function* failing() {
      yield Buffer.from('partial data')
      throw new Error('client went away')
    }
    await expect(storage.put('k/x', failing())).rejects.toThrow('client went away')
    await expect(storage.put('k/y', failing())).rejects.toThrow('client went away')
    expect((await storage.getBuffer('k/x'))!.toString()).toBe('old')
    expect(await storage.stat('k/y')).toBeNull()
    expect(await listFiles(root)).toEqual(['files/k/x'])
  })

  it('answers null / false for missing objects', async () => {
    expect(await storage.get('no/such')).toBeNull()
    expect(await storage.getBuffer('no/such')).toBeNull()
    expect(await storage.stat('no/such')).toBeNull()
    expect(await storage.delete('no/such')).toBe(false)
    await storage.put('yes/it', Buffer.from('x'))
    expect(await storage.stat('yes')).toBeNull() // a folder is not an object
    expect(await storage.delete('yes/it')).toBe(true)
    expect(await storage.stat('yes/it')).toBeNull()
  })

  it('refuses keys that could escape the root or clash with temporary files', async () => {
    for (const key of ['', '../etc/passwd', 'a/../../x', '/abs', 'a//b', 'a/', '.hidden', 'a/.x.tmp', 'a\\b', 'a b', 'x'.repeat(513)]) {
      await expect(storage.put(key, Buffer.from('x')), key).rejects.toBeInstanceOf(InvalidStorageKeyError)
      await expect(storage.get(key), key).rejects.toBeInstanceOf(InvalidStorageKeyError)
    }
    expect(await fs.readdir(root)).toEqual([])
  })
})

describe('shardedKey', () => {
  it('spreads ids over two folder levels', () => {
    expect(shardedKey('photos', '3fa2b9c0-1d2e-4f5a-8b6c-7d8e9f0a1b2c', '.jpg')).toBe(
      'photos/3f/a2/3fa2b9c0-1d2e-4f5a-8b6c-7d8e9f0a1b2c.jpg',
    )
    expect(() => shardedKey('photos', 'ab')).toThrow(InvalidStorageKeyError)
    expect(() => shardedKey('photos', '../../etc/passwd')).toThrow(InvalidStorageKeyError)
  })
})
