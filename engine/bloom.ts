/**
 * A Bloom filter: set membership in a fraction of the space of the set, with
 * a small chance of a false "yes" and never a false "no". The build stores
 * the English dictionary this way so the Worker can tell an everyday word
 * from a name without carrying 275,000 words.
 */
import { DIGIT_VALUE, DIGITS } from './index/digits'

export interface BloomData {
  /** Number of bits. */
  m: number
  /** Number of hash functions. */
  k: number
  /** The bits, six to a base64 digit (digits.ts), bit p in digit p / 6: tested in place. */
  bits: string
}

/** FNV-1a, 32-bit, with a seed; two of them give all k positions (Kirsch–Mitzenmacher). */
function fnv1a(text: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h
}

/** Into `out`, which the build reuses: it hashes the whole dictionary, 275,000 words. */
function positions(word: string, m: number, k: number, out = new Array<number>(k)): number[] {
  const a = fnv1a(word, 0)
  const b = fnv1a(word, 0x9e3779b9) | 1
  for (let i = 0; i < k; i++) out[i] = ((a + Math.imul(i, b)) >>> 0) % m
  return out
}

/**
 * `capacity`: the number of words the filter is sized for, by default as many as it holds. Sized for a
 * list it holds only part of, it answers yes to no word the whole list's filter says no to.
 */
export function buildBloom(words: readonly string[], falsePositiveRate = 0.01, capacity = words.length): BloomData {
  const count = Math.max(capacity, 1)
  const m = Math.ceil((-count * Math.log(falsePositiveRate)) / Math.LN2 ** 2)
  const k = Math.max(1, Math.round((m / count) * Math.LN2))
  const digits = new Uint8Array(Math.ceil(m / 6))
  const out = new Array<number>(k)
  for (const word of words) {
    for (const p of positions(word, m, k, out)) digits[Math.floor(p / 6)]! |= 1 << p % 6
  }
  let bits = ''
  for (const d of digits) bits += DIGITS[d]
  return { m, k, bits }
}

/** The membership test; it reads the bits from the stored string, so there is nothing to decode at start-up. */
export function bloomTest({ m, k, bits }: BloomData): (word: string) => boolean {
  return (word) => positions(word, m, k).every((p) => ((DIGIT_VALUE[bits.charCodeAt(Math.floor(p / 6))] ?? 0) & (1 << p % 6)) !== 0)
}
