import { sql } from 'drizzle-orm'
import { expect, it } from 'vitest'
import { seedFixture } from './app.ts'
import { describeEachEngine } from './engines.ts'
import { complaint, incidentApi, photo, type Json } from './incidents-helpers.ts'

/**
 * R9 一诉一整改: closing the primary of a cluster answers every report merged into it, in the same transaction;
 * reopening it (after a bad callback) tells them the same way.
 */
describeEachEngine(
  'R9: closing a cluster primary answers its members, reopening it tells them',
  (ctx) => {
    const api = incidentApi(() => ctx.database)
    const closureBells = async (codes: string[], kind: 'closure' | 'reopen' = 'closure') =>
      ctx.database.rows<{ code: string; unit: string | null; role: string | null; data: Json }>(sql`
        SELECT incident_code AS code, unit_code AS unit, role, data FROM notification
        WHERE kind = ${kind} AND incident_code IN (${sql.join(codes.map((c) => sql`${c}`), sql`, `)}) ORDER BY id`)

    /** A primary with two direct members and one member merged into a member (a chain), plus an unrelated report. */
    async function cluster() {
      const primary = (await api.create(complaint({ description: '垃圾堆积（主件）' }))).body.code as string
      await api.step(primary, 'register', { incidentType: 'complaint' })
      const members: string[] = []
      for (const d of ['同一处垃圾又有人反映', '垃圾堆积第三次反映']) {
        const code = (await api.create(complaint({ description: d, channel: 'public_web' }))).body.code as string
        await api.step(code, 'register', { incidentType: 'complaint' })
        await api.step(code, 'merge', { primaryCode: primary })
        members.push(code)
      }
      // A chain: Z merged into Y while Y was still open, then Y into the primary.
      const y = (await api.create(complaint({ description: '垃圾（Y）' }))).body.code as string
      const z = (await api.create(complaint({ description: '垃圾（Z）' }))).body.code as string
      await api.step(z, 'merge', { primaryCode: y })
      await api.step(y, 'merge', { primaryCode: primary })
      const other = (await api.create(complaint({ description: '无关的另一件' }))).body.code as string
      return { primary, members: [...members, y, z], other }
    }

    it('verifyPass of the primary: one primaryClosed event per member (direct and chained), with the note and after-photos; versions move; the bell rings at the center', async () => {
      const { primary, members, other } = await cluster()
      const versions: number[] = await Promise.all(members.map(async (m) => (await api.get(m)).body.version as number))
      await api.step(primary, 'dispatch', { unitCode: 'city_admin' })
      await api.step(primary, 'accept', {}, 'handler')
      await api.step(primary, 'arrive', {}, 'handler')
      const after = photo()
      await api.step(primary, 'resolve', { note: '已清运并设置提示牌', afterPhotos: [after] }, 'handler')
      const closed = await api.step(primary, 'verifyPass', {}, 'inspector')
      expect(closed.state).toBe('closed')
      const closeEvent = (await api.events(primary)).at(-1) as Json

      for (const [i, m] of members.entries()) {
        const view = (await api.get(m)).body
        expect(view).toMatchObject({ state: 'merged', version: versions[i]! + 1 })
        const events = await api.events(m)
        const answer = events.filter((e: Json) => e.action === 'primaryClosed')
        expect(answer, m).toHaveLength(1)
        expect(answer[0]).toMatchObject({
          from: 'merged',
          to: 'merged',
          at: closeEvent.at,
          actorRole: 'inspector',
          photos: [{ id: after, kind: 'after' }],
          data: { rule: 'R9', primaryCode: primary, primaryAction: 'verifyPass', version: versions[i]! + 1 },
        })
        expect(answer[0].data.message.zh).toContain(primary)
      }
      expect((await api.events(other)).some((e: Json) => e.action === 'primaryClosed')).toBe(false)
      expect((await api.events(primary)).some((e: Json) => e.action === 'primaryClosed')).toBe(false)

      // The members never had a unit (merged at the center): each rings the command center's dispatchers.
      const bells = await closureBells(members)
      expect(bells.map((b) => b.code).sort()).toEqual([...members].sort())
      for (const b of bells) expect(b).toMatchObject({ unit: 'command_center', role: 'dispatcher', data: { action: 'primaryClosed', rule: 'R9', primaryCode: primary, state: 'merged' } })
      const mine = (await api.call('GET', '/api/notifications?unread=1')).body.items as Json[]
      expect(mine.filter((n) => n.kind === 'closure').map((n) => n.incidentCode).sort()).toEqual(expect.arrayContaining([...members].sort()))
      // …and not the handlers of the unit that did the work.
      const handlerBells = (await api.call('GET', '/api/notifications?unread=1', undefined, {}, 'handler')).body.items as Json[]
      expect(handlerBells.some((n) => n.kind === 'closure')).toBe(false)
    })

    it("the member's public page says it was answered with the primary and shows the rectification photo", async () => {
      const { primary, members } = await cluster()
      const tracking = (await api.get(members[0]!)).body.trackingCode as string
      await api.step(primary, 'dispatch', { unitCode: 'city_admin' })
      await api.step(primary, 'accept', {}, 'handler')
      await api.step(primary, 'arrive', {}, 'handler')
      const after = photo()
      await api.step(primary, 'resolve', { note: '已清运', afterPhotos: [after] }, 'handler')
      await api.step(primary, 'close', { note: '已整改完毕' })
      const track = (await api.call('GET', `/api/public/track/${tracking}`, undefined, {}, 'viewer')).body
      expect(track.state).toBe('merged')
      const last = track.timeline.at(-1)
      expect(last).toMatchObject({ step: 'cluster_closed', photos: [after] })
      // No note, actor or primary code leaves on the public page.
      expect(JSON.stringify(track)).not.toContain('已整改完毕')
      expect(JSON.stringify(track)).not.toContain(primary)
    })

    it('answerAndClose of a primary consultation answers its members too; a reopen and second close answers again', async () => {
      const primary = (await api.create(complaint({ requestType: 'consultation', description: '垃圾分类投放时间咨询' }))).body.code as string
      await api.step(primary, 'register', { incidentType: 'consultation' })
      const member = (await api.create(complaint({ requestType: 'consultation', description: '同样咨询投放时间' }))).body.code as string
      await api.step(member, 'merge', { primaryCode: primary })
      await api.step(primary, 'answerAndClose', { note: '每日 7:00–9:00、18:00–20:00 定时投放' })
      let answers = (await api.events(member)).filter((e: Json) => e.action === 'primaryClosed')
      expect(answers).toHaveLength(1)
      expect(answers[0]).toMatchObject({ note: '每日 7:00–9:00、18:00–20:00 定时投放', photos: null, data: { primaryAction: 'answerAndClose' } })
      await api.step(primary, 'reopen', { reason: '回访不满意' })
      await api.step(primary, 'answerAndClose', { note: '补充：周末同样时段' })
      answers = (await api.events(member)).filter((e: Json) => e.action === 'primaryClosed')
      expect(answers.map((a: Json) => a.note)).toEqual(['每日 7:00–9:00、18:00–20:00 定时投放', '补充：周末同样时段'])
      expect((await api.events(member)).filter((e: Json) => e.action.startsWith('primary')).map((e: Json) => e.action)).toEqual([
        'primaryClosed',
        'primaryReopened',
        'primaryClosed',
      ])
    })

    it('a close that fails leaves the members as they were (one transaction)', async () => {
      const { primary, members } = await cluster()
      await api.step(primary, 'dispatch', { unitCode: 'city_admin' })
      await api.step(primary, 'accept', {}, 'handler')
      await api.step(primary, 'arrive', {}, 'handler')
      await api.step(primary, 'resolve', { note: '已清运', afterPhotos: [photo()] }, 'handler')
      const before = await Promise.all(members.map(async (m) => (await api.events(m)).length))
      // Make the members' event insert fail inside the closing transaction.
      await ctx.database.rows(sql`
        CREATE OR REPLACE FUNCTION test_refuse_answer() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'refused for the test'; END $$`)
      await ctx.database.rows(sql`CREATE TRIGGER test_refuse_answer BEFORE INSERT ON incident_event FOR EACH ROW WHEN (NEW.action = 'primaryClosed') EXECUTE FUNCTION test_refuse_answer()`)
      try {
        const { body: cur } = await api.get(primary)
        const r = await api.act(primary, 'verifyPass', { version: cur.version }, 'inspector')
        expect(r.status).toBe(500)
      } finally {
        await ctx.database.rows(sql`DROP TRIGGER test_refuse_answer ON incident_event`)
      }
      expect((await api.get(primary)).body.state).toBe('resolved')
      expect(await Promise.all(members.map(async (m) => (await api.events(m)).length))).toEqual(before)
      expect(await closureBells(members)).toEqual([])
    })

    /** The cluster of cluster(), its primary handled and closed (verifyPass) — every member answered. */
    async function closedCluster() {
      const c = await cluster()
      await api.step(c.primary, 'dispatch', { unitCode: 'city_admin' })
      await api.step(c.primary, 'accept', {}, 'handler')
      await api.step(c.primary, 'arrive', {}, 'handler')
      await api.step(c.primary, 'resolve', { note: '已清运', afterPhotos: [photo()] }, 'handler')
      await api.step(c.primary, 'verifyPass', {}, 'inspector')
      return c
    }
    const callback = async (code: string, body: Record<string, unknown>) => {
      const { body: cur } = await api.get(code)
      return api.call('POST', `/api/incidents/${code}/callback`, { version: cur.version, ...body })
    }

    it('a "not satisfied" callback that reopens the primary: one primaryReopened per member (direct and chained) at the reopen\'s time, versions move, the bell rings where closure rang', async () => {
      const { primary, members, other } = await closedCluster()
      const versions: number[] = await Promise.all(members.map(async (m) => (await api.get(m)).body.version as number))
      const r = await callback(primary, { reached: true, satisfaction: 'not_satisfied', note: '垃圾又堆起来了', reopen: true })
      expect(r.status).toBe(200)
      expect(r.body.state).toBe('registered')
      const reopen = (await api.events(primary)).at(-1) as Json
      expect(reopen.action).toBe('reopen')

      for (const [i, m] of members.entries()) {
        expect((await api.get(m)).body).toMatchObject({ state: 'merged', version: versions[i]! + 1 })
        const told = (await api.events(m)).filter((e: Json) => e.action === 'primaryReopened')
        expect(told, m).toHaveLength(1)
        expect(told[0]).toMatchObject({
          from: 'merged',
          to: 'merged',
          at: reopen.at,
          actorRole: 'dispatcher',
          note: '回访不满意：垃圾又堆起来了',
          photos: null,
          data: { rule: 'R9', primaryCode: primary, primaryAction: 'reopen', via: 'callback', version: versions[i]! + 1 },
        })
        expect(told[0].data.message.zh).toContain(primary)
      }
      expect((await api.events(other)).some((e: Json) => e.action === 'primaryReopened')).toBe(false)
      expect((await api.events(primary)).some((e: Json) => e.action === 'primaryReopened')).toBe(false)

      // Addressed as the closure was: the command center's dispatchers (the members never had a unit).
      const bells = await closureBells(members, 'reopen')
      expect(bells.map((b) => b.code).sort()).toEqual([...members].sort())
      for (const b of bells) expect(b).toMatchObject({ unit: 'command_center', role: 'dispatcher', data: { action: 'primaryReopened', rule: 'R9', primaryCode: primary, state: 'merged' } })
      const mine = (await api.call('GET', '/api/notifications?unread=1')).body.items as Json[]
      expect(mine.filter((n) => n.kind === 'reopen' && members.includes(n.incidentCode)).map((n) => n.incidentCode).sort()).toEqual([...members].sort())
    })

    it('the workflow\'s own reopen tells the members too; the public page shows the step after the closure; the next close answers again', async () => {
      const { primary, members } = await closedCluster()
      const tracking = (await api.get(members[0]!)).body.trackingCode as string
      await api.step(primary, 'reopen', { reason: '回访不满意' })
      const told = (await api.events(members[0]!)).filter((e: Json) => e.action === 'primaryReopened')
      expect(told).toHaveLength(1)
      expect(told[0]).toMatchObject({ note: '回访不满意', data: { primaryAction: 'reopen', via: 'workflow' } })

      const track = (await api.call('GET', `/api/public/track/${tracking}`, undefined, {}, 'viewer')).body
      expect(track.timeline.map((e: Json) => e.step).slice(-2)).toEqual(['cluster_closed', 'cluster_reopened'])
      expect(track.timeline.at(-1)).toEqual({ at: told[0].at, step: 'cluster_reopened' })
      // Nothing internal leaves: no reason, no actor, no primary code.
      expect(JSON.stringify(track)).not.toContain('回访不满意')
      expect(JSON.stringify(track)).not.toContain(primary)

      await api.step(primary, 'dispatch', { unitCode: 'city_admin' })
      await api.step(primary, 'accept', {}, 'handler')
      await api.step(primary, 'arrive', {}, 'handler')
      await api.step(primary, 'resolve', { note: '已再次清运', afterPhotos: [photo()] }, 'handler')
      await api.step(primary, 'close', { note: '已再次整改完毕' })
      const actions = (await api.events(members[0]!)).map((e: Json) => e.action).filter((a: string) => a.startsWith('primary'))
      expect(actions).toEqual(['primaryClosed', 'primaryReopened', 'primaryClosed'])
      const steps = (await api.call('GET', `/api/public/track/${tracking}`, undefined, {}, 'viewer')).body.timeline.map((e: Json) => e.step)
      expect(steps.slice(-3)).toEqual(['cluster_closed', 'cluster_reopened', 'cluster_closed'])
    })

    it("the primary's reporter rating \"not satisfied\" on the public page reopens it: the members are told too", async () => {
      const { primary, members } = await closedCluster()
      const tracking = (await api.get(primary)).body.trackingCode as string
      const r = await api.call('POST', `/api/public/track/${tracking}/rating`, { rating: 'not_satisfied' }, { 'x-forwarded-for': '203.0.113.77' }, 'viewer')
      expect(r.status).toBe(200)
      expect(r.body.state).toBe('registered')
      for (const m of members) {
        const told = (await api.events(m)).filter((e: Json) => e.action === 'primaryReopened')
        expect(told, m).toHaveLength(1)
        expect(told[0]).toMatchObject({ actor: 'public-rating', actorRole: 'system', data: { primaryCode: primary, via: 'rating' } })
      }
      expect((await closureBells(members, 'reopen')).map((b) => b.code).sort()).toEqual([...members].sort())
    })

    it('a reopen that fails leaves the members as they were (one transaction)', async () => {
      const { primary, members } = await closedCluster()
      const before = await Promise.all(members.map(async (m) => (await api.events(m)).length))
      await ctx.database.rows(sql`
        CREATE OR REPLACE FUNCTION test_refuse_reopened() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'refused for the test'; END $$`)
      await ctx.database.rows(sql`CREATE TRIGGER test_refuse_reopened BEFORE INSERT ON incident_event FOR EACH ROW WHEN (NEW.action = 'primaryReopened') EXECUTE FUNCTION test_refuse_reopened()`)
      try {
        const r = await callback(primary, { reached: true, satisfaction: 'not_satisfied', reopen: true })
        expect(r.status).toBe(500)
      } finally {
        await ctx.database.rows(sql`DROP TRIGGER test_refuse_reopened ON incident_event`)
      }
      expect((await api.get(primary)).body).toMatchObject({ state: 'closed', satisfaction: null })
      expect(await Promise.all(members.map(async (m) => (await api.events(m)).length))).toEqual(before)
      expect(await closureBells(members, 'reopen')).toEqual([])
    })
  },
  seedFixture,
)
