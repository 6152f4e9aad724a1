/**
 * The vocabulary (knowledge/vocabulary.json): phrases a question may use for
 * the same thing. A group expands both ways; a one-way relation only from its
 * `from` phrases to its `to` phrases, for a vaguer word that should find a
 * precise one and never the reverse.
 */
import { terms, words } from './text'

export interface VocabularyData {
  groups: string[][]
  oneWay?: Array<{ from: string[]; to: string[] }>
}

/** A phrase as terms, and what a question using it also searches for (itself included). */
export interface Expansion {
  phrase: string[]
  /**
   * For a phrase that is one term once its stop words go ("went under" is
   * "go", "in charge" is "charg"): its words, which a question must use as
   * written, or every "went" would mean a collapse.
   */
  words?: string[]
  alternatives: string[][]
}

/** Expansions by the phrase's first term: a question's words look up only the phrases they can start. */
export type Expansions = ReadonlyMap<string, readonly Expansion[]>

/** Problems with the vocabulary's shape, each with the phrase or index it concerns. */
export function vocabularyProblems(value: unknown): Array<{ at: string; message: string }> {
  const data = value as Partial<VocabularyData> | null
  const problems: Array<{ at: string; message: string }> = []
  const phrases = (list: unknown) => Array.isArray(list) && list.length > 0 && list.every((p) => typeof p === 'string' && p.trim() !== '' && terms(p).length > 0)
  if (!data || typeof data !== 'object' || !Array.isArray(data.groups)) {
    return [{ at: '', message: 'expected {"groups": [["UN", "United Nations"], ...], "oneWay": [{"from": [...], "to": [...]}]}' }]
  }
  data.groups.forEach((group, i) => {
    if (!phrases(group) || (group as string[]).length < 2) {
      problems.push({ at: Array.isArray(group) && typeof group[0] === 'string' ? group[0] : `groups[${i}]`, message: `group ${i + 1} must list at least two phrases of words (not only stop words)` })
    }
  })
  if (data.oneWay !== undefined && !Array.isArray(data.oneWay)) problems.push({ at: 'oneWay', message: '"oneWay" must be a list of {"from": [...], "to": [...]}' })
  data.oneWay?.forEach((rel, i) => {
    if (!phrases(rel?.from) || !phrases(rel?.to)) {
      problems.push({ at: Array.isArray(rel?.from) && typeof rel.from[0] === 'string' ? rel.from[0] : `oneWay[${i}]`, message: `one-way relation ${i + 1} needs "from" and "to" lists of phrases of words` })
    }
  })
  return problems
}

export function compileVocabulary(data: VocabularyData): Expansions {
  interface Phrase {
    terms: string[]
    words?: string[]
  }
  const byKey = new Map<string, { phrase: Phrase; alternatives: Map<string, string[]> }>()
  const keyOf = (p: Phrase) => (p.words ? `"${p.words.join(' ')}"` : p.terms.join(' '))
  const add = (from: Phrase, to: Phrase[]) => {
    const key = keyOf(from)
    let entry = byKey.get(key)
    if (!entry) byKey.set(key, (entry = { phrase: from, alternatives: new Map([[from.terms.join(' '), from.terms]]) }))
    // A phrase reduced to one everyday word is not searched for by the rest of its group: "collapsed"
    // would find every "went". Written out in a question, it still searches for its own word.
    for (const alt of to) if (!alt.words) entry.alternatives.set(alt.terms.join(' '), alt.terms)
  }
  const asPhrases = (list: string[]): Phrase[] =>
    list.flatMap((p) => {
      const t = terms(p)
      const w = words(p)
      if (t.length === 0) return []
      return [t.length === 1 && w.length > 1 ? { terms: t, words: w } : { terms: t }]
    })
  for (const group of data.groups) {
    const phrases = asPhrases(group)
    for (const p of phrases) add(p, phrases)
  }
  // A one-way target stands for its whole group: "private company" finds every name of a CRC.
  for (const { from, to } of data.oneWay ?? []) {
    const targets = asPhrases(to).flatMap((t) => {
      const group = byKey.get(keyOf(t))
      return group ? [...group.alternatives.values()].map((terms) => ({ terms })) : [t]
    })
    for (const p of asPhrases(from)) add(p, targets)
  }
  const out = new Map<string, Expansion[]>()
  for (const { phrase, alternatives } of byKey.values()) {
    const first = phrase.terms[0] as string
    let list = out.get(first)
    if (!list) out.set(first, (list = []))
    list.push({ phrase: phrase.terms, ...(phrase.words && { words: phrase.words }), alternatives: [...alternatives.values()] })
  }
  return out
}
