import { sql } from 'drizzle-orm'
import { expect, it } from 'vitest'
import { USER_ROLES } from '@hanjiang/shared'
import { seedDatabase } from '../src/seed/index.ts'
import { testApp } from './app.ts'
import { describeEachEngine } from './engines.ts'

describeEachEngine(
  'Hanjiang demo seed',
  (ctx) => {
    // Not `dispatcher`: that name is a demo account with the demo password.
    const assign = async (q: string) =>
      (await testApp(ctx.database, {}, { role: 'dispatcher', username: 'seat-test' }).request(`/api/assign?${q}`)).json() as any

    it('has the district, 13 streets/towns, 200 communities and a few thousand grids', async () => {
      const rows = await ctx.database.rows<{ level: string; n: number }>(
        sql`SELECT level, count(*)::int AS n FROM region WHERE valid_to IS NULL GROUP BY level`,
      )
      const n = Object.fromEntries(rows.map((r) => [r.level, Number(r.n)]))
      expect(n).toMatchObject({ district: 1, street: 13, community: 200 })
      expect(n.grid).toBeGreaterThan(2000)
      expect(n.grid).toBeLessThan(8000)
    })

    it('codes nest: every grid is 15 digits under its community, every parent exists', async () => {
      const [bad] = await ctx.database.rows<{ n: number }>(sql`
        SELECT count(*)::int AS n FROM region c LEFT JOIN region p ON p.code = c.parent_code
        WHERE c.level <> 'district' AND (p.code IS NULL
          OR (c.level = 'grid' AND (length(c.code) <> 15 OR left(c.code, 12) <> p.code)))`)
      expect(Number(bad!.n)).toBe(0)
    })

    it('each level tiles its parent: children areas add up and every geometry is valid', async () => {
      const [r] = await ctx.database.rows<{ worst: number; invalid: number }>(sql`
        WITH sums AS (
          SELECT p.code, ST_Area(p.geom::geography) AS parent, sum(ST_Area(c.geom::geography)) AS children
          FROM region p JOIN region c ON c.parent_code = p.code GROUP BY p.code, p.geom
        )
        SELECT max(abs(children - parent) / parent) AS worst,
               (SELECT count(*) FROM region WHERE NOT ST_IsValid(geom))::int AS invalid
        FROM sums`)
      expect(Number(r!.worst)).toBeLessThan(1e-5)
      expect(Number(r!.invalid)).toBe(0)
    })

    it('seeds responsibility areas that route around the fine-class table', async () => {
      // On the county road 江萩公路 (a vertex of the demo line): road damage → the highway centre.
      expect((await assign('lng=119.14&lat=25.515&fineClass=010501')).unit.code).toBe('transport_highway')
      // On 木兰溪: floating rubbish → the river station.
      expect((await assign('lng=119.0775&lat=25.4388&fineClass=020607')).unit.code).toBe('water_river')
      // Water outage in 涵东 (urban) vs 庄边 (rural) seat.
      expect((await assign('lng=119.116783&lat=25.461942&fineClass=010102')).unit.code).toBe('water_utility_urban')
      const rural = await assign('lng=119.0&lat=25.55&fineClass=010102')
      expect(rural.unit.code).toBe(rural.street ? 'water_utility_rural' : 'water_utility')
      // A class-level area: street order in the scenic area → its office.
      expect((await assign('lng=119.13&lat=25.518&fineClass=020701')).unit.code).toBe('tourism_scenic')
    })

    it('is a no-op on a seeded database', async () => {
      const again = await seedDatabase(ctx.database, { demo: true })
      expect(again).toMatchObject({ units: 0, regions: 0, areas: 0, accounts: 0 })
    })

    it('has one demo account per role (username = role code) signing in with the demo password', async () => {
      for (const username of [...USER_ROLES, 'handler.transport', 'handler.water', 'inspector.handong']) {
        const res = await testApp(ctx.database).request('/api/auth/login', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username, password: 'hanjiang-demo' }),
        })
        expect(res.status, username).toBe(200)
        const { user } = (await res.json()) as any
        expect(user.mustChangePassword).toBe(false)
        if ((USER_ROLES as readonly string[]).includes(username)) expect(user.roles).toEqual([username])
      }
    })
  },
  async (database) => {
    await seedDatabase(database, { demo: true })
  },
)
