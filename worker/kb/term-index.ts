/**
 * The search index as the Worker holds it: a term dictionary plus postings
 * kept as compact strings and decoded per term on first use, so loading costs
 * little more than parsing the artifact. Postings may live inline (bundled
 * KB) or in shards fetched on demand (large KBs, see shards.ts).
 *
 * Scoring reproduces MiniSearch's exactly (same BM25+, same prefix and fuzzy
 * weights, same order of additions), so results are bit-identical to
 * MiniSearch on the same data; tests/kb/term-index.test.ts checks that.
 * The dictionary is MiniSearch's own radix tree, filled in the order the
 * build's index serialised its terms, so prefix and fuzzy matches come out in
 * MiniSearch's order too.
 */
import type MiniSearch from 'minisearch'
import SearchableMap from 'minisearch/SearchableMap'
import { Lru } from './lru'

/** The serialised index. Postings are not here: see `InlineIndex` and the sharded manifest. */
export interface IndexData {
  documentCount: number
  fields: string[]
  averageFieldLength: number[]
  /** Per document (passage position) and field, the field's length in terms: base64 of little-endian uint16. */
  fieldLength: string
  /** Every term, in the order MiniSearch serialised them. */
  terms: string[]
}

/** The index with every term's postings inline, as the bundled artifact carries it. */
export interface InlineIndex extends IndexData {
  postings: string[]
}

export interface SearchOptions {
  fields: string[]
  boost: Record<string, number>
  prefix: boolean
  /** Largest edit distance for fuzzy matches; 0 for none. */
  fuzzy: number
  weights: { prefix: number; fuzzy: number }
}

export interface SearchResult {
  /** Passage position. */
  id: number
  score: number
  /** Index terms that matched. */
  terms: string[]
}

/** Where postings come from: given term ordinals, their encoded postings (loading shards if need be). */
export interface PostingsSource {
  /** Postings of `ordinal`, or undefined if its shard is not loaded yet. */
  get(ordinal: number): string | undefined
  /** Loads whatever is needed so that `get` answers for all of `ordinals`. */
  load(ordinals: number[]): Promise<void>
}

/** Postings of one term: per field id, passage positions and term frequencies. */
type Decoded = Array<{ docs: number[]; freqs: number[] } | undefined>

const BM25 = { k: 1.2, b: 0.7, d: 0.5 }
/** Decoded postings kept per isolate, in (document, field) entries: bounds memory for large KBs. */
const DECODED_ENTRIES = 2_000_000

/** MiniSearch's calcBM25Score, split so the part that is the same for every document of a term is computed once. */
function inverseDocFreq(matchingCount: number, totalCount: number): number {
  return Math.log(1 + (totalCount - matchingCount + 0.5) / (matchingCount + 0.5))
}

function bm25(invDocFreq: number, termFreq: number, fieldLength: number, avgFieldLength: number): number {
  const { k, b, d } = BM25
  return invDocFreq * (d + (termFreq * (k + 1)) / (termFreq + k * (1 - b + (b * fieldLength) / avgFieldLength)))
}

/** `fieldId,doc,freq,doc,freq;fieldId,...` in base 36, docs as gaps: short, and cheap to split. */
export function encodePostings(fields: Map<number, Map<number, number>>): string {
  const parts: string[] = []
  for (const [fieldId, freqs] of fields) {
    const out = [fieldId.toString(36)]
    let last = 0
    for (const [doc, freq] of [...freqs].sort((a, b) => a[0] - b[0])) {
      out.push((doc - last).toString(36), freq.toString(36))
      last = doc
    }
    parts.push(out.join(','))
  }
  return parts.join(';')
}

function decodePostings(text: string): Decoded {
  const decoded: Decoded = []
  for (const part of text.split(';')) {
    const nums = part.split(',')
    const docs: number[] = []
    const freqs: number[] = []
    let doc = 0
    for (let i = 1; i < nums.length; i += 2) {
      doc += parseInt(nums[i] as string, 36)
      docs.push(doc)
      freqs.push(parseInt(nums[i + 1] as string, 36))
    }
    decoded[parseInt(nums[0] as string, 36)] = { docs, freqs }
  }
  return decoded
}

export function encodeUint16(values: number[]): string {
  const bytes = new Uint8Array(values.length * 2)
  values.forEach((v, i) => {
    if (!Number.isInteger(v) || v < 0 || v > 0xffff) throw new RangeError(`field length ${v} does not fit in 16 bits`)
    bytes[2 * i] = v & 0xff
    bytes[2 * i + 1] = v >> 8
  })
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}

function decodeUint16(base64: string): Uint16Array {
  const binary = atob(base64)
  const out = new Uint16Array(binary.length / 2)
  for (let i = 0; i < out.length; i++) out[i] = binary.charCodeAt(2 * i) | (binary.charCodeAt(2 * i + 1) << 8)
  return out
}

/** Converts a built MiniSearch index (ids = passage positions) into the serialised form. */
export function indexFromMiniSearch<T>(index: MiniSearch<T>): InlineIndex {
  const js = index.toJSON()
  const fields = Object.entries(js.fieldIds).sort((a, b) => a[1] - b[1]).map(([f]) => f)
  const lengths: number[] = new Array(js.documentCount * fields.length).fill(0)
  for (const [shortId, perField] of Object.entries(js.fieldLength)) {
    const doc = js.documentIds[shortId] as number
    perField.forEach((len, f) => (lengths[doc * fields.length + f] = len))
  }
  const terms: string[] = []
  const postings: string[] = []
  for (const [term, data] of js.index) {
    const byField = new Map<number, Map<number, number>>()
    for (const [fieldId, freqs] of Object.entries(data)) {
      byField.set(Number(fieldId), new Map(Object.entries(freqs).map(([shortId, n]) => [js.documentIds[shortId] as number, n])))
    }
    terms.push(term)
    postings.push(encodePostings(byField))
  }
  return {
    documentCount: js.documentCount,
    fields,
    averageFieldLength: js.averageFieldLength,
    fieldLength: encodeUint16(lengths),
    terms,
    postings,
  }
}

export function inlinePostings(postings: string[]): PostingsSource {
  return { get: (ordinal) => postings[ordinal], load: async () => {} }
}

export class TermIndex {
  readonly documentCount: number
  private readonly fieldIds: Map<string, number>
  private readonly averageFieldLength: number[]
  private readonly fieldLength: Uint16Array
  private readonly dictionary = new SearchableMap<number>()
  private readonly decoded = new Lru<number, Decoded>(DECODED_ENTRIES)

  constructor(
    data: IndexData,
    private readonly postings: PostingsSource,
  ) {
    this.documentCount = data.documentCount
    this.fieldIds = new Map(data.fields.map((f, i) => [f, i]))
    this.averageFieldLength = data.averageFieldLength
    this.fieldLength = decodeUint16(data.fieldLength)
    data.terms.forEach((term, ordinal) => this.dictionary.set(term, ordinal))
  }

  /** One term, as MiniSearch's search would score it with the same options. */
  async search(term: string, options: SearchOptions): Promise<SearchResult[]> {
    const derived: Array<{ term: string; ordinal: number; weight: number }> = []
    const exact = this.dictionary.get(term)
    if (exact !== undefined) derived.push({ term, ordinal: exact, weight: 1 })
    const fuzzy = options.fuzzy > 0 ? this.dictionary.fuzzyGet(term, options.fuzzy) : undefined
    if (options.prefix) {
      for (const [t, ordinal] of this.dictionary.atPrefix(term)) {
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
    const missing = derived.filter((d) => this.decoded.get(d.ordinal) === undefined && this.postings.get(d.ordinal) === undefined)
    if (missing.length > 0) await this.postings.load(missing.map((d) => d.ordinal))

    const results = new Map<number, SearchResult>()
    for (const d of derived) this.addTermResults(d.term, this.postingsOf(d.ordinal), d.weight, options, results)
    return [...results.values()]
  }

  private postingsOf(ordinal: number): Decoded {
    let decoded = this.decoded.get(ordinal)
    if (!decoded) {
      const text = this.postings.get(ordinal)
      if (text === undefined) throw new Error(`postings of term ${ordinal} are not loaded`)
      decoded = decodePostings(text)
      this.decoded.set(ordinal, decoded, decoded.reduce((n, list) => n + (list?.docs.length ?? 0), 1))
    }
    return decoded
  }

  /** Mirrors MiniSearch's termResults: fields in the order given, scores added in the same sequence. */
  private addTermResults(term: string, postings: Decoded, weight: number, options: SearchOptions, results: Map<number, SearchResult>) {
    const fieldCount = this.fieldIds.size
    for (const field of options.fields) {
      const fieldBoost = options.boost[field] || 1
      const fieldId = this.fieldIds.get(field)
      const list = fieldId === undefined ? undefined : postings[fieldId]
      if (!list || fieldId === undefined) continue
      const avgFieldLength = this.averageFieldLength[fieldId] as number
      const idf = inverseDocFreq(list.docs.length, this.documentCount)
      const factor = weight * fieldBoost
      for (let i = 0; i < list.docs.length; i++) {
        const doc = list.docs[i] as number
        const fieldLength = this.fieldLength[doc * fieldCount + fieldId] as number
        const score = factor * bm25(idf, list.freqs[i] as number, fieldLength, avgFieldLength)
        const result = results.get(doc)
        if (!result) results.set(doc, { id: doc, score, terms: [term] })
        else {
          result.score += score
          if (!result.terms.includes(term)) result.terms.push(term)
        }
      }
    }
  }
}
