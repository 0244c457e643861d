import fs from 'node:fs'
import path from 'node:path'
import { sql } from 'drizzle-orm'
import { expect, it } from 'vitest'
import { corpusStats, formatRelevanceReport, indexDocument, queryTerms, rankDocuments, relevanceReport } from '@hanjiang/shared'
import { REPO_ROOT } from '../src/config.ts'
import { readKnowledgeJson } from '../src/seed/knowledge.ts'
import { seedReference } from '../src/seed/reference.ts'
import { seedFixture, testApp } from './app.ts'
import { describeEachEngine } from './engines.ts'

const seedEntries = readKnowledgeJson()
const evalSet = (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'seed', 'knowledge-eval.json'), 'utf8')) as { queries: { q: string; expected: string }[] }).queries

/** The same ranking computed in memory from the seed file (the shared code alone, no database). */
function inMemoryTop3(q: string): string[] {
  const docs = seedEntries.map((e) => ({ key: e.titleEn!, ...indexDocument(e) }))
  const terms = queryTerms(q)
  return rankDocuments(terms, docs, corpusStats(docs, terms), 3).map((r) => r.doc.key)
}

describeEachEngine(
  'knowledge base (R15)',
  (ctx) => {
    const app = () => testApp(ctx.database, {}, 'dispatcher')
    const get = async (p: string) => {
      const res = await app().request(p)
      return { status: res.status, body: (await res.json()) as any }
    }
    const send = async (method: string, p: string, body?: unknown, raw?: string) => {
      const res = await app().request(p, {
        method,
        headers: { 'content-type': 'application/json' },
        body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
      })
      return { status: res.status, headers: res.headers, body: res.status === 204 ? null : ((await res.json()) as any) }
    }
    const search = (q: string, extra = '') => get(`/api/knowledge?q=${encodeURIComponent(q)}${extra}`)

    it('seeds the reference knowledge base once', async () => {
      const { body } = await get('/api/knowledge')
      expect(body.total).toBe(seedEntries.length)
      expect(body.total).toBeGreaterThanOrEqual(30)
      expect(body.entries[0]).toMatchObject({ id: expect.any(Number), kind: 'qa', active: true, titleEn: 'Water outage' })
      expect(body.entries[0].tags).toContain('停水')
      await ctx.database.db.transaction((tx) => seedReference(ctx.database, tx).then(() => undefined))
      expect((await get('/api/knowledge')).body.total).toBe(seedEntries.length)
      const [row] = await ctx.database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM knowledge_entry WHERE cardinality(tokens) = 0`)
      expect(Number(row!.n)).toBe(0)
    })

    it('answers 停水怎么办 with the water-outage entry, its score and the matched terms', async () => {
      const { status, body } = await search('停水怎么办')
      expect(status).toBe(200)
      expect(body.query).toBe('停水怎么办')
      expect(body.terms).toEqual(['停水'])
      expect(body.results.length).toBeGreaterThan(0)
      expect(body.results.length).toBeLessThanOrEqual(5)
      const top = body.results[0]
      expect(top).toMatchObject({ titleEn: 'Water outage', kind: 'qa', unitCode: 'water_utility', matched: ['停水'] })
      expect(top.body).toContain('12345')
      expect(top.score).toBeGreaterThan(0)
      expect(top.terms[0]).toMatchObject({ term: '停水', score: expect.any(Number) })
      for (let i = 1; i < body.results.length; i++) expect(body.results[i - 1].score).toBeGreaterThanOrEqual(body.results[i].score)
      const card = (await search('社保卡丢了怎么补办')).body.results[0]
      expect(card.titleEn).toBe('Social security card replacement')
      expect(card.matched).toEqual(['社保卡', '补办'])
    })

    it(`ranks the labelled set (${evalSet.length} questions) as well as the shared code does in memory, P@1 ≥ 0.8, R@3 ≥ 0.9`, async () => {
      const results = []
      for (const { q, expected } of evalSet) {
        const { body } = await search(q, '&limit=3')
        const ranked = body.results.map((r: { titleEn: string }) => r.titleEn)
        expect(ranked, q).toEqual(inMemoryTop3(q))
        results.push({ query: q, expected, ranked })
      }
      const report = relevanceReport(results)
      console.log(formatRelevanceReport(`knowledge search via the API [${ctx.engine}]`, report))
      expect(report.queries).toBeGreaterThanOrEqual(20)
      expect(report.precisionAt1).toBeGreaterThanOrEqual(0.8)
      expect(report.recallAtK).toBeGreaterThanOrEqual(0.9)
    })

    it('filters by kind, limits, and answers a question with nothing searchable with no results', async () => {
      const guides = (await search('居住证 医保 社保卡', '&kind=guide&limit=10')).body.results
      expect(guides.length).toBeGreaterThan(2)
      expect(guides.every((r: { kind: string }) => r.kind === 'guide')).toBe(true)
      expect((await search('垃圾', '&limit=1')).body.results).toHaveLength(1)
      expect((await search('请问怎么办？？')).body).toEqual({ query: '请问怎么办？？', terms: [], results: [] })
      expect((await search('火星探测')).body.results).toEqual([])
    })

    it('refuses bad searches', async () => {
      for (const [q, text] of [
        ['q=', 'q must not be empty'],
        ['q=%20%20', 'q must not be empty'],
        [`q=${'水'.repeat(201)}`, 'at most 200'],
        ['q=水&limit=0', 'limit'],
        ['q=水&limit=21', 'limit'],
        ['q=水&kind=faq', 'kind must be one of qa, guide'],
      ] as const) {
        const { status, body } = await get(`/api/knowledge?${q}`)
        expect(status, q).toBe(400)
        expect(body.code, q).toBe('validation_failed')
        expect(body.detail, q).toContain(text)
      }
    })

    it('creates an entry that search finds at once; refuses duplicates, unknown units and bad fields', async () => {
      const entry = {
        kind: 'qa',
        title: '台风天气学校停课怎么通知',
        titleEn: 'School closures in typhoons',
        body: '台风红色预警期间，中小学和幼儿园停课，通知通过教育局公众号和班级群发布。',
        tags: ['台风', '停课', '放假', '台风'],
        unitCode: null,
      }
      const created = await send('POST', '/api/knowledge', entry)
      expect(created.status).toBe(201)
      expect(created.headers.get('location')).toBe(`/api/knowledge/${created.body.id}`)
      expect(created.body).toMatchObject({ ...entry, tags: ['台风', '停课', '放假'], active: true })
      expect((await search('刮台风明天放假吗')).body.results[0].id).toBe(created.body.id)

      const dup = await send('POST', '/api/knowledge', entry)
      expect(dup.status).toBe(409)
      expect(dup.body.code).toBe('knowledge_entry_exists')
      // The same title as a guide is another entry.
      expect((await send('POST', '/api/knowledge', { ...entry, kind: 'guide' })).status).toBe(201)

      const unit = await send('POST', '/api/knowledge', { ...entry, title: '另一个问题', unitCode: 'no_such_unit' })
      expect(unit.status).toBe(422)
      expect(unit.body).toMatchObject({ code: 'unknown_unit', errors: [{ path: 'unitCode' }] })
      const empty = await send('POST', '/api/knowledge', { kind: 'qa', title: '请问怎么办？', body: '？！' })
      expect(empty.status).toBe(422)
      expect(empty.body.code).toBe('entry_not_searchable')

      const bad = await send('POST', '/api/knowledge', { kind: 'faq', title: ' ', body: 'x', tags: 'a', extra: 1 })
      expect(bad.status).toBe(400)
      expect(bad.body.code).toBe('validation_failed')
      expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(expect.arrayContaining(['kind', 'title', 'tags']))
      expect(bad.body.detail).toContain('extra')
      expect((await send('POST', '/api/knowledge', undefined, '{')).status).toBe(400)
      expect((await send('POST', '/api/knowledge', { kind: 'qa', title: 'x'.repeat(201), body: 'b' })).body.detail).toContain('at most 200')
    })

    it('updates an entry and its search index; deleting deactivates it', async () => {
      const { body: created } = await send('POST', '/api/knowledge', {
        kind: 'guide', title: '犬只登记办理', titleEn: 'Dog registration', body: '养犬人携带犬只免疫证明到派出所办理登记。', tags: ['养狗'],
      })
      expect((await search('宠物狗上牌')).body.results.map((r: { id: number }) => r.id)).not.toContain(created.id)

      const patched = await send('PATCH', `/api/knowledge/${created.id}`, { tags: ['养狗', '狗证', '宠物狗上牌'], unitCode: 'civil_affairs' })
      expect(patched.status).toBe(200)
      expect(patched.body).toMatchObject({ id: created.id, title: '犬只登记办理', tags: ['养狗', '狗证', '宠物狗上牌'], unitCode: 'civil_affairs' })
      expect(new Date(patched.body.updatedAt).getTime()).toBeGreaterThanOrEqual(new Date(created.updatedAt).getTime())
      expect((await search('宠物狗上牌')).body.results[0].id).toBe(created.id)
      expect((await send('PATCH', `/api/knowledge/${created.id}`, { titleEn: null })).body.titleEn).toBeNull()

      // Errors: nothing to change, unknown field, unknown entry, a title another active entry has.
      expect((await send('PATCH', `/api/knowledge/${created.id}`, {})).body.detail).toContain('at least one field')
      expect((await send('PATCH', `/api/knowledge/${created.id}`, { name: 'x' })).status).toBe(400)
      const missing = await send('PATCH', '/api/knowledge/999999', { body: 'x' })
      expect(missing.status).toBe(404)
      expect(missing.body.code).toBe('knowledge_entry_not_found')
      const taken = await send('PATCH', `/api/knowledge/${created.id}`, { title: '居住证办理指南' })
      expect(taken.status).toBe(409)
      expect(taken.body.code).toBe('knowledge_entry_exists')
      expect((await send('PATCH', `/api/knowledge/${created.id}`, { unitCode: 'nope' })).body.code).toBe('unknown_unit')

      const del = await send('DELETE', `/api/knowledge/${created.id}`)
      expect(del.status).toBe(204)
      expect((await search('宠物狗上牌')).body.results.map((r: { id: number }) => r.id)).not.toContain(created.id)
      expect((await get(`/api/knowledge/${created.id}`)).body).toMatchObject({ id: created.id, active: false })
      const all = (await get('/api/knowledge?includeInactive=true&kind=guide&limit=500')).body
      expect(all.entries.map((e: { id: number }) => e.id)).toContain(created.id)
      expect((await get('/api/knowledge?kind=guide&limit=500')).body.entries.map((e: { id: number }) => e.id)).not.toContain(created.id)
      expect((await send('DELETE', `/api/knowledge/${created.id}`)).status).toBe(204)
      // A deactivated title is free again; reactivating the old one would now clash.
      expect((await send('POST', '/api/knowledge', { kind: 'guide', title: '犬只登记办理', body: '新的指南：养犬登记。' })).status).toBe(201)
      expect((await send('PATCH', `/api/knowledge/${created.id}`, { active: true })).status).toBe(409)

      expect((await send('DELETE', '/api/knowledge/999999')).body.code).toBe('knowledge_entry_not_found')
      expect((await get('/api/knowledge/abc')).status).toBe(400)
      expect((await get('/api/knowledge/0')).status).toBe(400)
      expect((await get('/api/knowledge/999999')).body.code).toBe('knowledge_entry_not_found')
    })

    it('pages the admin list', async () => {
      const first = (await get('/api/knowledge?limit=2')).body
      const second = (await get('/api/knowledge?limit=2&offset=2')).body
      expect(first.entries).toHaveLength(2)
      expect(second.entries[0].id).toBeGreaterThan(first.entries[1].id)
      expect(first.total).toBe(second.total)
      expect((await get('/api/knowledge?includeInactive=maybe')).status).toBe(400)
    })
  },
  seedFixture,
)
