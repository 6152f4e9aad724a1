/**
 * Composition: picks 1–3 knowledge-base sentences that answer the question,
 * marks each with its citation number, and quotes exactly what was used.
 * Nothing is written here that is not a sentence of the knowledge base.
 */
import type { Citation } from '../worker/contract'
import type { PassageRecord } from './artifact'
import type { Kb } from './kb'
import { terms } from './text'
import { kindScore, STRICT_KINDS, type AnswerKind } from './kinds'
import type { Retrieval } from './retrieve'

/** Each sentence's terms, per passage record: the same for every question, so an isolate works them out once. */
const sentenceTerms = new WeakMap<PassageRecord, Array<Set<string>>>()

function termsOfSentences(passage: PassageRecord): Array<Set<string>> {
  let found = sentenceTerms.get(passage)
  if (!found) sentenceTerms.set(passage, (found = passage.sentences.map((sentence) => new Set(terms(sentence)))))
  return found
}

export interface Composed {
  answer: string
  citations: Citation[]
}

export interface Candidate {
  passage: number
  sentence: string
  terms: Set<string>
  /** Slots this sentence covers. */
  covers: Set<number>
  coverage: number
  kind: number
  score: number
}

const MAX_SENTENCES = 3
const MAX_WORDS = 90
/**
 * Passages considered: those scoring within this share of the best. Lower
 * when the question wants a kind of answer (a figure, a name), because the
 * kind then picks out the sentence that holds it from a less central passage.
 */
const PASSAGE_FLOOR = 0.3
const STRICT_PASSAGE_FLOOR = 0.2

/**
 * Scores every sentence of the best passages, best first. `focus` holds the
 * question's own content words, used to recognise a sentence that describes
 * the thing asked about.
 */
export function rankSentences(kb: Kb, retrieval: Retrieval, kind: AnswerKind, focus: string[]): Candidate[] {
  const { hits, slots } = retrieval
  const top = hits[0]
  if (!top) return []
  // Within a sentence, one rare word should not outweigh the rest of the question.
  const weights = retrieval.slotWeights.map((w) => Math.sqrt(w))
  const total = weights.reduce((a, b) => a + b, 0) || 1
  const strict = STRICT_KINDS.has(kind)
  const asked = new Set(slots.flatMap((slot) => slot.alternatives.map((alt) => alt.at(-1) as string)))

  const candidates: Candidate[] = []
  for (const hit of hits.slice(0, 8)) {
    if (hit.score < top.score * (strict ? STRICT_PASSAGE_FLOOR : PASSAGE_FLOOR)) continue
    const passage = kb.artifact.passages[hit.passage]
    if (!passage) continue
    // Which index terms stand for each query term here depends on the passage, not the sentence.
    const matchedHere = new Map<string, string[]>()
    const termsHere = (t: string) => {
      let found = matchedHere.get(t)
      if (!found) matchedHere.set(t, (found = retrieval.termHits.get(t)?.lookup.termsAt(hit.passage) ?? []))
      return found
    }
    const ownTerms = termsOfSentences(passage)
    passage.sentences.forEach((sentence, position) => {
      const own = ownTerms[position] as Set<string>
      const covers = new Set<number>()
      let covered = 0
      slots.forEach((slot, i) => {
        const hitsSlot = slot.alternatives.some((alt) =>
          alt.every((t) => termsHere(t).some((d) => own.has(d))),
        )
        if (hitsSlot) {
          covers.add(i)
          covered += weights[i] ?? 0
        }
      })
      const coverage = covered / total
      // A sentence that covers nothing is never used, so its kind is not worth working out.
      const k = covers.size > 0 ? kindScore(kind, sentence, focus, asked) : 0
      const relevance = 0.65 * coverage + 0.35 * (hit.score / top.score)
      const score = relevance * (strict ? 0.35 + 0.65 * k : 1 + 0.3 * k) + (position === 0 ? 0.02 : 0)
      candidates.push({ passage: hit.passage, sentence, terms: own, covers, coverage, kind: k, score })
    })
  }
  return candidates.sort((a, b) => b.score - a.score || a.passage - b.passage)
}

export function compose(kb: Kb, retrieval: Retrieval, kind: AnswerKind, focus: string[]): Composed | undefined {
  const candidates = rankSentences(kb, retrieval, kind, focus)
  const best = candidates[0]
  if (!best || best.coverage === 0) return undefined

  const chosen: Candidate[] = [best]
  const covered = new Set(best.covers)
  let wordsUsed = best.sentence.split(' ').length
  for (const c of candidates.slice(1)) {
    if (chosen.length >= MAX_SENTENCES) break
    if (c.coverage === 0) continue
    const addsConcept = [...c.covers].some((i) => !covered.has(i))
    const addsKind = c.kind > 0 && chosen.every((x) => x.kind === 0)
    const close = c.score >= best.score * 0.6
    if (!(close || ((addsConcept || addsKind) && c.score >= best.score * 0.6))) continue
    if (chosen.some((x) => similarity(x.terms, c.terms) > 0.5)) continue
    const n = c.sentence.split(' ').length
    if (wordsUsed + n > MAX_WORDS) continue
    chosen.push(c)
    wordsUsed += n
    for (const i of c.covers) covered.add(i)
  }
  return cite(kb, chosen)
}

function similarity(a: Set<string>, b: Set<string>): number {
  let shared = 0
  for (const t of a) if (b.has(t)) shared++
  return shared / (a.size + b.size - shared || 1)
}

/** Numbers citations by first use; sentences from one passage share a number and a quote. */
function cite(kb: Kb, chosen: Candidate[]): Composed {
  const numbers = new Map<number, number>()
  const quotes = new Map<number, string[]>()
  const parts: string[] = []
  for (const c of chosen) {
    if (!numbers.has(c.passage)) numbers.set(c.passage, numbers.size + 1)
    quotes.set(c.passage, [...(quotes.get(c.passage) ?? []), c.sentence])
    parts.push(`${c.sentence} [${numbers.get(c.passage)}]`)
  }
  const citations: Citation[] = []
  for (const [passageIndex, n] of numbers) {
    const passage = kb.artifact.passages[passageIndex]
    const source = passage && kb.sources.get(passage.sourceId)
    if (!passage || !source) continue
    const citation: Citation = {
      n,
      sourceId: source.id,
      passageId: passage.id,
      title: source.title,
      publisher: source.publisher,
      published: source.published,
      kind: source.kind,
      ...(passage.date && { date: passage.date }),
      quote: (quotes.get(passageIndex) ?? []).join(' '),
    }
    if (source.url) citation.url = source.url
    citations.push(citation)
  }
  return { answer: parts.join(' '), citations }
}
