import { sql } from 'drizzle-orm'
import { expect, it } from 'vitest'
import type { Database } from '../src/db/types.ts'
import { publishDueChangeSets } from '../src/services/region-changes/publish-due.ts'
import { seedFixture, testApp } from './app.ts'
import type { WhoLike } from './auth.ts'
import { describeEachEngine } from './engines.ts'
import { incidentApi } from './incidents-helpers.ts'

// Fixture (test/fixtures/regions.ts): community 350303001001 (涵东北社区) is 119.00–119.10 E × 25.45–25.50 N with grids
// 001 [119.00–119.05 × 25.475–25.50], 002 [119.05–119.10 × 25.475–25.50], 003 [119.00–119.05 × 25.45–25.475],
// 004 [119.05–119.10 × 25.45–25.475]. The tests run in order on one database.
const COMMUNITY = '350303001001'
const G1 = '350303001001001'
const G2 = '350303001001002'
const G3 = '350303001001003'
const NEW = '350303001001005'
const STREET_ADMIN: WhoLike = { username: 'gridadmin_handong', roles: ['grid_admin'], areas: ['350303001000'] }

const rect = (w: number, s: number, e: number, n: number): GeoJSON.Polygon => ({
  type: 'Polygon',
  coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]],
})

/** Every region row (all versions): a refused or rolled-back write leaves this unchanged. */
const treeStamp = async (database: Database) => {
  const [r] = await database.rows<{ n: number; closed: number; max: number }>(sql`
    SELECT count(*)::int AS n, count(valid_to)::int AS closed, max(id)::int AS max FROM region`)
  return r
}

describeEachEngine(
  'grid editor change sets API',
  (ctx) => {
    const call = async (method: string, path: string, body?: unknown, who: WhoLike = 'admin') => {
      const res = await testApp(ctx.database, {}, who).request(path, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      })
      const text = await res.text()
      return { status: res.status, body: (text ? JSON.parse(text) : null) as any }
    }
    const incidents = incidentApi(() => ctx.database)

    it('draft → submit → approve publishes a re-tiling; assignment answers the new grid, old incidents keep their version', async () => {
      // An open incident in the east half of grid 001, created before the change.
      const created = await incidents.create({
        channel: 'hotline_12345', requestType: 'complaint', fineClass: '020602', location: { lng: 119.04, lat: 25.49 },
        address: '涵东街道 某路 9 号', description: '路边垃圾堆积', reporter: { name: '王五', phone: '13800001111' },
      })
      expect(created.status).toBe(201)
      expect(created.body.regions.grid.code).toBe(G1)
      const gridVersionBefore = created.body.regionVersions.grid

      // Split grid 001 at 119.025: the west half stays 001, the east half becomes a new grid.
      const draft = await call('POST', '/api/region-changes', {
        title: '涵东北社区 网格1 拆分',
        items: [
          { op: 'update', code: G1, baseVersion: 1, geometry: rect(119.0, 25.475, 119.025, 25.5) },
          { op: 'create', level: 'grid', parentCode: COMMUNITY, name: '网格5', geometry: rect(119.025, 25.475, 119.05, 25.5) },
        ],
      }, STREET_ADMIN)
      expect(draft.status).toBe(201)
      expect(draft.body).toMatchObject({ state: 'draft', version: 1, createdBy: 'gridadmin_handong', itemCount: 2 })
      expect(draft.body.items[1]).toMatchObject({ op: 'create', code: null, parentCode: COMMUNITY, geometry: { type: 'MultiPolygon' } })
      const id = draft.body.id

      const before = await treeStamp(ctx.database)
      const preview = await call('POST', `/api/region-changes/${id}/preview`, undefined, STREET_ADMIN)
      expect(preview.status).toBe(200)
      const [r0, r1] = preview.body.regions
      expect(r0).toMatchObject({ index: 0, op: 'update', code: G1 })
      expect(r0.areaAfterM2).toBeCloseTo(r0.areaBeforeM2 / 2, -3)
      expect(r1).toMatchObject({ index: 1, op: 'create', code: NEW, areaBeforeM2: null })
      expect(preview.body.incidents.count).toBe(1)
      expect(preview.body.incidents.items[0]).toMatchObject({
        code: created.body.code,
        from: { gridCode: G1, communityCode: COMMUNITY },
        to: { gridCode: NEW, gridIndex: 1, communityCode: COMMUNITY, streetCode: '350303001000' },
      })
      // The preview wrote nothing.
      expect(await treeStamp(ctx.database)).toEqual(before)

      const submitted = await call('POST', `/api/region-changes/${id}/submit`, { version: 1 }, STREET_ADMIN)
      expect(submitted.status).toBe(200)
      expect(submitted.body).toMatchObject({ state: 'submitted', submittedBy: 'gridadmin_handong', preview: { incidents: { count: 1 } } })
      expect(await treeStamp(ctx.database)).toEqual(before)

      // A grid admin may not approve.
      expect((await call('POST', `/api/region-changes/${id}/approve`, {}, STREET_ADMIN)).status).toBe(403)

      const approved = await call('POST', `/api/region-changes/${id}/approve`, { version: submitted.body.version, comment: '同意' })
      expect(approved.status).toBe(200)
      expect(approved.body).toMatchObject({ state: 'approved', decidedBy: 'admin', decisionComment: '同意' })
      expect(approved.body.publishedAt).not.toBeNull()
      expect(approved.body.items.map((i: any) => [i.code, i.publishedVersion])).toEqual([[G1, 2], [NEW, 1]])

      const assign = await call('GET', '/api/assign?lng=119.04&lat=25.49&fineClass=020602', undefined, 'dispatcher')
      expect(assign.status).toBe(200)
      expect(assign.body.grid).toEqual({ code: NEW, name: '网格5' })
      const west = await call('GET', '/api/assign?lng=119.01&lat=25.49&fineClass=020602', undefined, 'dispatcher')
      expect(west.body.grid.code).toBe(G1)
      expect(west.body.regionVersions.grid).not.toBe(gridVersionBefore)

      // The incident keeps the grid version it was assigned under.
      const inc = await incidents.get(created.body.code)
      expect(inc.body.regions.grid.code).toBe(G1)
      expect(inc.body.regionVersions.grid).toBe(gridVersionBefore)

      // New and old versions switch at one instant; the old one answers `at` lookups before it.
      const v = await call('GET', `/api/regions/${G1}/versions`, undefined, 'viewer')
      const [p1, p2] = v.body.features.map((f: any) => f.properties)
      expect(p1.validTo).toBe(p2.validFrom)
      expect((await call('GET', `/api/regions/${NEW}`)).body).toMatchObject({ version: 1, validFrom: p2.validFrom })

      // Audited.
      const audit = await ctx.database.rows<{ action: string }>(sql`
        SELECT action FROM audit_log WHERE object_type = 'region_change_set' AND object_id = ${String(id)} ORDER BY id`)
      expect(audit.map((a) => a.action)).toEqual(['region_change.create', 'region_change.submit', 'region_change.approve', 'region_change.publish'])
    })

    it('diffs two versions: the area removed, with m²', async () => {
      const d = await call('GET', `/api/regions/${G1}/diff?from=1&to=2`, undefined, 'viewer')
      expect(d.status).toBe(200)
      expect(d.body).toMatchObject({ type: 'FeatureCollection', code: G1, from: { version: 1 }, to: { version: 2 }, addedM2: 0 })
      expect(d.body.removedM2).toBeCloseTo(d.body.from.areaM2 / 2, -3)
      expect(d.body.features).toHaveLength(1)
      expect(d.body.features[0].properties.kind).toBe('removed')
      expect((await call('GET', `/api/regions/${G1}/diff?from=1&to=9`, undefined, 'viewer')).status).toBe(404)
      expect((await call('GET', `/api/regions/${G1}/diff?from=x&to=2`, undefined, 'viewer')).status).toBe(400)
    })

    it('reject and withdraw change nothing', async () => {
      const items = [
        { op: 'update', code: G1, baseVersion: 2, geometry: rect(119.0, 25.475, 119.05, 25.5) },
        { op: 'retire', code: NEW, baseVersion: 1 },
      ]
      const before = await treeStamp(ctx.database)
      const a = await call('POST', '/api/region-changes', { title: 'merge back', items }, STREET_ADMIN)
      const s = await call('POST', `/api/region-changes/${a.body.id}/submit`, {}, STREET_ADMIN)
      expect(s.status).toBe(200)
      expect((await call('POST', `/api/region-changes/${a.body.id}/reject`, {})).status).toBe(400)
      const rejected = await call('POST', `/api/region-changes/${a.body.id}/reject`, { comment: '边界不对' })
      expect(rejected.body).toMatchObject({ state: 'rejected', decisionComment: '边界不对', publishedAt: null })
      expect((await call('POST', `/api/region-changes/${a.body.id}/approve`, {})).body.code).toBe('change_set_state')

      const b = await call('POST', '/api/region-changes', { title: 'merge back 2', items }, STREET_ADMIN)
      const w = await call('POST', `/api/region-changes/${b.body.id}/withdraw`, { version: 1 }, STREET_ADMIN)
      expect(w.body.state).toBe('withdrawn')
      expect(await treeStamp(ctx.database)).toEqual(before)
    })

    it('retires a grid, never reuses its code, and numbers the next new grid after it', async () => {
      const merge = await call('POST', '/api/region-changes', {
        title: 'merge back',
        items: [
          { op: 'update', code: G1, baseVersion: 2, geometry: rect(119.0, 25.475, 119.05, 25.5) },
          { op: 'retire', code: NEW, baseVersion: 1 },
        ],
      }, STREET_ADMIN)
      await call('POST', `/api/region-changes/${merge.body.id}/submit`, {}, STREET_ADMIN)
      const ok = await call('POST', `/api/region-changes/${merge.body.id}/approve`, {})
      expect(ok.status).toBe(200)
      expect((await call('GET', `/api/regions/${NEW}`)).status).toBe(404)
      expect((await call('GET', '/api/assign?lng=119.04&lat=25.49&fineClass=020602', undefined, 'dispatcher')).body.grid.code).toBe(G1)

      const reuse = await call('POST', '/api/region-changes', {
        title: 'reuse',
        items: [
          { op: 'update', code: G1, baseVersion: 3, geometry: rect(119.0, 25.475, 119.025, 25.5) },
          { op: 'create', level: 'grid', code: NEW, parentCode: COMMUNITY, name: '网格5', geometry: rect(119.025, 25.475, 119.05, 25.5) },
        ],
      })
      const refused = await call('POST', `/api/region-changes/${reuse.body.id}/preview`)
      expect(refused.status).toBe(422)
      expect(refused.body.issues).toEqual([expect.objectContaining({ code: 'code_retired', feature: 1, regionCode: NEW })])

      const fresh = await call('PUT', `/api/region-changes/${reuse.body.id}/items`, {
        version: reuse.body.version,
        items: [
          { op: 'update', code: G1, baseVersion: 3, geometry: rect(119.0, 25.475, 119.025, 25.5) },
          { op: 'create', level: 'grid', parentCode: COMMUNITY, name: '网格6', geometry: rect(119.025, 25.475, 119.05, 25.5) },
        ],
      })
      expect(fresh.status).toBe(200)
      const p = await call('POST', `/api/region-changes/${fresh.body.id}/preview`)
      expect(p.status).toBe(200)
      expect(p.body.regions[1].code).toBe('350303001001006')
      await call('POST', `/api/region-changes/${fresh.body.id}/withdraw`, {})
    })

    it('409 change_set_stale names each region changed since the draft began, with both versions', async () => {
      const d = await call('POST', '/api/region-changes', { title: 'rename', items: [{ op: 'update', code: G2, baseVersion: 1, name: '网格二' }] }, STREET_ADMIN)
      expect((await call('PATCH', `/api/regions/${G2}`, { name: '网格2号' })).status).toBe(200)
      const before = await treeStamp(ctx.database)
      const s = await call('POST', `/api/region-changes/${d.body.id}/submit`, {}, STREET_ADMIN)
      expect(s.status).toBe(409)
      expect(s.body.code).toBe('change_set_stale')
      expect(s.body.regions).toEqual([{ code: G2, index: 0, baseVersion: 1, currentVersion: 2 }])
      expect(s.body.detail).toContain(G2)
      expect((await call('GET', `/api/region-changes/${d.body.id}`)).body.state).toBe('draft')
      expect(await treeStamp(ctx.database)).toEqual(before)
    })

    it('403 outside_areas names the region a grid admin may not touch', async () => {
      const communityAdmin: WhoLike = { username: 'gridadmin_c1', roles: ['grid_admin'], areas: [COMMUNITY] }
      const r = await call('POST', '/api/region-changes', { title: 'x', items: [{ op: 'update', code: '350303002001001', baseVersion: 1, name: 'x' }] }, communityAdmin)
      expect(r.status).toBe(403)
      expect(r.body).toMatchObject({ code: 'outside_areas', regionCode: '350303002001001' })
      expect(r.body.detail).toContain('350303002001001')
      // The community itself is their area, not inside it.
      const own = await call('POST', '/api/region-changes', { title: 'x', items: [{ op: 'update', code: COMMUNITY, baseVersion: 1, name: 'x' }] }, communityAdmin)
      expect(own.status).toBe(403)
      // A viewer reads but cannot write.
      expect((await call('GET', '/api/region-changes', undefined, 'viewer')).status).toBe(200)
      expect((await call('POST', '/api/region-changes', { title: 'x' }, 'viewer')).status).toBe(403)
    })

    it('refuses bad input, each with a clear problem naming the item, and writes nothing', async () => {
      const before = await treeStamp(ctx.database)
      const setsBefore = (await call('GET', '/api/region-changes')).body.items.length
      // Structural problems are refused when the draft is saved.
      const many = Array.from({ length: 100_001 }, (_, i) => [119.0 + (i % 1000) * 1e-6, 25.45 + Math.floor(i / 1000) * 1e-6])
      const structural = await call('POST', '/api/region-changes', {
        title: 'bad',
        items: [
          { op: 'create', level: 'grid', parentCode: COMMUNITY, name: 'line', geometry: { type: 'LineString', coordinates: [[119, 25.46], [119.01, 25.46]] } },
          { op: 'update', code: G3, baseVersion: 1, geometry: { type: 'Polygon', coordinates: [[[119, 25.45], [119.01, 25.45], [119.01, 25.46]]] } },
          { op: 'update', code: G3, baseVersion: 1, name: 'dup' },
          { op: 'create', level: 'grid', parentCode: COMMUNITY, name: 'huge', geometry: { type: 'Polygon', coordinates: [[...many, many[0]]] } },
          { op: 'retire', code: G2 },
        ],
      })
      expect(structural.status).toBe(422)
      expect(structural.body.code).toBe('change_set_invalid')
      const byFeature = Object.fromEntries(structural.body.issues.map((i: any) => [i.feature, i.code]))
      expect(byFeature).toEqual({ 0: 'validation_failed', 1: 'invalid_geometry', 2: 'duplicate_code', 3: 'geometry_too_large', 4: 'validation_failed' })
      expect(structural.body.errors.map((e: any) => e.path)).toContain('items.0.geometry.type')
      expect((await call('GET', '/api/region-changes')).body.items.length).toBe(setsBefore)

      // Spatial problems: the draft is kept (it is a draft), the preview and submission name each problem.
      const cases: [string, unknown, string][] = [
        ['self-intersection', { op: 'update', code: G3, baseVersion: 1, geometry: { type: 'Polygon', coordinates: [[[119.0, 25.45], [119.05, 25.475], [119.05, 25.45], [119.0, 25.475], [119.0, 25.45]]] } }, 'invalid_geometry'],
        ['overlap', { op: 'update', code: G3, baseVersion: 1, geometry: rect(119.0, 25.45, 119.06, 25.475) }, 'sibling_overlap'],
        ['gap', { op: 'update', code: G3, baseVersion: 1, geometry: rect(119.0, 25.45, 119.04, 25.475) }, 'coverage_gap'],
        ['outside parent', { op: 'create', level: 'grid', parentCode: COMMUNITY, name: 'x', geometry: rect(119.0, 25.43, 119.01, 25.44) }, 'outside_parent'],
        ['outside district', { op: 'update', code: '350303002000', baseVersion: 1, geometry: rect(119.1, 25.4, 119.25, 25.5) }, 'outside_district'],
        ['unknown parent', { op: 'create', level: 'grid', parentCode: '350303001009', name: 'x', geometry: rect(119.0, 25.45, 119.01, 25.46) }, 'parent_not_found'],
      ]
      for (const [what, itemInput, code] of cases) {
        const d = await call('POST', '/api/region-changes', { title: what, items: [itemInput] })
        expect(d.status, what).toBe(201)
        const p = await call('POST', `/api/region-changes/${d.body.id}/preview`)
        expect(p.status, what).toBe(422)
        expect(p.body.code, what).toBe('change_set_invalid')
        expect(p.body.issues[0], what).toMatchObject({ code, feature: 0 })
        expect(p.body.detail, what).toMatch(/^item 0: /)
        const s = await call('POST', `/api/region-changes/${d.body.id}/submit`, {})
        expect(s.status, what).toBe(422)
        expect((await call('GET', `/api/region-changes/${d.body.id}`)).body.state, what).toBe('draft')
      }
      const gap = await call('POST', '/api/region-changes', { title: 'gap', items: [cases[2]![1]] })
      const g = (await call('POST', `/api/region-changes/${gap.body.id}/preview`)).body.issues[0]
      expect(g).toMatchObject({ regionCode: G3, parentCode: COMMUNITY, geometry: { type: 'MultiPolygon' } })
      expect(g.areaM2).toBeGreaterThan(100_000)
      const empty = await call('POST', '/api/region-changes', { title: 'empty' })
      expect((await call('POST', `/api/region-changes/${empty.body.id}/submit`, {})).body.code).toBe('change_set_empty')
      expect(await treeStamp(ctx.database)).toEqual(before)
    })

    it('an approval for a later time publishes nothing until then', async () => {
      const d = await call('POST', '/api/region-changes', { title: 'later', items: [{ op: 'update', code: G3, baseVersion: 1, name: '网格三' }] })
      await call('POST', `/api/region-changes/${d.body.id}/submit`, {})
      expect((await call('POST', `/api/region-changes/${d.body.id}/approve`, { effectiveFrom: '2020-01-01T00:00:00+08:00' })).body.code).toBe('effective_from_past')
      const later = new Date(Date.now() + 3600_000).toISOString()
      const a = await call('POST', `/api/region-changes/${d.body.id}/approve`, { effectiveFrom: later })
      expect(a.body).toMatchObject({ state: 'approved', publishedAt: null })
      expect(Date.parse(a.body.effectiveFrom)).toBe(Date.parse(later))
      expect((await publishDueChangeSets(ctx.database)).published).toEqual([])
      expect((await call('GET', `/api/regions/${G3}`)).body.name).toBe('网格3')

      // When the time has come (moved back here rather than waiting), the worker's step publishes it from then.
      const due = new Date(Date.now() - 1000).toISOString()
      await ctx.database.rows(sql`UPDATE region_change_set SET effective_from = ${due}::timestamptz WHERE id = ${d.body.id}`)
      expect((await publishDueChangeSets(ctx.database)).published).toEqual([d.body.id])
      const g3 = (await call('GET', `/api/regions/${G3}`)).body
      expect(g3).toMatchObject({ name: '网格三', version: 2 })
    })
  },
  seedFixture,
)
