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
  /** Words of the question that no passage holds and that are not everyday English: names of things the sources never mention. */
  unknownNames: string[]
  /** Per term, the passages it matched. */
  termHits: Map<string, Map<number, TermHit>>
}

/**
 * Edits allowed when a term is not in the index: by the length of the word as
 * typed (a long word has room for more slips), never more than a third of
 * the term itself; none for short words and numbers.
 */
function maxEdits(term: string, typedLength: number): number {
  if (/\d/.test(term)) return 0
  const byTyped = typedLength >= 9 ? 2 : typedLength >= 6 ? 1 : 0
  return Math.min(byTyped, Math.floor(term.length / 3))
}

/** Exact and prefix first; fuzzy only when that finds nothing, which keeps typical queries fast. */
async function searchTerm(kb: Kb, term: string, typed: string): Promise<Map<number, TermHit>> {
  const base = {
    fields: ['title', 'heading', 'text', 'questions'],
    boost: FIELD_BOOST,
    weights: { prefix: 0.6, fuzzy: 0.45 },
  }
  // Prefixes complete a word cut short ("privat", "inspec"); a whole English word ("short") is not one.
  const prefix = term.length >= 5 && !kb.isEnglishWord(typed)
  let results = await kb.index.search(term, { ...base, prefix, fuzzy: 0 })
  let fuzzy = false
  const edits = maxEdits(term, typed.length)
  if (results.length === 0 && edits > 0) {
    results = await kb.index.search(term, { ...base, prefix: false, fuzzy: edits })
    fuzzy = true
  }
  // A slip near the end of a long word can change its stem ("probaton"): its start still finds it.
  if (results.length === 0 && typed.length >= 7 && !/\d/.test(typed)) {
    results = await kb.index.search(typed.slice(0, typed.length - 2), { ...base, prefix: true, fuzzy: 0 })
    fuzzy = true
  }
  const hits = new Map<number, TermHit>()
  for (const r of results) hits.set(r.id, { score: r.score, docTerms: r.terms, fuzzy })
  return hits
}

/** A term's hits depend only on the KB and the word typed, so an isolate keeps recent ones: up to this many hits in all. */
const TERM_CACHE_HITS = 250_000
const termCache = new WeakMap<Kb, Lru<string, Promise<Map<number, TermHit>>>>()

function cachedSearchTerm(kb: Kb, term: string, typed: string): Promise<Map<number, TermHit>> {
  let cache = termCache.get(kb)
  if (!cache) termCache.set(kb, (cache = new Lru(TERM_CACHE_HITS)))
  const key = `${term}\u0000${typed}`
  const cached = cache.get(key)
  if (cached) return cached
  const found = cache.set(key, searchTerm(kb, term, typed))
  found.then(
    (hits) => cache.reweigh(key, 1 + hits.size),
    () => cache.delete(key),
  )
  return found
}

/** Async because a large knowledge base loads index shards and passages on demand; every returned hit's passage is loaded. */
export async function retrieve(kb: Kb, slots: Slot[], limit = 8): Promise<Retrieval> {
  const typedFor = new Map<string, string>()
  for (const slot of slots) {
    const typed = slot.typed.length === 1 ? (slot.typed[0] as string) : ''
    for (const alt of slot.alternatives) {
      for (const t of alt) if (!typedFor.has(t)) typedFor.set(t, typed.length > t.length ? typed : t)
    }
  }
  const found = await Promise.all([...typedFor].map(([t, typed]) => cachedSearchTerm(kb, t, typed)))
  const termHits = new Map([...typedFor.keys()].map((t, i) => [t, found[i] as Map<number, TermHit>]))
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
  const unknownSlots = slots.filter((slot) => slot.weight === 1 && isUnknown(slot))
  const unknown = unknownSlots.length
  const unknownNames = unknownSlots.flatMap((slot) => slot.typed).filter((w) => /^\p{L}{5,}$/u.test(w) && !kb.isEnglishWord(w))

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
  return { hits: top, slots, slotWeights, unknown, unknownNames, termHits }
}
