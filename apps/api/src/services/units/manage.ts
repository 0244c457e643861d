import type { UnitRow } from '@hanjiang/shared/contract'
import { findUnit, insertUnit, listUnits, updateUnit } from '../../db/repositories/units.ts'
import type { Database } from '../../db/types.ts'
import type { Actor } from '../../http/actor.ts'
import { problems } from '../../http/problem.ts'
import { recordAudit } from '../audit/record.ts'

export const listUnitsForAdmin = (database: Database): Promise<UnitRow[]> => listUnits(database)

export async function createUnit(database: Database, actor: Actor, u: UnitRow): Promise<UnitRow> {
  await database.db.transaction(async (tx) => {
    if (u.parentCode && !(await findUnit(database, u.parentCode, tx))) {
      throw problems.unprocessable('unknown_unit', `Unknown parent unit ${u.parentCode}`, { errors: [{ path: 'parentCode', message: 'unknown unit' }] })
    }
    if (!(await insertUnit(database, u, tx))) throw problems.conflict('unit_exists', `Unit ${u.code} exists`)
    await recordAudit(database, actor, { action: 'unit.create', objectType: 'unit', objectId: u.code, detail: u }, tx)
  })
  return (await findUnit(database, u.code))!
}

export async function updateUnitForAdmin(database: Database, actor: Actor, code: string, p: Partial<Omit<UnitRow, 'code'>>): Promise<UnitRow> {
  await database.db.transaction(async (tx) => {
    if (!(await updateUnit(database, code, p, tx))) throw problems.notFound('unit', `No unit ${code}`)
    await recordAudit(database, actor, { action: 'unit.update', objectType: 'unit', objectId: code, detail: p }, tx)
  })
  return (await findUnit(database, code))!
}
