import { sha256 } from '../auth/crypto.ts'
import { apiKeyHashExists, insertApiKey } from '../db/repositories/api-keys.ts'
import type { AppDb, Database } from '../db/types.ts'

/**
 * Demo mode only: one Open311 key with a known value (README), so anyone can post a service request at once.
 * Issued once: a revoked or rotated demo key stays revoked across restarts.
 */
export const DEMO_OPEN311_KEY = 'hanjiang-open311-demo'

export async function seedDemoApiKey(database: Database, tx: AppDb): Promise<number> {
  const tokenHash = sha256(DEMO_OPEN311_KEY)
  if (await apiKeyHashExists(database, tokenHash, tx)) return 0
  await insertApiKey(
    database,
    {
      name: 'Open311 演示 (demo)', unitCode: 'command_center', scopes: ['open311:write'], rateLimitPerMinute: 120,
      tokenHash, tokenPrefix: DEMO_OPEN311_KEY.slice(0, 10), createdBy: null, expiresAt: null,
    },
    tx,
  )
  return 1
}
