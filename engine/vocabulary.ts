/**
 * The vocabulary (knowledge/vocabulary.json): phrases a question may use for
 * the same thing. A group expands both ways; a one-way relation only from its
 * `from` phrases to its `to` phrases, for a vaguer word that should find a
 * precise one and never the reverse. A capitalised one-word name that the
 * stemmer would cut to another word ("Worthing", "worth") is matched as
 * written, and as a one-way source only by its targets.
 */
import { NAMES } from './kinds'
import { STOP_WORDS } from './stop-words'
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
  /** A capitalised one-word name ("Hull", "Worthing"): where a story names it, it sets the scene. */
  name?: true
  alternatives: string[][]
}

/** Expansions by the phrase's first term: a question's words look up only the phrases they can start. */
export type Expansions = ReadonlyMap<string, readonly Expansion[]>

/** An expansion as the artifact holds it, each phrase's terms joined by spaces: the build stems, loading only splits. */
export interface StoredExpansion {
  phrase: string
  words?: string
  name?: true
  alternatives: string[]
}

export function storeExpansions(expansions: Expansions): StoredExpansion[] {
  return [...expansions.values()].flatMap((list) =>
    list.map(({ phrase, words, name, alternatives }) => ({ phrase: phrase.join(' '), ...(words && { words: words.join(' ') }), ...(name && { name }), alternatives: alternatives.map((a) => a.join(' ')) })),
  )
}

export function restoreExpansions(stored: readonly StoredExpansion[]): Expansions {
  const out = new Map<string, Expansion[]>()
  for (const { phrase, words, name, alternatives } of stored) {
    const terms = phrase.split(' ')
    const first = terms[0] as string
    let list = out.get(first)
    if (!list) out.set(first, (list = []))
    list.push({ phrase: terms, ...(words !== undefined && { words: words.split(' ') }), ...(name && { name }), alternatives: alternatives.map((a) => a.split(' ')) })
  }
  return out
}

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
    /** A capitalised name, matched in a question as written but searched by its terms. */
    name?: boolean
  }
  const byKey = new Map<string, { phrase: Phrase; alternatives: Map<string, string[]> }>()
  const keyOf = (p: Phrase) => (p.words ? `"${p.words.join(' ')}"` : p.terms.join(' '))
  const add = (from: Phrase, to: Phrase[]) => {
    const key = keyOf(from)
    let entry = byKey.get(key)
    if (!entry) byKey.set(key, (entry = { phrase: from, alternatives: new Map([[from.terms.join(' '), from.terms]]) }))
    // A phrase reduced to one everyday word is not searched for by the rest of its group: "collapsed"
    // would find every "went". Written out in a question, it still searches for its own word.
    for (const alt of to) if (!alt.words || alt.name) entry.alternatives.set(alt.terms.join(' '), alt.terms)
  }
  const asPhrases = (list: string[]): Phrase[] =>
    list.flatMap((p) => {
      const t = terms(p)
      const w = words(p)
      if (t.length === 0) return []
      const name = w.length === 1 && /^\p{Lu}/u.test(p.trim())
      // A name the stemmer cuts to another word ("Worthing" to "worth") is matched as written: "worth" is no town.
      return [t.length === 1 && w.length > 1 ? { terms: t, words: w } : name && w[0] !== t[0] ? { terms: t, words: w, name } : name ? { terms: t, name } : { terms: t }]
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
    for (const p of asPhrases(from)) {
      const fresh = !byKey.has(keyOf(p))
      add(p, targets)
      // Such a name, only ever a vaguer word for its targets, is not searched by the everyday word its stem is ("worth").
      if (fresh && p.name && p.words && targets.length > 0) byKey.get(keyOf(p))?.alternatives.delete(p.terms.join(' '))
    }
  }
  const out = new Map<string, Expansion[]>()
  for (const { phrase, alternatives } of byKey.values()) {
    const first = phrase.terms[0] as string
    let list = out.get(first)
    if (!list) out.set(first, (list = []))
    list.push({ phrase: phrase.terms, ...(phrase.words && { words: phrase.words }), ...(phrase.name && { name: true as const }), alternatives: [...alternatives.values()] })
  }
  return out
}

/** Words that join a name's parts ("Secretary of State for Justice"): an abbreviation may or may not take their letters. */
const JOINING = /^(of|for|in|on|to|the)$/
/** Fewer letters than this make too many abbreviations that mean anything. */
const MIN_LETTERS = 3

/**
 * Prefixes that turn a word into its opposite ("unsuccessful", "inexperienced"),
 * each with the shortest word it negates: shorter ones under it are as often
 * another word ("unpaid"; "intake", "improve", "informed").
 */
const NEGATING: ReadonlyArray<readonly [string, number]> = [['un', 5], ['in', 7], ['im', 7], ['ir', 7], ['il', 7]]

/**
 * Words of the sources that negate an everyday word ("inexperienced",
 * "unacceptable"), as one-way relations from that word: a question asking
 * whether staff were experienced is answered by a source saying they were
 * inexperienced. Only where the rest of the word is itself English.
 */
export function negationsIn(sourceWords: Iterable<string>, isEnglishWord: (word: string) => boolean): Array<{ from: string[]; to: string[] }> {
  const out = new Map<string, Set<string>>()
  for (const word of new Set(sourceWords)) {
    for (const [prefix, shortest] of NEGATING) {
      const base = word.slice(prefix.length)
      if (!word.startsWith(prefix) || base.length < shortest || !/^\p{Ll}+$/u.test(word) || !isEnglishWord(base)) continue
      let set = out.get(base)
      if (!set) out.set(base, (set = new Set()))
      set.add(word)
    }
  }
  return [...out].map(([base, set]) => ({ from: [base], to: [...set] }))
}

/**
 * Abbreviations the sources never write, from the names they do: "FFS" for
 * "Fee for Service", "MAPPA" for "Multi-Agency Public Protection
 * Arrangements", as one-way relations a question's abbreviation is searched
 * by. Only where one name gives the letters, and `known` (a word the sources
 * or everyday English already have) says nothing of them. A run with "and" is
 * a list of names, not one.
 */
export function abbreviationsIn(texts: readonly string[], known: (word: string) => boolean): Array<{ from: string[]; to: string[] }> {
  const names = new Map<string, Set<string>>()
  for (const text of texts) {
    for (const m of text.matchAll(NAMES)) {
      const ws = m[0].replace(/['’]s?$/, '').split(/\s+/)
      // A capital that only starts a sentence ("Under Transforming Rehabilitation") is no part of the name.
      while (ws.length > 0 && STOP_WORDS.has((ws[0] as string).toLowerCase())) ws.shift()
      while (ws.length > 0 && JOINING.test(ws.at(-1) as string)) ws.pop()
      const parts = ws.filter((w) => !JOINING.test(w))
      if (ws.includes('and') || parts.length < 2 || ws.some((w) => /^\p{Lu}{2,}|\d/u.test(w))) continue
      const name = ws.join(' ')
      const letters = (list: string[]) => list.flatMap((w) => w.split('-')).map((w) => w[0] ?? '').join('').toLowerCase()
      for (const short of new Set([letters(ws), letters(parts)])) {
        if (short.length < MIN_LETTERS || known(short)) continue
        let set = names.get(short)
        if (!set) names.set(short, (set = new Set()))
        set.add(name.toLowerCase())
      }
    }
  }
  return [...names].flatMap(([short, set]) => (set.size === 1 ? [{ from: [short], to: [...set] }] : []))
}
