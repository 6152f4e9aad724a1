/**
 * The search index as the Worker holds it: a term dictionary plus each
 * term's postings string (postings.ts), read in place. Postings may live
 * inline (bundled KB) or in shards fetched on demand (large KBs, shards.ts).
 *
 * Scores are MiniSearch's (BM25 per field with options.ts's parameters, the same field boosts, prefix
 * and fuzzy weights), so results match MiniSearch on the same data;
 * tests/kb/term-index.test.ts checks that. Terms are sorted, so exact and
 * prefix matches are binary searches, and fuzzy matches a walk of the sorted
 * list (fuzzy.ts) with nothing to build first. A term matching more
 * passages than CHAMPIONS also carries its best ones (champions.ts): they
 * gather candidates, which are then scored against the full lists.
 */
import { fuzzyMatches } from './fuzzy'
import { BM25, FIELD_BOOST } from './options'
import { docAt, findDoc, freqAt, parsePostings, seek, type FieldList, type Postings } from './postings'

/** The serialised index. Postings are not here: see `InlineIndex` and the sharded manifest. */
export interface IndexData {
  documentCount: number
  fields: string[]
  averageFieldLength: number[]
  /** Per document (passage position) and field, the field's length in terms: base64 of little-endian uint16. */
  fieldLength: string
  /** Every term, sorted by UTF-16 code units; a term's ordinal is its position here. */
  terms: string[]
}

/** The index with every term's postings inline, as the bundled artifact carries it. */
export interface InlineIndex extends IndexData {
  postings: string[]
}

export interface LookupOptions {
  prefix: boolean
  /** Largest edit distance for fuzzy matches; 0 for none. */
  fuzzy: number
  /** Score multipliers of prefix and fuzzy variants, before MiniSearch's length scaling. */
  weights: { prefix: number; fuzzy: number }
  /** Score multiplier of the term itself: 1 unless it stands for another word (a slip's correction). */
  exact?: number
}

/** Passages in ascending position, with a score each. */
export interface Scored {
  docs: Int32Array
  scores: Float64Array
}

/** Where postings come from: given term ordinals, their encoded postings (loading shards if need be). */
export interface PostingsSource {
  /** Postings of `ordinal`, or undefined if its shard is not loaded yet. */
  get(ordinal: number): string | undefined
  /** Loads whatever is needed so that `get` answers for all of `ordinals`. */
  load(ordinals: number[]): Promise<void>
}

/** Passages a term keeps as champions when it matches more: enough that a question's best passages are among them. */
export const CHAMPIONS = 1_000

/** MiniSearch's calcBM25Score, split so the part that is the same for every document of a term is computed once. */
function inverseDocFreq(matchingCount: number, totalCount: number): number {
  return Math.log(1 + (totalCount - matchingCount + 0.5) / (matchingCount + 0.5))
}

function bm25(invDocFreq: number, termFreq: number, fieldLength: number, avgFieldLength: number): number {
  const { k, b, d } = BM25
  return invDocFreq * (d + (termFreq * (k + 1)) / (termFreq + k * (1 - b + (b * fieldLength) / avgFieldLength)))
}

/** What scoring needs besides the postings: field lengths and boosts. The build and the Worker share it. */
export class Scoring {
  readonly boost: number[]

  constructor(
    readonly documentCount: number,
    readonly fields: string[],
    private readonly averageFieldLength: number[],
    private readonly fieldLength: ArrayLike<number>,
  ) {
    this.boost = fields.map((f) => FIELD_BOOST[f as keyof typeof FIELD_BOOST] ?? 1)
  }

  /** Inverse document frequency of a term found in `df` passages' field: once per list, not per passage. */
  idf(df: number): number {
    return inverseDocFreq(df, this.documentCount)
  }

  /** Boosted BM25 of a term occurring `freq` times in `field` of `doc`. */
  score(field: number, idf: number, doc: number, freq: number): number {
    const length = this.fieldLength[doc * this.fields.length + field] as number
    return (this.boost[field] as number) * bm25(idf, freq, length, this.averageFieldLength[field] as number)
  }
}

function decodeUint16(base64: string): Uint16Array {
  const binary = atob(base64)
  const out = new Uint16Array(binary.length / 2)
  for (let i = 0; i < out.length; i++) out[i] = binary.charCodeAt(2 * i) | (binary.charCodeAt(2 * i + 1) << 8)
  return out
}

export function inlinePostings(postings: string[]): PostingsSource {
  return { get: (ordinal) => postings[ordinal], load: async () => {} }
}

interface Variant {
  term: string
  weight: number
  postings: Postings
}

/** Per-passage working arrays for summing lists, shared by an index's lookups (each sum runs without awaiting). */
interface Scratch {
  sums: Float64Array
  seen: Uint8Array
  touched: Int32Array
}

/**
 * One query term's matches: the term itself and its prefix or fuzzy
 * variants. Scores are computed when asked for, from the postings in place.
 */
export class TermLookup {
  private distinct: number | undefined

  constructor(
    readonly variants: Variant[],
    private readonly scoring: Scoring,
    private readonly scratch: Scratch,
  ) {}

  /** Characters of postings this lookup holds on to. */
  get chars(): number {
    return this.variants.reduce((n, v) => n + (v.postings.full[0]?.text.length ?? 0), 0)
  }

  /** Whether some variant matches more passages than its champions. */
  get truncated(): boolean {
    return this.variants.some((v) => v.postings.champions !== v.postings.full)
  }

  /** Distinct passages matched. */
  get size(): number {
    const only = this.variants[0]
    if (this.variants.length === 1 && only) return only.postings.passages
    if (this.distinct === undefined) {
      const { seen, touched } = this.scratch
      let n = 0
      for (const { postings } of this.variants) {
        for (const list of postings.full) {
          for (let i = 0; i < list.count; i++) {
            const doc = docAt(list, i)
            if (!seen[doc]) {
              seen[doc] = 1
              touched[n++] = doc
            }
          }
        }
      }
      for (let i = 0; i < n; i++) seen[touched[i] as number] = 0
      this.distinct = n
    }
    return this.distinct
  }

  /** Scores of the champions (or, `exhaustive`, of every match), summed per passage over fields and variants. */
  gather(exhaustive = false): Scored {
    return this.sum(
      this.variants.flatMap((v) => (exhaustive ? v.postings.full : v.postings.champions).map((list) => ({ list, weight: v.weight }))),
    )
  }

  /** Exact scores of those of `docs` (ascending) that the term matches. */
  scoresAt(docs: Int32Array): Scored {
    const sums = new Float64Array(docs.length)
    const matched = new Uint8Array(docs.length)
    for (const { weight, postings } of this.variants) {
      for (const list of postings.full) {
        const idf = this.scoring.idf(list.df)
        // Positions ascend, so each search starts where the last one ended.
        let from = 0
        for (let d = 0; d < docs.length; d++) {
          const doc = docs[d] as number
          const i = seek(list, doc, from)
          from = i
          if (i >= list.count || docAt(list, i) !== doc) continue
          matched[d] = 1
          sums[d] = (sums[d] as number) + weight * this.scoring.score(list.field, idf, doc, freqAt(list, i))
        }
      }
    }
    const found: number[] = []
    for (let d = 0; d < docs.length; d++) if (matched[d]) found.push(d)
    return { docs: Int32Array.from(found, (d) => docs[d] as number), scores: Float64Array.from(found, (d) => sums[d] as number) }
  }

  /** Index terms (the term itself or its variants) that occur in passage `doc`; kept, as a lookup is cached and asked about the same passages again. */
  termsAt(doc: number): string[] {
    let found = this.at.get(doc)
    if (!found) this.at.set(doc, (found = this.variants.filter((v) => v.postings.full.some((list) => findDoc(list, doc) >= 0)).map((v) => v.term)))
    return found
  }

  private readonly at = new Map<number, string[]>()

  private sum(lists: Array<{ list: FieldList; weight: number }>): Scored {
    const { scoring } = this
    const only = lists[0]
    if (lists.length === 1 && only) {
      const { list, weight } = only
      const idf = scoring.idf(list.df)
      const docs = new Int32Array(list.count)
      const scores = new Float64Array(list.count)
      for (let i = 0; i < list.count; i++) {
        const doc = docAt(list, i)
        docs[i] = doc
        scores[i] = weight * scoring.score(list.field, idf, doc, freqAt(list, i))
      }
      return { docs, scores }
    }
    const { sums, seen, touched } = this.scratch
    let n = 0
    for (const { list, weight } of lists) {
      const idf = scoring.idf(list.df)
      for (let i = 0; i < list.count; i++) {
        const doc = docAt(list, i)
        if (!seen[doc]) {
          seen[doc] = 1
          touched[n++] = doc
        }
        sums[doc] = (sums[doc] as number) + weight * scoring.score(list.field, idf, doc, freqAt(list, i))
      }
    }
    const docs = touched.slice(0, n).sort()
    const scores = new Float64Array(n)
    for (let i = 0; i < n; i++) {
      const doc = docs[i] as number
      scores[i] = sums[doc] as number
      sums[doc] = 0
      seen[doc] = 0
    }
    return { docs, scores }
  }
}

/** Index of the first of sorted `terms` that is not below `term`. */
function lowerBound(terms: readonly string[], term: string): number {
  let lo = 0
  let hi = terms.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if ((terms[mid] as string) < term) lo = mid + 1
    else hi = mid
  }
  return lo
}

export class TermIndex {
  readonly documentCount: number
  private readonly scoring: Scoring
  /** Sorted, so exact and prefix lookups are binary searches over the array as parsed: nothing to build at start-up. */
  private readonly terms: readonly string[]
  private readonly scratch: Scratch

  constructor(
    data: IndexData,
    private readonly postings: PostingsSource,
  ) {
    this.documentCount = data.documentCount
    this.scoring = new Scoring(data.documentCount, data.fields, data.averageFieldLength, decodeUint16(data.fieldLength))
    this.terms = data.terms
    const n = data.documentCount
    this.scratch = { sums: new Float64Array(n), seen: new Uint8Array(n), touched: new Int32Array(n) }
  }

  /** Whether the index holds `term` itself: a binary search, nothing loaded. */
  has(term: string): boolean {
    return this.terms[lowerBound(this.terms, term)] === term
  }

  /** One query term: its exact match, and its prefix and fuzzy variants as options allow, weighted as MiniSearch weighs them. */
  async lookup(term: string, options: LookupOptions): Promise<TermLookup> {
    const derived: Array<{ term: string; ordinal: number; weight: number }> = []
    const { terms } = this
    const first = lowerBound(terms, term)
    if (terms[first] === term) derived.push({ term, ordinal: first, weight: options.exact ?? 1 })
    const fuzzy = options.fuzzy > 0 ? fuzzyMatches(terms, term, options.fuzzy) : undefined
    if (options.prefix) {
      for (let ordinal = first; ordinal < terms.length && (terms[ordinal] as string).startsWith(term); ordinal++) {
        const t = terms[ordinal] as string
        const distance = t.length - term.length
        if (!distance) continue
        fuzzy?.delete(t)
        derived.push({ term: t, ordinal, weight: (options.weights.prefix * t.length) / (t.length + 0.3 * distance) })
      }
    }
    for (const [t, [ordinal, distance]] of fuzzy ?? []) {
      if (!distance) continue
      derived.push({ term: t, ordinal, weight: (options.weights.fuzzy * t.length) / (t.length + distance) })
    }
    const missing = derived.filter((d) => this.postings.get(d.ordinal) === undefined)
    if (missing.length > 0) await this.postings.load(missing.map((d) => d.ordinal))
    const variants = derived.map((d) => {
      const text = this.postings.get(d.ordinal)
      if (text === undefined) throw new Error(`postings of term ${d.ordinal} are not loaded`)
      return { term: d.term, weight: d.weight, postings: parsePostings(text) }
    })
    return new TermLookup(variants, this.scoring, this.scratch)
  }
}
