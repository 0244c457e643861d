import { z } from 'zod'

export const BACKUP_FORMAT = 'hanjiang-backup' as const

/** What a backup says about itself, written first and checked before anything is restored. */
export const manifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(1),
  engine: z.enum(['server', 'embedded']),
  createdAt: z.string(),
  /** database.dump (pg_dump -Fc) for the server, pglite.tar.gz (dumpDataDir) for the embedded engine. */
  databaseFile: z.enum(['database.dump', 'pglite.tar.gz']),
  postgres: z.string(),
  migrations: z.number().int(),
  tables: z.array(z.object({ table: z.string(), rows: z.number().int(), md5: z.string() })),
  files: z.object({ count: z.number().int(), bytes: z.number().int() }),
})
export type BackupManifest = z.infer<typeof manifestSchema>
