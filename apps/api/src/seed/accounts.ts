import { randomBytes } from 'node:crypto'
import { regionPrefix, type RegionLevel, type UserRole } from '@hanjiang/shared'
import { countUsers, insertUser } from '../db/repositories/accounts.ts'
import type { AppDb, Database } from '../db/types.ts'
import { hashPassword } from '../auth/crypto.ts'

interface DemoAccount {
  username: string
  displayName: string
  unitCode: string
  roles: UserRole[]
  areas?: { code: string; level: RegionLevel }[]
}

const HANDONG = { code: '350303001000', level: 'street' as const } // 涵东街道
const HANXI = { code: '350303002000', level: 'street' as const } // 涵西街道

/** Demo mode only: one account per role (username = role code) and a few more units/areas. Listed in the README. */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { username: 'admin', displayName: '系统管理员', unitCode: 'command_center', roles: ['admin'] },
  { username: 'dispatcher', displayName: '调度员 王敏', unitCode: 'command_center', roles: ['dispatcher'] },
  { username: 'inspector', displayName: '监督员 林涛 (涵西街道)', unitCode: 'command_center', roles: ['inspector'], areas: [HANXI] },
  { username: 'inspector.handong', displayName: '监督员 陈静 (涵东街道)', unitCode: 'command_center', roles: ['inspector'], areas: [HANDONG] },
  { username: 'grid_admin', displayName: '网格管理员 黄伟 (涵东街道)', unitCode: 'office_350303001', roles: ['grid_admin'], areas: [HANDONG] },
  { username: 'handler', displayName: '处置员 郑强 (城市管理局)', unitCode: 'city_admin', roles: ['handler'] },
  // A colleague in the same unit: the workbench's assign picker has someone to hand work to.
  { username: 'handler.li', displayName: '处置员 李娜 (城市管理局)', unitCode: 'city_admin', roles: ['handler'] },
  { username: 'handler.transport', displayName: '处置员 吴刚 (交通运输局)', unitCode: 'transport', roles: ['handler'] },
  { username: 'handler.water', displayName: '处置员 许丽 (水利局)', unitCode: 'water_resources', roles: ['handler'] },
  { username: 'unit_supervisor', displayName: '科长 蔡明 (城市管理局)', unitCode: 'city_admin', roles: ['unit_supervisor'] },
  { username: 'efficiency_office', displayName: '效能办 周红', unitCode: 'efficiency_office', roles: ['efficiency_office'] },
  { username: 'viewer', displayName: '领导 (只读)', unitCode: 'command_center', roles: ['viewer'] },
  { username: 'service_admin', displayName: '服务中心管理员 翁丽 (区行政服务中心)', unitCode: 'service_center', roles: ['service_admin'] },
]

export interface AccountSeedReport {
  accounts: number
  /** Set only when a bootstrap admin password was generated: printed once at start, never stored in clear. */
  generatedAdminPassword?: string
}

/**
 * Into a database without users: in demo mode the demo accounts (password DEMO_PASSWORD, no forced change);
 * otherwise one bootstrap `admin` (command center) whose password — ADMIN_PASSWORD or a generated one — must
 * be changed at first sign-in.
 */
export async function seedAccounts(
  database: Database,
  tx: AppDb,
  opts: { demo: boolean; demoPassword: string; adminPassword?: string },
): Promise<AccountSeedReport> {
  if ((await countUsers(database, tx)) > 0) return { accounts: 0 }
  if (opts.demo) {
    const passwordHash = await hashPassword(opts.demoPassword)
    for (const a of DEMO_ACCOUNTS) {
      const areas = (a.areas ?? []).map((x) => ({ code: x.code, prefix: regionPrefix(x.code, x.level) }))
      await insertUser(database, { ...a, passwordHash, mustChangePassword: false, areas }, tx)
    }
    return { accounts: DEMO_ACCOUNTS.length }
  }
  const generated = opts.adminPassword ? undefined : `Hj-${randomBytes(12).toString('base64url')}`
  const passwordHash = await hashPassword(opts.adminPassword ?? generated!)
  await insertUser(
    database,
    { username: 'admin', displayName: '系统管理员', unitCode: 'command_center', roles: ['admin'], areas: [], passwordHash, mustChangePassword: true },
    tx,
  )
  return { accounts: 1, generatedAdminPassword: generated }
}
