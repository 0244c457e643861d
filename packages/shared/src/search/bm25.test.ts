import { describe, expect, it } from 'vitest'
import { corpusStats, idf, indexDocument, matchedSpans, rankDocuments, scoreDocument } from './bm25.ts'
import { queryTerms } from './tokenize.ts'

const docs = [
  { id: 'water', ...indexDocument({ title: '停水了怎么办', tags: ['停水', '没水'], body: '计划停水会提前通知。' }) },
  { id: 'light', ...indexDocument({ title: '路灯不亮找谁报修', tags: ['路灯'], body: '城市道路路灯由城市管理局维护。' }) },
  { id: 'card', ...indexDocument({ title: '社会保障卡挂失与补办', titleEn: 'Social security card', tags: ['社保卡', '补办'], body: '携带身份证到银行网点补办。' }) },
]

const search = (q: string, limit = 3) => {
  const terms = queryTerms(q)
  return rankDocuments(terms, docs, corpusStats(docs, terms), limit)
}

describe('indexDocument', () => {
  it('weights title and tags above the body and sums the weighted length', () => {
    const d = indexDocument({ title: '停水', tags: ['停水'], body: '停水' })
    expect(d.termFreqs['停水']).toBe(2 + 2 + 1)
    expect(d.length).toBe(Object.values(d.termFreqs).reduce((a, b) => a + b, 0))
    expect(d.tokens).toEqual([...d.tokens].sort())
    expect(new Set(d.tokens).size).toBe(d.tokens.length)
  })

  it('indexes the English title too', () => {
    expect(indexDocument({ title: '停水', titleEn: 'Water outage', body: '' }).tokens).toEqual(expect.arrayContaining(['water', 'outage']))
  })
})

describe('BM25 ranking', () => {
  it('idf is positive and falls as a term gets common', () => {
    expect(idf(0, 10)).toBeGreaterThan(idf(5, 10))
    expect(idf(10, 10)).toBeGreaterThan(0)
  })

  it('ranks the entry that answers the question first', () => {
    expect(search('我家没水了')[0]!.doc.id).toBe('water')
    expect(search('路灯坏了')[0]!.doc.id).toBe('light')
    expect(search('社保卡丢了怎么补办')[0]!.doc.id).toBe('card')
    expect(search('social security')[0]!.doc.id).toBe('card')
  })

  it('leaves out documents that match nothing and respects the limit', () => {
    expect(search('停水').map((r) => r.doc.id)).toEqual(['water'])
    expect(search('火星探测')).toEqual([])
    expect(search('停水 路灯 补办', 2)).toHaveLength(2)
  })

  it('reports the matched terms, biggest contribution first, summing to the score', () => {
    const top = search('社保卡补办')[0]!
    expect(top.terms.map((t) => t.term)).toEqual(expect.arrayContaining(['社保', '保卡', '补办']))
    expect(top.terms.reduce((s, t) => s + t.score, 0)).toBeCloseTo(top.score, 9)
    for (let i = 1; i < top.terms.length; i++) expect(top.terms[i - 1]!.score).toBeGreaterThanOrEqual(top.terms[i]!.score)
  })

  it('saturates term frequency and prefers the shorter document at equal frequency', () => {
    const stats = { docCount: 10, avgLength: 10, docFreq: { 停水: 2 } }
    const one = scoreDocument(['停水'], { termFreqs: { 停水: 1 }, length: 10 }, stats).score
    const ten = scoreDocument(['停水'], { termFreqs: { 停水: 10 }, length: 10 }, stats).score
    const long = scoreDocument(['停水'], { termFreqs: { 停水: 1 }, length: 40 }, stats).score
    expect(ten).toBeGreaterThan(one)
    expect(ten).toBeLessThan(one * 2.2) // (k1 + 1) bound
    expect(long).toBeLessThan(one)
  })

  it('keeps input order for equal scores', () => {
    const a = { termFreqs: { x: 1 }, length: 1 }
    const b = { termFreqs: { x: 1 }, length: 1 }
    const ranked = rankDocuments(['x'], [a, b], { docCount: 2, avgLength: 1, docFreq: { x: 2 } })
    expect(ranked.map((r) => r.doc)).toEqual([a, b])
  })
})

describe('matchedSpans', () => {
  it('joins overlapping and touching matches in query order', () => {
    expect(matchedSpans('社保卡丢了怎么补办', ['补办', '保卡', '社保'])).toEqual(['社保卡', '补办'])
    expect(matchedSpans('停水通知', ['停水', '通知'])).toEqual(['停水通知'])
    expect(matchedSpans('ＡＰＰ下载', ['app'])).toEqual(['app'])
    expect(matchedSpans('停水', [])).toEqual([])
  })
})
