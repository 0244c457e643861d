import type { Config } from '../config.ts'
import { LocalFileStorage } from './local.ts'
import type { FileStorage } from './types.ts'

export * from './types.ts'
export { LocalFileStorage } from './local.ts'

/**
 * The file storage the configuration asks for. `FILE_STORAGE=local` (the default) keeps files under
 * `config.filesDir` (DATA_DIR/files). An S3/MinIO backend slots in here as another `case`, implementing
 * FileStorage with the same key scheme; nothing else changes.
 */
export function createFileStorage(config: Pick<Config, 'fileStorage' | 'filesDir'>): FileStorage {
  switch (config.fileStorage) {
    case 'local':
      return new LocalFileStorage(config.filesDir)
    default: {
      const never: never = config.fileStorage
      throw new Error(`unknown file storage ${String(never)}`)
    }
  }
}
