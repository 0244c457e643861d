import type { AssignmentCandidate, AssignmentDecision, Bilingual } from './types.ts'

/** The languages an explanation is written in: the keys of {@link Bilingual}. */
export const EXPLANATION_LANGS = ['zh', 'en'] as const
export type ExplanationLang = (typeof EXPLANATION_LANGS)[number]

/** A text in the one language asked for: `{ zh }` or `{ en }`, the same shape as {@link Bilingual}. */
export type OneLanguageText = Partial<Bilingual>

export type OneLanguageCandidate = Omit<AssignmentCandidate, 'reason' | 'beatenBy'> & {
  reason: OneLanguageText
  beatenBy: OneLanguageText
}

/** An assignment answer whose explanation and candidates are in one language. */
export type OneLanguage<T extends AssignmentDecision> = Omit<T, 'explanation' | 'candidates'> & {
  explanation: OneLanguageText[]
  candidates: OneLanguageCandidate[]
}

/**
 * The answer with every explanation and candidate text in `lang` only. A caller that shows one language (a
 * hotline seat, another system's import) asks for it: batch answers are mostly these texts, so one language is
 * about 40 % fewer bytes to build, send and read. The keys stay, so code reading `text[lang]` works on both.
 */
export function inLanguage<T extends AssignmentDecision>(answer: T, lang: ExplanationLang): OneLanguage<T> {
  const pick = (t: Bilingual): OneLanguageText => (lang === 'zh' ? { zh: t.zh } : { en: t.en })
  return {
    ...answer,
    explanation: answer.explanation.map(pick),
    candidates: answer.candidates.map((c) => ({ ...c, reason: pick(c.reason), beatenBy: pick(c.beatenBy) })),
  }
}
