import { describe, expect, it } from 'vitest'
import {
  ACTOR_ROLES,
  FINAL_STATES,
  INCIDENT_STATES,
  INITIAL_STATE,
  REPORTING_ROLES,
  STATE_LABELS,
  ACTION_LABELS,
  WORKFLOW_ACTIONS,
  type IncidentState,
} from './states.ts'
import { WORKFLOW_TABLE } from './table.ts'

describe('§5 workflow table', () => {
  it('defines every action with known states and roles, and labels in zh and en', () => {
    expect(Object.keys(WORKFLOW_TABLE).sort()).toEqual([...WORKFLOW_ACTIONS].sort())
    for (const a of WORKFLOW_ACTIONS) {
      const r = WORKFLOW_TABLE[a]
      expect(r.from.length).toBeGreaterThan(0)
      for (const s of r.from) expect(INCIDENT_STATES).toContain(s)
      if (r.to !== null) expect(INCIDENT_STATES).toContain(r.to)
      expect(r.roles.length).toBeGreaterThan(0)
      for (const role of r.roles) expect(ACTOR_ROLES).toContain(role)
      expect(ACTION_LABELS[a].zh && ACTION_LABELS[a].en).toBeTruthy()
    }
    for (const s of INCIDENT_STATES) expect(STATE_LABELS[s].zh && STATE_LABELS[s].en).toBeTruthy()
  })

  it('follows the main line reported → registered → dispatched → accepted → on_site → resolved → closed', () => {
    const line = ['register', 'dispatch', 'accept', 'arrive', 'resolve', 'verifyPass'] as const
    let s: IncidentState = INITIAL_STATE
    for (const a of line) {
      expect(WORKFLOW_TABLE[a].from).toContain(s)
      s = WORKFLOW_TABLE[a].to!
    }
    expect(s).toBe('closed')
  })

  it('reaches every state from reported, and final states (rejected, merged) have no way out', () => {
    const seen = new Set<IncidentState>([INITIAL_STATE])
    for (let grew = true; grew; ) {
      grew = false
      for (const a of WORKFLOW_ACTIONS) {
        const { from, to } = WORKFLOW_TABLE[a]
        if (to && !seen.has(to) && from.some((f) => seen.has(f))) {
          seen.add(to)
          grew = true
        }
      }
    }
    expect([...seen].sort()).toEqual([...INCIDENT_STATES].sort())
    for (const a of WORKFLOW_ACTIONS) for (const f of FINAL_STATES) expect(WORKFLOW_TABLE[a].from).not.toContain(f)
  })

  it('read-only roles (viewer, public, efficiency_office, grid_admin) and admin take no incident actions', () => {
    for (const role of ['viewer', 'public', 'efficiency_office', 'grid_admin', 'admin'] as const)
      for (const a of WORKFLOW_ACTIONS) expect(WORKFLOW_TABLE[a].roles).not.toContain(role)
    expect(REPORTING_ROLES).toContain('public')
  })

  it('only requestExtension and decideExtension leave the state unchanged', () => {
    expect(WORKFLOW_ACTIONS.filter((a) => WORKFLOW_TABLE[a].to === null)).toEqual(['requestExtension', 'decideExtension'])
  })
})
