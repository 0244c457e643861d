import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from '../config.ts'
import { createFileStorage, LocalFileStorage } from './index.ts'

describe('createFileStorage', () => {
  it('keeps files on local disk under DATA_DIR/files by default', () => {
    const config = loadConfig({ DATA_DIR: '/srv/hanjiang' })
    expect(config.fileStorage).toBe('local')
    const storage = createFileStorage(config)
    expect(storage).toBeInstanceOf(LocalFileStorage)
    expect(storage.kind).toBe('local')
    expect((storage as LocalFileStorage).root).toBe(path.resolve('/srv/hanjiang/files'))
  })

  it('reads the photo size limit from PHOTO_MAX_BYTES (10 MB by default) and refuses unknown backends', () => {
    expect(loadConfig({}).photoMaxBytes).toBe(10 * 1024 * 1024)
    expect(loadConfig({ PHOTO_MAX_BYTES: '2097152' }).photoMaxBytes).toBe(2 * 1024 * 1024)
    expect(() => loadConfig({ PHOTO_MAX_BYTES: 'ten megabytes' })).toThrow(/PHOTO_MAX_BYTES/)
    expect(() => loadConfig({ FILE_STORAGE: 'ftp' })).toThrow(ConfigError)
  })
})
