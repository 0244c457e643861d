import { describe, expect, it } from 'vitest'
import { normalizeText, queryTerms, tokenize, ZH_STOPWORDS } from './tokenize.ts'

describe('tokenize (Chinese)', () => {
  it('drops question words and keeps the topic', () => {
    expect(queryTerms('停水怎么办')).toEqual(['停水'])
    expect(queryTerms('路灯不亮找谁')).toEqual(['路灯', '灯不', '不亮'])
    expect(queryTerms('怎么办？')).toEqual([])
  })

  it('bridges dictionary mis-splits with bigrams (社|保|卡 → 社保, 保卡)', () => {
    expect(queryTerms('社保卡丢了怎么补办')).toEqual(['社保', '保卡', '卡丢', '补办'])
  })

  it('adds dictionary words of three or more characters whole', () => {
    expect(queryTerms('垃圾好几天没人清运')).toContain('好几天')
  })

  it('keeps a one-character chunk as a unigram, and documents carry unigrams on request', () => {
    expect(queryTerms('水')).toEqual(['水'])
    expect(queryTerms('水是黄的')).toEqual(['水', '黄'])
    expect(tokenize('黄水')).toEqual(['黄水'])
    expect(tokenize('黄水', { unigrams: true })).toEqual(['黄水', '黄', '水'])
  })

  it('splits Latin and digit runs from Han text, normalising width and case', () => {
    expect(normalizeText('ＡＰＰ１２３４５')).toBe('app12345')
    expect(queryTerms('ＡＰＰ下载 12345热线')).toEqual(['app', '下载', '12345', '热线'])
    expect(queryTerms('a 1')).toEqual(['1']) // single letters are noise, digits are not
  })

  it('ignores punctuation and emoji, and never yields a stopword', () => {
    const tokens = tokenize('请问，我家的路灯🙂不亮！！怎么办？？谢谢。')
    expect(tokens).toEqual(['路灯', '不亮']) // the emoji ends the chunk: no 灯不
    for (const t of tokenize('我想问一下这个东西是什么，哪里可以办理，需要多久')) expect(ZH_STOPWORDS.has(t)).toBe(false)
  })

  it('is deterministic and keeps repeats (term frequencies)', () => {
    expect(tokenize('停水停水')).toEqual(tokenize('停水停水'))
    expect(tokenize('停水，停水').filter((t) => t === '停水')).toHaveLength(2)
    expect(queryTerms('停水，停水')).toEqual(['停水'])
  })
})
