import type { Context } from 'hono'
import type { ActorRole } from '@hanjiang/shared'
import { actingRole, actorOf, type Actor } from './actor.ts'
import { problems } from './problem.ts'

/** The caller of the workbench / notification routes: who, acting in which role, of which unit and areas. */
export interface WorkActor extends Actor {
  unitCode: string | null
  /** Region-code prefixes of an inspector's / grid admin's areas. */
  areaPrefixes: string[]
}

const WORKBENCH_ROLES: readonly ActorRole[] = ['unit_supervisor', 'handler']

/**
 * The signed-in actor (auth/authorize.ts) with the role it acts in here: for the workbench the first of
 * unit_supervisor / handler it holds, elsewhere its primary role.
 */
export function workActorOf(c: Context, prefer: readonly ActorRole[] = WORKBENCH_ROLES): WorkActor {
  const a = actorOf(c)
  return { ...a, role: actingRole(a, prefer), unitCode: a.unitCode ?? null, areaPrefixes: [...(a.areaPrefixes ?? [])] }
}

/** The unit whose workbench the caller works in; a handler or unit supervisor without one cannot have one. */
export function requireUnit(actor: WorkActor): string {
  if (!actor.unitCode) throw problems.forbidden('no_unit', 'The workbench needs a unit: your account belongs to none')
  return actor.unitCode
}

export function requireWorkbenchRole(actor: WorkActor): void {
  if (!WORKBENCH_ROLES.includes(actor.role)) {
    throw problems.forbidden('role_not_allowed', `The workbench is for handlers and unit supervisors, not ${actor.role}`)
  }
}
