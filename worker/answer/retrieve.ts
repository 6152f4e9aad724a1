/**
 * Retrieval: finds the passages that match a question's slots and measures
 * how much of the question each one covers. Coverage, weighted by how rare
 * each concept is, is what tells an answer from a loose match.
 */
import { FIELD_BOOST } from '../kb/index-options'
import type { Kb } from '../kb/load'
import { Lru } from '../kb/lru'
import type { Slot } from './query'

export interface TermHit {
  score: number
  /** Index terms that matched (the term itself, or a prefix or fuzzy variant). */
  docTerms: string[]
  fuzzy: boolean
}

export interface Hit {
  passage: number
  score: number
  /** Weighted share of the question's concepts found in the passage, 0 to 1. */
  coverage: number
}

export interface Retrieval {
  hits: Hit[]
  slots: Slot[]
  /** Rarity weight of each slot: rare concepts matter more; unknown ones most. */
  slotWeights: number[]
  /** Slots of the question itself that no passage holds: many of them mean a question off the topic. */
  unknown: number
  /** Per term, the passages it matched. */
  termHits: Map<string, Map<number, TermHit>>
}

/** Fuzzy matching is tried only for terms the index does not hold exactly; short terms and numbers never. */
function maxEdits(term: string): number {
  if (/\d/.test(term) || term.length < 6) return 0
  return term.length < 9 ? 1 : 2
}

/** Exact and prefix first; fuzzy only when that finds nothing, which keeps typical queries fast. */
async function searchTerm(kb: Kb, term: string): Promise<Map<number, TermHit>> {
  const base = {
    fields: ['title', 'heading', 'text', 'questions'],
    boost: FIELD_BOOST,
    weights: { prefix: 0.6, fuzzy: 0.45 },
  }
  let results = await kb.index.search(term, { ...base, prefix: term.length >= 5, fuzzy: 0 })
  let fuzzy = false
  const edits = maxEdits(term)
  if (results.length === 0 && edits > 0) {
    results = await kb.index.search(term, { ...base, prefix: false, fuzzy: edits })
    fuzzy = true
  }
  const hits = new Map<number, TermHit>()
  for (const r of results) hits.set(r.id, { score: r.score, docTerms: r.terms, fuzzy })
  return hits
}

/** A term's hits depend only on the KB, so an isolate keeps recent ones: up to this many hits in all. */
const TERM_CACHE_HITS = 250_000
const termCache = new WeakMap<Kb, Lru<string, Promise<Map<number, TermHit>>>>()

function cachedSearchTerm(kb: Kb, term: string): Promise<Map<number, TermHit>> {
  let cache = termCache.get(kb)
  if (!cache) termCache.set(kb, (cache = new Lru(TERM_CACHE_HITS)))
  const cached = cache.get(term)
  if (cached) return cached
  const found = cache.set(term, searchTerm(kb, term))
  found.then(
    (hits) => cache.reweigh(term, 1 + hits.size),
    () => cache.delete(term),
  )
  return found
}

/** Async because a large knowledge base loads index shards and passages on demand; every returned hit's passage is loaded. */
export async function retrieve(kb: Kb, slots: Slot[], limit = 8): Promise<Retrieval> {
  const unique = [...new Set(slots.flatMap((slot) => slot.alternatives.flat()))]
  const found = await Promise.all(unique.map((t) => cachedSearchTerm(kb, t)))
  const termHits = new Map(unique.map((t, i) => [t, found[i] as Map<number, TermHit>]))
  const n = kb.artifact.passages.length
  const isUnknown = (slot: Slot) => slot.alternatives.every((alt) => alt.some((t) => !termHits.get(t)?.size))
  const rarity = slots.map((slot) => {
    const df = Math.max(...slot.alternatives.map((alt) => Math.min(...alt.map((t) => termHits.get(t)?.size ?? 0))))
    return Math.log(1 + n / (df + 0.5))
  })
  // A word no passage holds is as often a paraphrase ("in charge", "pushed") as a sign of another
  // topic, so it weighs as much as a typical known word; how many such words there are is judged apart.
  const known = rarity.filter((_, i) => !isUnknown(slots[i] as Slot))
  const typical = known.length > 0 ? known.reduce((a, b) => a + b, 0) / known.length : 1
  const slotWeights = slots.map((slot, i) => slot.weight * (isUnknown(slot) ? typical : (rarity[i] as number)))
  const total = slotWeights.reduce((a, b) => a + b, 0)
  const unknown = slots.filter((slot) => slot.weight === 1 && isUnknown(slot)).length

  const candidates = new Set<number>()
  for (const hits of termHits.values()) for (const id of hits.keys()) candidates.add(id)

  const hits: Hit[] = []
  for (const passage of candidates) {
    let score = 0
    let covered = 0
    slots.forEach((slot, i) => {
      let best = 0
      let full = 0
      for (const alt of slot.alternatives) {
        const found = alt.map((t) => termHits.get(t)?.get(passage))
        const matched = found.filter((h): h is TermHit => h !== undefined)
        const sum = matched.reduce((a, h) => a + h.score, 0) * (matched.length / alt.length)
        best = Math.max(best, sum)
        if (matched.length === alt.length) full = Math.max(full, matched.some((h) => h.fuzzy) ? 0.7 : 1)
      }
      score += slot.weight * best
      covered += (slotWeights[i] ?? 0) * full
    })
    const coverage = total > 0 ? covered / total : 0
    hits.push({ passage, score: score * (0.25 + coverage), coverage })
  }
  hits.sort((a, b) => b.score - a.score || a.passage - b.passage)
  const top = hits.slice(0, limit)
  await kb.loadPassages(top.map((h) => h.passage))
  return { hits: top, slots, slotWeights, unknown, termHits }
}
