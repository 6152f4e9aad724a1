/**
 * A term's postings as one string, in fixed-width base64 digits, so a
 * Worker can read any entry in place: a common word's list is searched for a
 * few passages without decoding it. Three digits give the number of distinct
 * passages the term occurs in; then per field, a digit for the field id,
 * then one 4-digit entry per passage in ascending position (3 digits of
 * position, 1 of term frequency). Field lists are separated by spaces; when
 * the term matches more passages than it has champions (see champions.ts),
 * `|` and the champions' own field lists follow.
 */
import { DIGIT_VALUE as VALUE, DIGITS } from './digits'

/** Positions take three digits. */
export const MAX_PASSAGES = 64 ** 3
/** Frequencies above this are stored as this: BM25 barely changes past a handful of repeats. */
export const MAX_FREQ = 63
const ENTRY = 4

/** Per field id, passage position → term frequency. */
export type FieldFreqs = Map<number, Map<number, number>>

function encodeNumber(n: number): string {
  if (n >= MAX_PASSAGES) throw new RangeError(`passage ${n} is past the ${MAX_PASSAGES} a knowledge base may hold`)
  return `${DIGITS[n >> 12]}${DIGITS[(n >> 6) & 63]}${DIGITS[n & 63]}`
}

function readNumber(text: string, at: number): number {
  return ((VALUE[text.charCodeAt(at)] as number) << 12) | ((VALUE[text.charCodeAt(at + 1)] as number) << 6) | (VALUE[text.charCodeAt(at + 2)] as number)
}

function encodeFields(fields: FieldFreqs): string {
  const lists: string[] = []
  for (const [field, freqs] of [...fields].sort((a, b) => a[0] - b[0])) {
    let out = DIGITS[field] as string
    for (const [doc, freq] of [...freqs].sort((a, b) => a[0] - b[0])) out += `${encodeNumber(doc)}${DIGITS[Math.min(freq, MAX_FREQ)]}`
    lists.push(out)
  }
  return lists.join(' ')
}

/** The postings string of a term; `champions` restricts `fields` to its best passages when it has more. */
export function encodePostings(fields: FieldFreqs, champions?: ReadonlySet<number>): string {
  const passages = new Set([...fields.values()].flatMap((freqs) => [...freqs.keys()]))
  const full = `${encodeNumber(passages.size)}${encodeFields(fields)}`
  if (!champions) return full
  const best: FieldFreqs = new Map()
  for (const [field, freqs] of fields) {
    const kept = new Map([...freqs].filter(([doc]) => champions.has(doc)))
    if (kept.size > 0) best.set(field, kept)
  }
  return `${full}|${encodeFields(best)}`
}

/** One field's entries inside a postings string. */
export interface FieldList {
  text: string
  field: number
  /** Index of the first entry's first digit. */
  start: number
  count: number
  /** Passages whose field holds the term: `count`, or for a champions list its full list's count. */
  df: number
}

export interface Postings {
  /** Distinct passages the term occurs in, over all fields. */
  passages: number
  /** Every passage the term occurs in, per field. */
  full: FieldList[]
  /** The best of them, per field, when the term has more than its champions; else `full`. */
  champions: FieldList[]
}

function parseLists(text: string, from: number, to: number, full?: FieldList[]): FieldList[] {
  const lists: FieldList[] = []
  for (let start = from; start < to; ) {
    let end = text.indexOf(' ', start)
    if (end < 0 || end > to) end = to
    const field = VALUE[text.charCodeAt(start)] as number
    const count = (end - start - 1) / ENTRY
    lists.push({ text, field, start: start + 1, count, df: full?.find((l) => l.field === field)?.count ?? count })
    start = end + 1
  }
  return lists
}

/** Finds the field lists in a postings string: a few scans for separators, no decoding. */
export function parsePostings(text: string): Postings {
  const bar = text.indexOf('|')
  const full = parseLists(text, 3, bar < 0 ? text.length : bar)
  return { passages: readNumber(text, 0), full, champions: bar < 0 ? full : parseLists(text, bar + 1, text.length, full) }
}

export function docAt(list: FieldList, i: number): number {
  return readNumber(list.text, list.start + i * ENTRY)
}

export function freqAt(list: FieldList, i: number): number {
  return VALUE[list.text.charCodeAt(list.start + i * ENTRY + 3)] as number
}

/** Index of the first entry at or after `from` whose position is at least `doc` (`count` if none). */
export function seek(list: FieldList, doc: number, from = 0): number {
  let lo = from
  let hi = list.count
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (docAt(list, mid) < doc) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** Index of `doc` in the list, or -1. */
export function findDoc(list: FieldList, doc: number): number {
  const i = seek(list, doc)
  return i < list.count && docAt(list, i) === doc ? i : -1
}
