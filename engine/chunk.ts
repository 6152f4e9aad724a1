/**
 * Chunking: a `##` section becomes one passage, or several when it is long.
 * Splits fall between sentences and keep the pieces close to equal, so no
 * passage ends up as a stray sentence.
 */
import { sentences, wordCount } from './text'

export const PASSAGE_WORDS = { min: 40, max: 150 } as const

export function chunkSection(text: string): string[] {
  const total = wordCount(text)
  if (total <= PASSAGE_WORDS.max) return [text]
  const pieces = Math.ceil(total / PASSAGE_WORDS.max)
  const target = total / pieces
  const chunks: string[] = []
  let current: string[] = []
  let count = 0
  let remaining = total
  for (const sentence of sentences(text)) {
    const n = wordCount(sentence)
    const wouldOverflow = count + n > PASSAGE_WORDS.max
    const closeEnough = count >= target || (wouldOverflow && count >= PASSAGE_WORDS.min)
    if (current.length > 0 && closeEnough && remaining >= PASSAGE_WORDS.min) {
      chunks.push(current.join(' '))
      current = []
      count = 0
    }
    current.push(sentence)
    count += n
    remaining -= n
  }
  if (current.length > 0) chunks.push(current.join(' '))
  return chunks
}
