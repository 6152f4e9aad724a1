/**
 * Writing the index: what the build (knowledge/compile.ts) turns a built
 * MiniSearch index into. The Worker only reads it (term-index.ts).
 */
import type MiniSearch from 'minisearch'
import { champions } from './champions'
import { encodePostings, type FieldFreqs } from './postings'
import { CHAMPIONS, Scoring, type InlineIndex } from './term-index'

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

/** Per passage, the term's boosted score summed over fields. */
function scoreTerm(scoring: Scoring, fields: FieldFreqs): Map<number, number> {
  const scores = new Map<number, number>()
  for (const [field, freqs] of fields) {
    const idf = scoring.idf(freqs.size)
    for (const [doc, freq] of freqs) scores.set(doc, (scores.get(doc) ?? 0) + scoring.score(field, idf, doc, freq))
  }
  return scores
}

/**
 * Converts a built MiniSearch index (ids = passage positions) into the
 * serialised form; terms matching more than `championCount` passages also
 * store their best ones.
 */
export function indexFromMiniSearch<T>(index: MiniSearch<T>, championCount = CHAMPIONS): InlineIndex {
  const js = index.toJSON()
  const fields = Object.entries(js.fieldIds).sort((a, b) => a[1] - b[1]).map(([f]) => f)
  const lengths: number[] = new Array(js.documentCount * fields.length).fill(0)
  for (const [shortId, perField] of Object.entries(js.fieldLength)) {
    const doc = js.documentIds[shortId] as number
    perField.forEach((len, f) => (lengths[doc * fields.length + f] = len))
  }
  const scoring = new Scoring(js.documentCount, fields, js.averageFieldLength, lengths)
  const entries: Array<[string, string]> = []
  for (const [term, data] of js.index) {
    const byField: FieldFreqs = new Map()
    for (const [fieldId, freqs] of Object.entries(data)) {
      byField.set(Number(fieldId), new Map(Object.entries(freqs).map(([shortId, n]) => [js.documentIds[shortId] as number, n])))
    }
    const scores = [...scoreTerm(scoring, byField)].sort((a, b) => a[0] - b[0])
    const best =
      scores.length > championCount
        ? new Set(champions({ docs: Int32Array.from(scores, (e) => e[0]), scores: Float64Array.from(scores, (e) => e[1]) }, championCount).docs)
        : undefined
    entries.push([term, encodePostings(byField, best)])
  }
  entries.sort((a, b) => (a[0] < b[0] ? -1 : 1))
  return {
    documentCount: js.documentCount,
    fields,
    averageFieldLength: js.averageFieldLength,
    fieldLength: encodeUint16(lengths),
    terms: entries.map((e) => e[0]),
    postings: entries.map((e) => e[1]),
  }
}

