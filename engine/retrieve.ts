/**
 * Retrieval: the passages that match a query's concepts, scored (BM25 per
 * field with index/options.ts's parameters, as MiniSearch scores), with how much of the question each covers
 * (coverage, weighted by rarity, tells an answer from a loose match), which
 * index terms stood for each query term there, and how close the passage's
 * listed questions come to the question asked. A passage whose listed
 * question matches wins. Nothing after this touches the index.
 */
import type { ListedQuestion, PassageRecord, SourceRecord } from './artifact'
import type { Scored, TermLookup } from './index/term-index'
import type { Kb } from './kb'
import { Lru } from './lru'
import { isSlipOfStopWord, STOP_WORDS } from './stop-words'
import { termOfUnseen, terms, toTerm, words } from './text'
import { answerKind } from './kinds'
import type { Lexicon } from './lexicon'
import { isOwnConcept, slotsFor, type Query, type Slot } from './understand'

/** A query term's matches. */
interface TermMatches {
  lookup: TermLookup
  /** Found only by allowing slips. */
  fuzzy: boolean
  /** Found as a word one slip from a word the index holds ("probatoin"): it stands for that word and its alternatives. */
  corrected: boolean
  /** Distinct passages matched. */
  size: number
  /** The matches that gather candidates, scored: the term's champions (index/champions.ts), or every match when exhaustive. */
  gathered: Scored
  /** The term and every index term found for it (what a listed question may hold in its place), each with its position in that order. */
  forms: ReadonlyMap<string, number>
}

/** Candidates gathered from champions and then scored in full. */
const CANDIDATES = 64
/** Top passages whose listed questions are compared with the question asked. */
export const LISTED_CANDIDATES = 16
/** Passages ranked below the hits whose sentences may answer a question the hits show the sources answer: gathered anyway, as long as the limit and these fit within LISTED_CANDIDATES. */
const MORE = 4
/** How close a listed question must come to the question asked for its passage to win, 0 to 1. */
export const LISTED_MATCH = 0.75

export interface Hit {
  /** The passage's position in the knowledge base. */
  passage: number
  record: PassageRecord
  source: SourceRecord
  score: number
  /** Weighted share of the question's concepts the passage holds, 0 to 1. */
  coverage: number
  /** The index terms that stand for a query term in this passage (itself, or its prefix and fuzzy variants); none when it is not there. */
  termsFor(term: string): readonly string[]
  /** The passage's listed question closest to the question asked, and whether it asks for the same kind of answer. */
  listed?: { question: string; similarity: number; sameKind: boolean }
}

/** Another side of a disagreement that a hit is one side of. */
export interface Side {
  passage: number
  record: PassageRecord
  source: SourceRecord
}

export interface Retrieval {
  hits: Hit[]
  /** The query's slots, less slipped stop words ("wernt"). */
  slots: Slot[]
  /** Rarity weight of each slot: rare concepts matter more. */
  slotWeights: number[]
  /** Slots of the question itself that no passage holds: many of them mean a question off the topic. */
  unknown: number
  /** Words of the question that no passage holds and that are not everyday English: names the sources never mention. */
  unknownNames: string[]
  /** The words, as typed, of the question's own concepts (not those borrowed from earlier turns) that no passage holds. */
  unknownWords: string[]
  /** The words, as typed, that the index holds only as a word one slip away ("seperate"): slips, not names. */
  slips: string[]
  /** The passages ranked just below the hits: whether to answer is judged on the hits alone, but once it is, a sentence of these may answer best. */
  more: Hit[]
  /** For each disagreement key among the hits and those below them, every side's passage. */
  sides: ReadonlyMap<string, readonly Side[]>
}

/**
 * Edits allowed when a term is not in the index: by the length of the word as
 * typed (a long word has room for more slips), never more than a third of
 * the term itself; none for short words and numbers, and none for a
 * correctly spelt English word ("reactor", "contrast"): one the knowledge base
 * lacks means another topic, not a slip of a word it holds.
 */
function maxEdits(term: string, typed: string, english: boolean): number {
  if (english || /\d/.test(term)) return 0
  const byTyped = typed.length >= 12 ? 3 : typed.length >= 9 ? 2 : typed.length >= 5 ? 1 : 0
  return Math.min(byTyped, Math.floor(term.length / 3))
}

/** The terms of `typed` with two neighbouring letters swapped ("compnay"), the commonest slip and two edits to fuzzy matching. */
function swaps(typed: string, term: string): string[] {
  const out = new Set<string>()
  for (let i = 0; i + 1 < typed.length; i++) {
    if (typed[i] === typed[i + 1]) continue
    const t = toTerm(typed.slice(0, i) + typed[i + 1] + typed[i] + typed.slice(i + 2))
    if (t && t !== term) out.add(t)
  }
  return [...out]
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz'

/** Letters beside each other on a keyboard, the likeliest to be hit for one another. */
const KEY_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm']
const BESIDE: ReadonlyMap<string, string> = new Map(
  KEY_ROWS.flatMap((row, y) =>
    [...row].map((key, x) => [key, [row[x - 1], row[x + 1], KEY_ROWS[y - 1]?.[x], KEY_ROWS[y - 1]?.[x + 1], KEY_ROWS[y + 1]?.[x], KEY_ROWS[y + 1]?.[x - 1]].filter(Boolean).join('')] as const),
  ),
)

/**
 * The index terms of the words one slip from `typed` (a letter lost, doubled or
 * added, changed, or two neighbours swapped: "prbation", "probationn"). Corrects
 * the word as typed, not its term: a slip often breaks the ending the stemmer
 * would strip ("probatoin"), leaving a term far from the one the word should
 * have. Only terms the index holds, checked without loading anything; those of
 * everyday English words when there are any ("winter", not "winse" for "winte").
 * In a word of four letters a slip is as often another name ("iran" is not "ran",
 * "ikea" not "idea"): there, only two letters swapped or a key's neighbour hit,
 * giving one of the knowledge base's own names ("crce" for "CRCs"), or a stray
 * last letter, leaving an everyday word ("rans").
 */
function oneSlipFrom(kb: Kb, typed: string, term: string): string[] {
  const short = typed.length < 5
  const english = new Set<string>()
  const other = new Set<string>()
  const consider = (word: string) => {
    const t = termOfUnseen(word)
    if (!t || t === term || english.has(t) || !kb.index.has(t)) return
    if (!kb.isEnglishWord(word)) other.add(t)
    else if (!short) english.add(t)
  }
  for (let i = 0; i <= typed.length; i++) {
    const head = typed.slice(0, i)
    if (i < typed.length) {
      const tail = typed.slice(i + 1)
      if (i + 1 < typed.length && typed[i] !== typed[i + 1]) consider(head + typed[i + 1] + typed[i] + typed.slice(i + 2))
      for (const c of short ? (BESIDE.get(typed[i] as string) ?? '') : LETTERS) if (c !== typed[i]) consider(head + c + tail)
      if (!short) consider(head + tail)
    }
    if (!short) for (const c of LETTERS) consider(head + c + typed.slice(i))
  }
  // A stray last letter is a slip in a short word too ("rans"), when what is left is an everyday word.
  const cut = typed.slice(0, -1)
  const cutTerm = short ? termOfUnseen(cut) : null
  if (cutTerm && cutTerm !== term && kb.index.has(cutTerm) && kb.isEnglishWord(cut)) english.add(cutTerm)
  return [...(english.size > 0 ? english : other)]
}

/** Longer than any word the sources hold: no slip of it is looked for, which would cost in proportion to its length. */
const LONGEST_WORD = 24

/** Exact and prefix first; fuzzy only when that finds nothing, which keeps typical queries fast. */
async function lookupTerm(kb: Kb, term: string, typed: string): Promise<{ lookup: TermLookup; fuzzy: boolean; corrected?: true }> {
  const weights = { prefix: 0.6, fuzzy: 0.45 }
  // Prefixes complete a word cut short ("privat", "inspec"); a whole English word ("short") is not one.
  const english = kb.isEnglishWord(typed)
  const prefix = term.length >= 5 && !english
  const exact = await kb.index.lookup(term, { prefix, fuzzy: 0, weights })
  if (exact.variants.length > 0 || typed.length > LONGEST_WORD) return { lookup: exact, fuzzy: false }
  // A slip of the word as typed, first: a slip often breaks the ending the stemmer strips, leaving a term nearer some other term than the one the word should have.
  if (!english && typed.length >= 4 && /^\p{Ll}+$/u.test(typed)) {
    // The commonest, when several.
    let best: TermLookup | undefined
    for (const t of oneSlipFrom(kb, typed, term)) {
      // Weighed as a fuzzy match one edit away: a name one slip from a word of the sources ("charles", "charges") is not taken for it.
      const found = await kb.index.lookup(t, { prefix: false, fuzzy: 0, weights, exact: (weights.fuzzy * t.length) / (t.length + 1) })
      if (found.size > (best?.size ?? 0)) best = found
    }
    if (best) return { lookup: best, fuzzy: true, corrected: true }
  }
  const edits = maxEdits(term, typed, english)
  if (edits > 0) {
    const near = await kb.index.lookup(term, { prefix: false, fuzzy: edits, weights })
    if (near.variants.length > 0) return { lookup: near, fuzzy: true }
  }
  // A swap is a slip even when it spells another English word ("wroth" for "worth"), if the knowledge base lacks the word typed.
  if (typed.length >= 5 && !/\d/.test(typed)) {
    for (const swapped of swaps(typed, term)) {
      const found = await kb.index.lookup(swapped, { prefix: false, fuzzy: 0, weights })
      if (found.variants.length > 0) return { lookup: found, fuzzy: true, corrected: true }
    }
  }
  // A slip near the end of a long word can change its stem ("probaton"): its start still finds it.
  if (!english && typed.length >= 7 && !/\d/.test(typed)) {
    return { lookup: await kb.index.lookup(typed.slice(0, typed.length - 2), { prefix: true, fuzzy: 0, weights }), fuzzy: true }
  }
  return { lookup: exact, fuzzy: false }
}

async function searchTerm(kb: Kb, term: string, typed: string, exhaustive: boolean): Promise<TermMatches> {
  const { lookup, fuzzy, corrected } = await lookupTerm(kb, term, typed)
  return { lookup, fuzzy, corrected: corrected === true, size: lookup.size, gathered: lookup.gather(exhaustive), forms: formsOf(term, lookup) }
}

function formsOf(term: string, lookup: TermLookup): Map<string, number> {
  const forms = new Map([[term, 0]])
  for (const v of lookup.variants) if (!forms.has(v.term)) forms.set(v.term, forms.size)
  return forms
}

/**
 * A term's matches depend only on the KB and the word typed, so an isolate
 * keeps recent ones, weighed in 12-byte units (a scored match; 12 characters of postings held).
 */
const TERM_CACHE_UNITS = 1_500_000
const termCache = new WeakMap<Kb, Lru<string, Promise<TermMatches>>>()

function cachedSearchTerm(kb: Kb, term: string, typed: string, exhaustive: boolean): Promise<TermMatches> {
  let cache = termCache.get(kb)
  if (!cache) termCache.set(kb, (cache = new Lru(TERM_CACHE_UNITS)))
  const key = `${term}\u0000${typed}\u0000${exhaustive ? 'all' : 'champions'}`
  const cached = cache.get(key)
  if (cached) return cached
  const found = cache.set(key, searchTerm(kb, term, typed, exhaustive))
  found.then(
    (matches) => cache.reweigh(key, 1 + matches.gathered.docs.length + Math.ceil(matches.lookup.chars / 12)),
    () => cache.delete(key),
  )
  return found
}

/**
 * Per-passage working arrays, reused across requests (an isolate runs one at
 * a time): typed arrays indexed by passage position instead of maps, because
 * a common word matches most passages of a large knowledge base.
 */
interface Scratch {
  sum: Float64Array
  count: Uint16Array
  fuzzy: Uint8Array
  best: Float64Array
  full: Float64Array
  scores: Float64Array
  covered: Float64Array
  background: Float64Array
  seen: Uint8Array
  /** Passage lists, filled up to a count each time: no arrays grown and dropped per question. */
  inAlt: Int32Array
  inSlot: Int32Array
  touched: Int32Array
}

let scratch: Scratch | undefined

function scratchFor(n: number): Scratch {
  if (scratch && scratch.sum.length >= n) return scratch
  scratch = {
    sum: new Float64Array(n),
    count: new Uint16Array(n),
    fuzzy: new Uint8Array(n),
    best: new Float64Array(n),
    full: new Float64Array(n),
    scores: new Float64Array(n),
    covered: new Float64Array(n),
    background: new Float64Array(n),
    seen: new Uint8Array(n),
    inAlt: new Int32Array(n),
    inSlot: new Int32Array(n),
    touched: new Int32Array(n),
  }
  return scratch
}

/**
 * Each passage's score (per slot, its best alternative's term scores, scaled
 * by the share of the alternative's terms present) and its covered weight
 * (slots whose every term of some alternative is present; 0.7 when only by a
 * fuzzy match). Walks each term's postings, so the cost follows the matches.
 * Leaves the scratch arrays zeroed except `scores` and `covered` at `touched`.
 */
function accumulate(
  s: Scratch,
  slots: Slot[],
  slotWeights: number[],
  lists: ReadonlyMap<string, Scored & { fuzzy: boolean }>,
): { scores: Float64Array; covered: Float64Array; background: Float64Array; touched: Int32Array } {
  const { sum, count, fuzzy, best, full, scores, covered, background, seen, inAlt, inSlot, touched } = s
  let touchedCount = 0
  for (let i = 0; i < slots.length; i++) {
    const slot = slots[i] as Slot
    let inSlotCount = 0
    for (const alt of slot.alternatives) {
      // One term, as most alternatives are: its scores are the alternative's, with no sum per passage to gather first.
      if (alt.length === 1) {
        const list = lists.get(alt[0] as string)
        if (!list) continue
        const docs = list.docs
        const termScores = list.scores
        const held = list.fuzzy ? 0.7 : 1
        for (let j = 0; j < docs.length; j++) {
          const passage = docs[j] as number
          if (best[passage] === 0 && full[passage] === 0) inSlot[inSlotCount++] = passage
          best[passage] = Math.max(best[passage] as number, termScores[j] as number)
          full[passage] = Math.max(full[passage] as number, held)
        }
        continue
      }
      let inAltCount = 0
      for (const t of alt) {
        const list = lists.get(t)
        if (!list) continue
        const docs = list.docs
        const termScores = list.scores
        const slipped = list.fuzzy ? 1 : 0
        for (let j = 0; j < docs.length; j++) {
          const passage = docs[j] as number
          if (count[passage] === 0) inAlt[inAltCount++] = passage
          sum[passage] = (sum[passage] as number) + (termScores[j] as number)
          count[passage] = (count[passage] as number) + 1
          fuzzy[passage] = (fuzzy[passage] as number) | slipped
        }
      }
      for (let j = 0; j < inAltCount; j++) {
        const passage = inAlt[j] as number
        const matched = count[passage] as number
        if (best[passage] === 0 && full[passage] === 0) inSlot[inSlotCount++] = passage
        best[passage] = Math.max(best[passage] as number, (sum[passage] as number) * (matched / alt.length))
        if (matched === alt.length) full[passage] = Math.max(full[passage] as number, fuzzy[passage] ? 0.7 : 1)
        sum[passage] = 0
        count[passage] = 0
        fuzzy[passage] = 0
      }
    }
    const weight = slot.weight
    const slotWeight = slotWeights[i] ?? 0
    const behind = slot.background === true
    for (let j = 0; j < inSlotCount; j++) {
      const passage = inSlot[j] as number
      if (!seen[passage]) {
        seen[passage] = 1
        scores[passage] = 0
        covered[passage] = 0
        background[passage] = 0
        touched[touchedCount++] = passage
      }
      scores[passage] = (scores[passage] as number) + weight * (best[passage] as number)
      covered[passage] = (covered[passage] as number) + slotWeight * (full[passage] as number)
      if (behind) background[passage] = (background[passage] as number) + slotWeight * (full[passage] as number)
      best[passage] = 0
      full[passage] = 0
    }
  }
  for (let j = 0; j < touchedCount; j++) seen[touched[j] as number] = 0
  return { scores, covered, background, touched: touched.subarray(0, touchedCount) }
}

function mapValues<K, V, W>(map: ReadonlyMap<K, V>, f: (value: V) => W): Map<K, W> {
  return new Map([...map].map(([k, v]) => [k, f(v)]))
}

/** A term's scores as `accumulate` reads them, with whether it was found by a slip; fields named, as spreading them and adding one cost a call into the runtime. */
function slipped({ docs, scores }: Scored, fuzzy: boolean): Scored & { fuzzy: boolean } {
  return { docs, scores, fuzzy }
}

interface Ranked {
  passage: number
  score: number
  coverage: number
}

/** Whether a passage scoring `score` ranks before `than`: a higher score, or the earlier passage on a tie. */
function better(score: number, passage: number, than: Ranked): boolean {
  return score > than.score || (score === than.score && passage < than.passage)
}

/** The `limit` best passages, best first (ties by position), kept in a short sorted list: no sort of every match. */
function topRanked({ scores, covered, background, touched }: ReturnType<typeof accumulate>, total: number, limit: number, keep?: ReadonlySet<number>): Ranked[] {
  const top: Ranked[] = []
  const kept: Ranked[] = []
  for (const passage of touched) {
    // What the visitor told before asking counts only where a passage holds it.
    const whole = total + (background[passage] as number)
    const coverage = whole > 0 ? (covered[passage] as number) / whole : 0
    const score = (scores[passage] as number) * (0.25 + coverage)
    if (keep?.has(passage)) kept.push({ passage, score, coverage })
    const last = top[top.length - 1]
    if (top.length >= limit && (!last || !better(score, passage, last))) continue
    let i = top.length
    while (i > 0 && better(score, passage, top[i - 1] as Ranked)) i--
    top.splice(i, 0, { passage, score, coverage })
    if (top.length > limit) top.pop()
  }
  // Passages to keep whatever their rank follow the rest.
  return [...top, ...kept.filter((k) => !top.some((t) => t.passage === k.passage)).sort((a, b) => b.score - a.score)]
}

/** Rarity of a concept held by `df` of `n` passages. */
const rarityOf = (df: number, n: number) => Math.log(1 + n / (df + 0.5))

interface Listed {
  question: string
  asks: string
  /** Its terms' numbers (termNumbers; a handful, so arrays: no iterator to allocate per comparison) and each one's rarity. */
  terms: Int32Array
  rarities: readonly number[]
  /** Their sum: the weight of what the listed question holds. */
  weight: number
}

/** What a question asks for: its kind of answer, whether it is a yes/no question, and whether it asks who came after someone or before. */
function asksFor(question: string, lexicon: Lexicon): string {
  const order = lexicon.question.successorOf.test(question) ? '>' : lexicon.question.predecessorOf.test(question) ? '<' : ''
  return `${answerKind(question, lexicon)}${lexicon.question.polar.test(question) ? '?' : ''}${order}`
}

/** The term of the word a listed "how many …" question counts, if it is one: the first after "how many" that is no stop word ("how many of the CRCs…"). */
function countedWord(question: string, lexicon: Lexicon): string | undefined {
  for (const g of lexicon.question.countOf.exec(question)?.slice(1) ?? []) {
    const term = g === undefined ? null : toTerm(g.toLowerCase())
    if (term !== null) return term
  }
  return undefined
}

/** A listed question as retrieval compares it; the build works this out for every passage, `passages` counting those that hold a term. */
export function listedQuestion(question: string, lexicon: Lexicon, passages: (term: string) => number): ListedQuestion {
  const terms = [...new Set(slotsFor(question, { lexicon, vocabulary: new Map() }).map((s) => (s.alternatives[0] as string[]).join(' ')))]
  return { terms, passages: terms.map(passages), asks: asksFor(question, lexicon) }
}

/**
 * Per knowledge base, a number for each term of the listed questions read so far: comparing a listed
 * question then indexes an array by its terms' numbers, where hashing each term string cost more than the rest of the comparison.
 */
const listedTermNumbers = new WeakMap<Kb, Map<string, number>>()

function termNumbers(kb: Kb): Map<string, number> {
  let numbers = listedTermNumbers.get(kb)
  if (!numbers) listedTermNumbers.set(kb, (numbers = new Map()))
  return numbers
}

/** Each passage's listed questions with their terms' rarities, made once per isolate. */
const listedCache = new WeakMap<PassageRecord, Listed[]>()

function listedOf(kb: Kb, record: PassageRecord): Listed[] {
  let found = listedCache.get(record)
  if (!found) {
    const numbers = termNumbers(kb)
    const numberOf = (term: string) => {
      let k = numbers.get(term)
      if (k === undefined) numbers.set(term, (k = numbers.size))
      return k
    }
    found = record.questions.map((question, i) => {
      const listed = record.listed[i]
      const terms = listed?.terms ?? []
      const rarities = terms.map((_, k) => rarityOf(listed?.passages[k] ?? 0, kb.index.documentCount))
      return { question, asks: listed?.asks ?? '', terms: Int32Array.from(terms, numberOf), rarities, weight: rarities.reduce((a, b) => a + b, 0) }
    })
    listedCache.set(record, found)
  }
  return found
}

/**
 * The question asked, as listed questions are compared with it. Its concepts'
 * alternatives' terms are numbered in one flat list ("places"); `byTerm` gives
 * each index term any of them may stand for (by its number among the listed
 * questions' terms) the places it fills, with how far it is from what was typed,
 * so a listed question is compared by looking up its handful of terms rather
 * than scanning every form of every concept.
 */
interface Asked {
  slots: Array<{ weight: number; background: boolean; alternatives: Array<{ from: number; count: number }> }>
  /** Per term number, 1 + the index in `entries` of its places; 0 for a term no concept asked stands for. Shared: zeroed again once compared. */
  byTerm: Int32Array
  /** Per index term: pairs of (place, distance), flattened. */
  entries: number[][]
  /** The term numbers set in `byTerm`. */
  numbered: number[]
  places: number
}

/** `Asked.byTerm`, reused across requests (an isolate runs one at a time): a fresh array as long as the numbering per question cost more than comparing. */
let askedByTerm = new Int32Array(0)

/** `numbers` must already hold the terms of every listed question compared: a form no listed question holds is left out. */
function askedOf(slots: Slot[], slotWeights: number[], termHits: ReadonlyMap<string, TermMatches>, numbers: ReadonlyMap<string, number>): Asked {
  if (askedByTerm.length < numbers.size) askedByTerm = new Int32Array(Math.max(numbers.size, 2 * askedByTerm.length))
  const byTerm = askedByTerm
  const entries: number[][] = []
  const numbered: number[] = []
  let places = 0
  const asked = slots.map((slot, i) => ({
    weight: slotWeights[i] ?? 0,
    background: slot.background === true,
    alternatives: slot.alternatives.map((alt) => {
      const from = places
      for (const t of alt) {
        const forms: ReadonlyMap<string, number> = termHits.get(t)?.forms ?? new Map([[t, 0]])
        for (const [term, at] of forms) {
          const k = numbers.get(term)
          if (k === undefined) continue
          if (byTerm[k] === 0) {
            numbered.push(k)
            byTerm[k] = entries.push([])
          }
          entries[(byTerm[k] as number) - 1]?.push(places, at)
        }
        places++
      }
      return { from, count: alt.length }
    }),
  }))
  return { slots: asked, byTerm, entries, numbered, places }
}

/** Per place, the distance and the listed question's term filling it; reused, as similarity runs many times per question. */
let closest = new Float64Array(0)
let filledBy = new Int32Array(0)
/** The listed question's terms that fill a place counted, in the order first counted, up to `usedCount`: a typed array, as a plain one's length reset and includes() are calls per comparison. */
let usedTerms = new Int32Array(0)
let usedCount = 0

function used(term: number): boolean {
  for (let u = 0; u < usedCount; u++) if (usedTerms[u] === term) return true
  return false
}

/**
 * How close a listed question comes to the question asked, 0 to 1: the
 * weight of the question's concepts it holds (through any alternative, and
 * any slip of the visitor's), over the weight of everything either holds.
 * A place is filled by the listed term nearest to what was typed (the first
 * such in the listed question on a tie).
 */
function similarity(listed: Listed, asked: Asked): number {
  const { terms } = listed
  if (closest.length < asked.places) {
    closest = new Float64Array(asked.places)
    filledBy = new Int32Array(asked.places)
  }
  if (usedTerms.length < terms.length) usedTerms = new Int32Array(terms.length)
  // A loop, not fill(): the builtin's call costs more than the handful of places.
  for (let p = 0; p < asked.places; p++) closest[p] = Infinity
  let shares = false
  for (let i = 0; i < terms.length; i++) {
    const entry = asked.byTerm[terms[i] as number] as number
    if (entry === 0) continue
    const entries = asked.entries[entry - 1] as number[]
    shares = true
    for (let e = 0; e < entries.length; e += 2) {
      const place = entries[e] as number
      const at = entries[e + 1] as number
      if (at < (closest[place] as number)) {
        closest[place] = at
        filledBy[place] = i
      }
    }
  }
  if (!shares) return 0
  usedCount = 0
  let matched = 0
  let total = listed.weight
  for (let s = 0; s < asked.slots.length; s++) {
    const slot = asked.slots[s] as Asked['slots'][number]
    // The alternative the listed question holds most of: "chief inspector" holds two thirds of "chief inspector of probation".
    let share = 0
    let best: { from: number; count: number } | undefined
    for (let a = 0; a < slot.alternatives.length; a++) {
      const alt = slot.alternatives[a] as { from: number; count: number }
      let found = 0
      for (let p = alt.from; p < alt.from + alt.count; p++) if ((closest[p] as number) !== Infinity) found++
      if (found / alt.count > share) {
        share = found / alt.count
        best = alt
      }
    }
    matched += slot.weight * share
    // Background the listed question lacks counts neither way.
    if (!slot.background || share > 0) total += slot.weight
    if (!best) continue
    for (let p = best.from; p < best.from + best.count; p++) {
      if ((closest[p] as number) !== Infinity && !used(filledBy[p] as number)) usedTerms[usedCount++] = filledBy[p] as number
    }
  }
  // What the listed question holds beyond the question asked counts against it.
  for (let u = 0; u < usedCount; u++) total -= listed.rarities[usedTerms[u] as number] ?? 0
  return total > 0 ? matched / total : 0
}

/**
 * The `limit` best passages for the query. Async because a large knowledge
 * base loads index shards and passages on demand; every returned hit's
 * passage, and every other side of a disagreement among them, is loaded.
 * `exhaustive` gathers candidates from every match rather than from
 * champions, to measure what champions change.
 */
export async function retrieve(kb: Kb, query: Pick<Query, 'slots'> & Partial<Pick<Query, 'now' | 'text' | 'lasting' | 'years' | 'countOf'>>, limit = 8, exhaustive = false): Promise<Retrieval> {
  const typedFor = new Map<string, string>()
  for (const slot of query.slots) {
    const typed = slot.typed.length === 1 ? (slot.typed[0] as string) : ''
    // Only the term of the word typed is that word's: another alternative ("North Yorkshire" for "Scarborough") is looked up as itself.
    const own = typed && toTerm(typed)
    for (const alt of slot.alternatives) {
      for (const t of alt) if (!typedFor.has(t)) typedFor.set(t, t === own && typed.length > t.length ? typed : t)
    }
  }
  const found = await Promise.all([...typedFor].map(([t, typed]) => cachedSearchTerm(kb, t, typed, exhaustive)))
  const termHits = new Map([...typedFor.keys()].map((t, i) => [t, found[i] as TermMatches]))
  const asked = await withCorrectedAlternatives(kb, joinedSplits(kb, query.slots, termHits, query.text), termHits, exhaustive)
  const n = kb.index.documentCount
  // A slipped stop word ("wernt", "happend") names nothing: left out, not counted as a word the
  // knowledge base lacks, nor searched for by what it only resembles ("append").
  const slots = asked.filter(
    (slot) => !(onlyNear(slot, termHits) && slot.typed.length === 1 && isSlipOfStopWord(slot.typed[0] as string, kb.isEnglishWord, oneSlipFromWord(slot, termHits))),
  )
  const rarity = slots.map((slot) => rarityOf(Math.max(...slot.alternatives.map((alt) => Math.min(...alt.map((t) => termHits.get(t)?.size ?? 0)))), n))
  // A word no passage holds is as often a paraphrase ("in charge", "pushed") as a sign of another
  // topic, so it weighs as much as a typical known word; how many such words there are is judged apart.
  const known = rarity.filter((_, i) => !isUnknown(slots[i] as Slot, termHits))
  const typical = known.length > 0 ? known.reduce((a, b) => a + b, 0) / known.length : 1
  const slotWeights = slots.map((slot, i) => (lastingYear(slot, query) ? 0 : slot.weight * (isUnknown(slot, termHits) ? typical : (rarity[i] as number))))
  const total = slotWeights.reduce((a, b, i) => a + (slots[i]?.background ? 0 : b), 0)
  const unknownSlots = slots.filter((slot) => isOwnConcept(slot) && isUnknown(slot, termHits))
  // Names: long words that are not English, and codes mixing letters and figures ("HS2").
  const unknownNames = typedOf(unknownSlots.filter((slot) => !slot.told)).filter((w) => (/^\p{L}{5,}$/u.test(w) && !kb.isEnglishWord(w)) || (/^(?=.*\p{L})(?=.*\d)[\p{L}\d]{2,}$/u.test(w) && !/^\d+(m|bn|k|s|st|nd|rd|th)$/.test(w)))

  const s = scratchFor(n)
  const partial = !exhaustive && [...termHits.values()].some((m) => m.lookup.truncated)
  const wanted = Math.max(limit, LISTED_CANDIDATES)
  // A question about now also weighs the passages that say how things stand, wherever they rank.
  const listing = query.text === undefined ? undefined : listedInSameWords(kb, query.text)
  const keep = query.now ? (listing ? new Set([...kb.current, ...listing]) : kb.current) : listing
  const gathered = accumulate(s, slots, slotWeights, mapValues(termHits, (m) => slipped(m.gathered, m.fuzzy)))
  let ranked = topRanked(gathered, total, partial ? Math.max(wanted, CANDIDATES) : wanted, keep)
  if (partial) {
    const candidates = Int32Array.from(new Set([...ranked.map((h) => h.passage), ...(keep ?? [])])).sort()
    const scored = accumulate(s, slots, slotWeights, mapValues(termHits, (m) => slipped(m.lookup.scoresAt(candidates), m.fuzzy)))
    ranked = topRanked(scored, total, wanted, keep)
  }
  await kb.loadPassages(ranked.map((h) => h.passage))

  const hits: Hit[] = []
  for (const { passage, score, coverage } of ranked) {
    const record = kb.artifact.passages[passage]
    const source = record && kb.sources.get(record.sourceId)
    if (!record || !source) continue
    hits.push({ passage, record, source, score, coverage, termsFor: termsAtPassage(termHits, passage) })
  }
  // A passage kept for saying how things stand is matched wherever it ranks: its listed question says which state it gives.
  matchListed(kb, hits.filter((h, i) => i < LISTED_CANDIDATES || keep?.has(h.passage)), slots, slotWeights, termHits, query.text === undefined ? undefined : asksFor(query.text, kb.language.lexicon))
  // The passage whose listed question wins comes first.
  // Of listed questions matching equally, one counting what the question counts wins ("how many CRCs met their targets", not "how many targets did the CRCs meet").
  const counts = (h: Hit) => {
    const term = countedWord(h.listed?.question ?? '', kb.language.lexicon)
    return term !== undefined && (query.countOf ?? []).includes(term)
  }
  const closer = (h: Hit, best: Hit | undefined) => {
    const [mine, theirs] = [h.listed?.similarity ?? 0, best?.listed?.similarity ?? 0]
    if (mine !== theirs) return mine > theirs
    return best !== undefined && counts(h) && !counts(best)
  }
  const winner = hits.reduce<Hit | undefined>((best, h) => (winsByListed(h) && closer(h, best) ? h : best), undefined)
  const ordered = winner ? [winner, ...hits.filter((h) => h !== winner)] : hits
  // The question's rarest concept (a place, a name) is read where the best passage holding it ranks, if no better one holds it
  // (asking each of those passages for its terms, which composition would otherwise ask of the few it reads).
  const rarest = slots.reduce<number>((best, slot, i) => (isOwnConcept(slot) && !isUnknown(slot, termHits) && (best < 0 || (slotWeights[i] ?? 0) > (slotWeights[best] ?? 0)) ? i : best), -1)
  const rarestSlot = rarest >= 0 ? (slots[rarest] as Slot) : undefined
  const best = ordered.slice(0, limit)
  const rest = ordered.slice(limit)
  const rareOne = rarestSlot && !best.some((h) => holdsConcept(h, rarestSlot)) ? rest.find((h) => holdsConcept(h, rarestSlot)) : undefined
  const top = [...best, ...rest.filter((h) => keep?.has(h.passage) || h === rareOne)]
  const more = rest.filter((h) => !top.includes(h)).slice(0, MORE)
  return { hits: top, more, slots, slotWeights, unknown: unknownSlots.length, unknownNames, unknownWords: typedOf(unknownSlots), slips: typedOf(slots.filter((slot) => oneSlipFromWord(slot, termHits))), sides: await sidesOf(kb, [...top, ...more]) }
}

/*
 * The helpers below are functions of their own, not closures in `retrieve`: a closure is made anew
 * on every call (and, in a bundle that keeps function names, renamed each time: wrangler's default,
 * which wrangler.toml turns off).
 */

/** Per knowledge base, its listed questions by their terms (stop words dropped, stemmed, in order): built once, the kind each asks for read only when its terms match. */
const listedByTerms = new WeakMap<Kb, Map<string, Array<{ passage: number; question: string }>>>()

/**
 * The passages listing the question asked in the same words but for stop words and endings, asking for the same kind of answer
 * ("whats a crc" lists as "What is a CRC?"; "how many crcs were there" does not): they are weighed whatever their rank, as a question
 * the maintainers listed is answered from their passage however many others share its words. Whether it wins is judged as for any listed question.
 */
function listedInSameWords(kb: Kb, text: string): ReadonlySet<number> | undefined {
  let byTerms = listedByTerms.get(kb)
  if (!byTerms) {
    byTerms = new Map()
    for (const listed of kb.questions) {
      const key = terms(listed.question).join(' ')
      if (key !== '') byTerms.set(key, [...(byTerms.get(key) ?? []), listed])
    }
    listedByTerms.set(kb, byTerms)
  }
  const same = byTerms.get(terms(text).join(' '))
  if (!same) return undefined
  const asks = asksFor(text, kb.language.lexicon)
  const found = same.filter((listed) => asksFor(listed.question, kb.language.lexicon) === asks)
  return found.length > 0 ? new Set(found.map((listed) => listed.passage)) : undefined
}

/** The words typed for slots, in order: a loop, as flatMap is a call into the runtime even over no slots, and retrieval asks three times per question. */
function typedOf(slots: readonly Slot[]): string[] {
  const out: string[] = []
  for (const slot of slots) out.push(...slot.typed)
  return out
}

/** Whether no passage holds a slot: each of its alternatives has a term none holds. */
function isUnknown(slot: Slot, termHits: ReadonlyMap<string, TermMatches>): boolean {
  return slot.alternatives.every((alt) => alt.some((t) => !termHits.get(t)?.size))
}

/** Whether a slot is held only through slips: each of its alternatives has a term held by none or only by a fuzzy match. */
function onlyNear(slot: Slot, termHits: ReadonlyMap<string, TermMatches>): boolean {
  return slot.alternatives.every((alt) => alt.some((t) => !termHits.get(t)?.size || termHits.get(t)?.fuzzy))
}

/** Whether a slot is a word one slip from a word the index holds: every term of an alternative was corrected. */
function oneSlipFromWord(slot: Slot, termHits: ReadonlyMap<string, TermMatches>): boolean {
  return slot.alternatives.some((alt) => alt.every((t) => termHits.get(t)?.corrected))
}

/** "Who ran it in 2016?": the year a lasting state is asked at is settled by when passages date from (compose), not searched as a word. */
function lastingYear(slot: Slot, query: Partial<Pick<Query, 'lasting' | 'years'>>): boolean {
  return query.lasting === true && slot.typed.length === 1 && (query.years ?? []).includes(Number(slot.typed[0]))
}

/** A hit's index terms for each query term, worked out when composition asks, for the few passages it reads. */
function termsAtPassage(termHits: ReadonlyMap<string, TermMatches>, passage: number): (term: string) => readonly string[] {
  const found = new Map<string, string[]>()
  return (t) => {
    let at = found.get(t)
    if (!at) found.set(t, (at = termHits.get(t)?.lookup.termsAt(passage) ?? []))
    return at
  }
}

/** A listed question asking what the visitor asks, in nearly the same words, says the passage answers it. */
function winsByListed(h: Hit): boolean {
  return h.listed !== undefined && h.listed.sameKind && h.listed.similarity >= LISTED_MATCH
}

/**
 * Two words run together ("thegate", "privateprobation"): the most even way to split
 * the word typed into a stop word or a word of four letters or more whose term the
 * index holds, and another such, the two halves as even as can be; not for an
 * everyday English word, nor a word one half of which is a stop word and the other
 * under four letters ("norway" is no "nor way").
 */
function splitJoined(kb: Kb, typed: string): string[] | undefined {
  if (typed.length < 6 || typed.length > LONGEST_WORD || !/^\p{Ll}+$/u.test(typed) || kb.isEnglishWord(typed)) return undefined
  let best: string[] | undefined
  let even = 0
  for (let i = 2; i + 2 <= typed.length; i++) {
    const halves = [typed.slice(0, i), typed.slice(i)]
    const held = halves.map((w) => termOfUnseen(w))
    const fits = halves.every((w, k) => (held[k] === null ? STOP_WORDS.has(w) : w.length >= 4 && kb.index.has(held[k] as string)))
    const balance = Math.min(i, typed.length - i)
    if (fits && held.some((t) => t !== null) && balance > even) {
      best = held.filter((t): t is string => t !== null)
      even = balance
    }
  }
  return best
}

/**
 * A word split by a space ("contra cts", "re offending"): two neighbouring words typed,
 * one of them held by no passage, that together spell a word whose term the index holds
 * are one concept ("re offending" is not "re" and "offending"), with the alternatives the
 * vocabulary gives the word. Its terms are looked up
 * with the other terms the repaired slots bring (`withCorrectedAlternatives`).
 */
function joinedSplits(kb: Kb, slots: Slot[], termHits: ReadonlyMap<string, TermMatches>, text: string | undefined): Slot[] {
  if (text === undefined || slots.length < 2) return slots
  const typedWords = words(text)
  const single = (slot: Slot | undefined) => (slot && slot.typed.length === 1 && slot.alternatives.length === 1 && slot.alternatives[0]?.length === 1 ? (slot.typed[0] as string) : undefined)
  const unheld = (slot: Slot) => !termHits.get(slot.alternatives[0]?.[0] as string)?.size
  const out: Slot[] = []
  for (let i = 0; i < slots.length; i++) {
    const slot = slots[i] as Slot
    const next = slots[i + 1]
    const a = single(slot)
    const b = single(next)
    if (a && b && next && (unheld(slot) || unheld(next)) && /^\p{L}+$/u.test(a + b) && typedWords.some((w, k) => w === a && typedWords[k + 1] === b)) {
      const joined = toTerm(a + b)
      if (joined && kb.index.has(joined)) {
        const expansion = kb.language.vocabulary.get(joined)?.find((e) => e.phrase.length === 1 && e.words === undefined)
        out.push({ ...slot, alternatives: expansion?.alternatives ?? [[joined]], typed: [a + b] })
        i++
        continue
      }
    }
    out.push(slot)
  }
  return out
}

/**
 * Slots as the words meant would have made them: a word corrected to one the vocabulary
 * gives alternatives for ("crcss" for "CRCs") stands for them all, and two words run
 * together that no passage holds ("privateprobation") for both. Their matches join `termHits`.
 */
async function withCorrectedAlternatives(kb: Kb, slots: Slot[], termHits: Map<string, TermMatches>, exhaustive: boolean): Promise<Slot[]> {
  const out: Slot[] = []
  // Loops, not flat() and flatMap(), each a call into the runtime: this runs for every question, mostly to find nothing.
  const unsought: string[] = []
  for (const slot of slots) for (const alt of slot.alternatives) for (const t of alt) if (!termHits.has(t) && !unsought.includes(t)) unsought.push(t)
  const joined = await Promise.all(unsought.map((t) => cachedSearchTerm(kb, t, t, exhaustive)))
  unsought.forEach((t, i) => termHits.set(t, joined[i] as TermMatches))
  for (const slot of slots) {
    const term = slot.alternatives.length === 1 && slot.alternatives[0]?.length === 1 ? slot.alternatives[0][0] : undefined
    const matches = term === undefined ? undefined : termHits.get(term)
    const typed = slot.typed.length === 1 ? (slot.typed[0] as string) : undefined
    const corrected = matches?.corrected && matches.lookup.variants.length === 1 ? matches.lookup.variants[0]?.term : undefined
    const expansion = corrected === undefined || typed === undefined || isSlipOfStopWord(typed, kb.isEnglishWord, true)
      ? undefined
      : kb.language.vocabulary.get(corrected)?.find((e) => e.phrase.length === 1 && e.words === undefined)
    const split = !expansion && matches && matches.size === 0 && typed !== undefined ? splitJoined(kb, typed) : undefined
    const alternatives = expansion?.alternatives ?? (split ? [split] : undefined)
    if (!alternatives) {
      out.push(slot)
      continue
    }
    const added = [...new Set(alternatives.flat())].filter((t) => !termHits.has(t))
    const found = await Promise.all(added.map((t) => cachedSearchTerm(kb, t, t, exhaustive)))
    // Words split apart are as uncertain as a slip: a name may run two words together ("rightmove").
    added.forEach((t, i) => termHits.set(t, split ? { ...(found[i] as TermMatches), fuzzy: true } : (found[i] as TermMatches)))
    out.push({ ...slot, alternatives })
  }
  return out
}

/** Whether a hit's passage holds a concept of the question, through any of its alternatives. */
export function holdsConcept(hit: Hit, slot: Slot): boolean {
  return slot.alternatives.some((alt) => alt.every((t) => hit.termsFor(t).length > 0))
}

/** Sets `listed` on the hits whose listed questions come near the question asked. */
function matchListed(kb: Kb, hits: Hit[], slots: Slot[], slotWeights: number[], termHits: ReadonlyMap<string, TermMatches>, asks: string | undefined): void {
  const listed = hits.map((hit) => listedOf(kb, hit.record))
  const asked = askedOf(slots, slotWeights, termHits, termNumbers(kb))
  for (let h = 0; h < hits.length; h++) {
    const hit = hits[h] as Hit
    for (const l of listed[h] as Listed[]) {
      const sim = similarity(l, asked)
      if (sim > (hit.listed?.similarity ?? 0)) hit.listed = { question: l.question, similarity: sim, sameKind: asks === undefined || asks === l.asks }
    }
  }
  for (const k of asked.numbered) asked.byTerm[k] = 0
}

/** Every side of each disagreement the hits are part of, loaded. */
async function sidesOf(kb: Kb, hits: Hit[]): Promise<Map<string, Side[]>> {
  // A loop, not flatMap (a call into the runtime): most questions' hits are part of no disagreement.
  const keys = new Set<string>()
  for (const h of hits) if (h.record.conflict) keys.add(h.record.conflict)
  const out = new Map<string, Side[]>()
  if (keys.size === 0) return out
  const positions = [...keys].flatMap((k) => kb.conflicts.get(k)?.sides ?? [])
  await kb.loadPassages(positions)
  for (const key of keys) {
    const sides: Side[] = []
    for (const passage of kb.conflicts.get(key)?.sides ?? []) {
      const record = kb.artifact.passages[passage]
      const source = record && kb.sources.get(record.sourceId)
      if (record && source) sides.push({ passage, record, source })
    }
    out.set(key, sides)
  }
  return out
}
