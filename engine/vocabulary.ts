/**
 * The vocabulary (knowledge/vocabulary.json): phrases a question may use for
 * the same thing. A group expands both ways; a one-way relation only from its
 * `from` phrases to its `to` phrases, for a vaguer word that should find a
 * precise one and never the reverse.
 */
import { terms } from './text'

export interface VocabularyData {
  groups: string[][]
  oneWay?: Array<{ from: string[]; to: string[] }>
}

/** A phrase as terms, and what a question using it also searches for (itself included). */
export interface Expansion {
  phrase: string[]
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
  const byKey = new Map<string, { phrase: string[]; alternatives: Map<string, string[]> }>()
  const add = (from: string[], to: string[][]) => {
    const key = from.join(' ')
    let entry = byKey.get(key)
    if (!entry) byKey.set(key, (entry = { phrase: from, alternatives: new Map([[key, from]]) }))
    for (const alt of to) entry.alternatives.set(alt.join(' '), alt)
  }
  const asTerms = (list: string[]) => list.map((p) => terms(p)).filter((t) => t.length > 0)
  for (const group of data.groups) {
    const phrases = asTerms(group)
    for (const p of phrases) add(p, phrases)
  }
  // A one-way target stands for its whole group: "private company" finds every name of a CRC.
  for (const { from, to } of data.oneWay ?? []) {
    const targets = asTerms(to).flatMap((t) => [...(byKey.get(t.join(' '))?.alternatives.values() ?? [t])])
    for (const p of asTerms(from)) add(p, targets)
  }
  const out = new Map<string, Expansion[]>()
  for (const { phrase, alternatives } of byKey.values()) {
    const first = phrase[0] as string
    let list = out.get(first)
    if (!list) out.set(first, (list = []))
    list.push({ phrase, alternatives: [...alternatives.values()] })
  }
  return out
}
