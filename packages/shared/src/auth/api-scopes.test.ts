import { describe, expect, it } from 'vitest'
import { API_SCOPES, isApiScope, scopePermissions } from './api-scopes.ts'

describe('API key scopes', () => {
  it('grants reads and exports for incidents:read, nothing on /api for open311:write', () => {
    expect(scopePermissions(['incidents:read'])).toEqual(['incident.read', 'incident.export'])
    expect(scopePermissions(['open311:write'])).toEqual([])
    expect(scopePermissions(['open311:write', 'incidents:read', 'incidents:read'])).toEqual(['incident.read', 'incident.export'])
  })
  it('ignores unknown scopes and knows its own', () => {
    expect(scopePermissions(['admin', 'user.manage'])).toEqual([])
    expect(API_SCOPES.every(isApiScope)).toBe(true)
    expect(isApiScope('incidents:write')).toBe(false)
  })
})
