import type { Actor } from '../../http/actor.ts'
import type { ApiKeyUse } from '../auth/credentials.ts'

/**
 * The actor of a request made with a unit's API key: not a person (no userId, no roles of a person), named
 * `apikey:<name>` in event logs and audit rows, reporting like the public does, reading within its unit.
 */
export function actorOfApiKey(key: ApiKeyUse, extra: Pick<Actor, 'ip' | 'userAgent'> = {}): Actor {
  return {
    id: `apikey:${key.name}`,
    role: 'public',
    roles: ['public'],
    unitCode: key.unitCode,
    apiKey: { id: key.id, name: key.name, scopes: key.scopes, rateLimitPerMinute: key.rateLimitPerMinute },
    ...extra,
  }
}
