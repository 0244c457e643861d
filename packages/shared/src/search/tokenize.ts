/**
 * Chinese-aware tokenizer for the knowledge base (R15). Portable by design: it runs in Node, so the same
 * tokens are stored by either database engine (PGlite has no Chinese parser; pg_trgm ignores most CJK
 * text in the C locale) and indexed with a plain GIN index on a text[] column.
 *
 * Han text: ICU word segmentation (Intl.Segmenter) splits off function/question words (停水|怎么|办), which
 * cut the text into chunks; each chunk yields its character bigrams (the CJK-bigram scheme of Lucene's
 * CJKAnalyzer: robust where the dictionary splits a word wrongly, e.g. 社|保|卡 → 社保, 保卡), a one-character
 * chunk yields itself, and dictionary words of 3+ characters are added whole (好几天, 居住证 when ICU knows it).
 * Latin letters and digits: lower-cased words (12345, app, etc).
 */

/** Bumped when the token output changes: stored tokens of an older version should be rebuilt. */
export const TOKENIZER_VERSION = 1

/**
 * Function and question words that carry no topic: they split chunks and never become tokens.
 * Kept short on purpose — BM25's IDF already discounts common words; this list removes what would
 * otherwise glue topics together (找谁, 怎么办, 需要什么).
 */
export const ZH_STOPWORDS: ReadonlySet<string> = new Set([
  '的', '了', '吗', '呢', '吧', '啊', '呀', '嘛', '哦', '么', '着', '过', '地', '得',
  '是', '在', '有', '和', '与', '及', '或', '跟', '对', '向', '从', '给', '被', '把', '让', '到', '去', '来',
  '我', '我们', '我家', '你', '你们', '您', '他', '她', '它', '他们', '大家', '自己',
  '请问', '请', '问', '问下', '问一下', '咨询', '一下', '想', '想问', '想要', '要', '需要', '应该', '该', '能', '能否', '可以', '可不可以', '能不能', '是否',
  '怎么', '怎么办', '怎样', '怎么样', '如何', '什么', '啥', '哪', '哪里', '哪儿', '哪个', '哪些', '哪家', '为什么', '为何', '谁', '找', '找谁', '多久',
  '这', '那', '这个', '那个', '这里', '那里', '这边', '那边', '这样', '那样', '一个', '个', '些', '都', '也', '还', '就', '又', '很', '太', '非常', '已经',
  '谢谢', '你好', '您好', '麻烦',
])

const SEGMENTER = new Intl.Segmenter('zh', { granularity: 'word' })
const HAN_RUN = /\p{Script=Han}+|(?:(?!\p{Script=Han})[\p{L}\p{N}])+/gu
const HAN = /^\p{Script=Han}+$/u

/**
 * Multi-character stopwords are cut out before segmentation as well: ICU splits them differently by
 * context (怎么办 → 怎么|办 after 停水), which would leave stray one-character tokens behind.
 */
const STOP_PHRASES = new RegExp(
  [...ZH_STOPWORDS].filter((w) => [...w].length >= 2 && /^\p{Script=Han}+$/u.test(w)).sort((a, b) => b.length - a.length).join('|'),
  'gu',
)

/** NFKC (full-width → half-width, compatibility forms) and lower case. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase()
}

function chunkTokens(chunk: string, out: string[], unigrams: boolean): void {
  const chars = [...chunk]
  if (chars.length === 1) {
    out.push(chunk)
    return
  }
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!)
  if (unigrams) out.push(...chars)
}

function hanTokens(run: string, out: string[], unigrams: boolean): void {
  let chunk = ''
  for (const { segment } of SEGMENTER.segment(run.replace(STOP_PHRASES, ' '))) {
    if (!HAN.test(segment) || ZH_STOPWORDS.has(segment)) {
      if (chunk) chunkTokens(chunk, out, unigrams)
      chunk = ''
      continue
    }
    chunk += segment
    if ([...segment].length >= 3) out.push(segment)
  }
  if (chunk) chunkTokens(chunk, out, unigrams)
}

export interface TokenizeOptions {
  /**
   * Also emit every Han character of longer chunks (documents only). A query yields a one-character token
   * only where no bigram can be formed (水是黄的 → 水, 黄); documents carry all unigrams so that it can
   * still match (黄水 → 黄水, 黄, 水). Queries never emit them, so bigram matches keep their precision.
   */
  unigrams?: boolean
}

/** Every token occurrence of `text` (repeats kept: term frequencies come from here). */
export function tokenize(text: string, opts: TokenizeOptions = {}): string[] {
  const out: string[] = []
  const unigrams = opts.unigrams ?? false
  for (const [run] of normalizeText(text).matchAll(HAN_RUN)) {
    if (HAN.test(run)) hanTokens(run, out, unigrams)
    else if (run.length >= 2 || /\d/.test(run)) out.push(run)
  }
  return out
}

/** The distinct tokens of a query, in first-seen order. */
export function queryTerms(text: string): string[] {
  return [...new Set(tokenize(text))]
}
