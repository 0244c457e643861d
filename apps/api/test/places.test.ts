import { Hono } from 'hono'
import { expect, it } from 'vitest'
import { loadConfig } from '../src/config.ts'
import { Problem } from '../src/http/problem.ts'
import { placeRoutes } from '../src/routes/places.ts'
import { seedFixture } from './app.ts'
import { describeEachEngine } from './engines.ts'

/** The route alone (its authorization rule is tested by the route × role matrix), with problems as JSON. */
function placesApp(database: Parameters<typeof placeRoutes>[0]['database']) {
  const config = loadConfig({ LOG_LEVEL: 'silent', WEB_DIST: '/nonexistent' })
  return new Hono()
    .route('/api', placeRoutes({ database, config }))
    .onError((e) => (e instanceof Problem ? Response.json(e.toJSON(), { status: e.status }) : Response.json({ error: String(e) }, { status: 500 })))
}

describeEachEngine(
  'place search for the hotline intake',
  (ctx) => {
    const get = async (q: string) => {
      const res = await placesApp(ctx.database).request(`/api/places?${q}`)
      return { status: res.status, body: (await res.json()) as any }
    }

    it('finds streets and communities by name, exact and earlier matches first, with a point inside', async () => {
      const { status, body } = await get(`q=${encodeURIComponent('涵东')}`)
      expect(status).toBe(200)
      expect(body.query).toBe('涵东')
      const names = body.places.map((p: { name: string }) => p.name)
      expect(names.slice(0, 3)).toEqual(['涵东街道', '涵东北社区', '涵东南社区'])
      const street = body.places[0]
      expect(street).toMatchObject({ id: '350303001000', kind: 'street', parent: null })
      // The fixture street is 119.0–119.1 E × 25.4–25.5 N.
      expect(street.point.lng).toBeGreaterThan(119.0)
      expect(street.point.lng).toBeLessThan(119.1)
      expect(street.point.lat).toBeGreaterThan(25.4)
      expect(street.point.lat).toBeLessThan(25.5)
      expect(body.places[1]).toMatchObject({ kind: 'community', parent: { code: '350303001000', name: '涵东街道' } })
      expect((await get(`q=${encodeURIComponent('涵东街道')}`)).body.places[0].name).toBe('涵东街道')
    })

    it('finds grids by a code prefix and the named roads and rivers with their line', async () => {
      const grids = (await get('q=350303001001')).body.places
      expect(grids.map((p: { kind: string }) => p.kind)).toEqual(['community', 'grid', 'grid', 'grid', 'grid'])
      expect(grids[1]).toMatchObject({ id: '350303001001001', parent: { code: '350303001001' } })
      const road = (await get(`q=${encodeURIComponent('324')}`)).body.places
      expect(road).toHaveLength(1)
      expect(road[0]).toMatchObject({ id: 'road-g324', name: '324国道', kind: 'road', line: { type: 'LineString' } })
      expect(road[0].line.coordinates).toContainEqual([road[0].point.lng, road[0].point.lat])
      expect((await get(`q=${encodeURIComponent('木兰溪')}`)).body.places[0]).toMatchObject({ kind: 'river' })
    })

    it('treats LIKE wildcards literally and honours the limit', async () => {
      expect((await get('q=%25')).body.places).toEqual([])
      expect((await get('q=_')).body.places).toEqual([])
      expect((await get(`q=${encodeURIComponent('社区')}&limit=2`)).body.places).toHaveLength(2)
    })

    it('refuses a missing, empty or too long query and a bad limit', async () => {
      for (const q of ['', 'q=', 'q=%20%20', `q=${'长'.repeat(51)}`, 'q=x&limit=0', 'q=x&limit=21', 'q=x&limit=a']) {
        const { status, body } = await get(q)
        expect(status, q).toBe(400)
        expect(body.errors?.length, q).toBeGreaterThan(0)
      }
    })
  },
  seedFixture,
)
