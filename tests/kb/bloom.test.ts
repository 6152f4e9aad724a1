/** The English-word filter the artifact carries: no false negatives, and leaving words out of one sized for the whole list adds no false positives. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { bloomTest, buildBloom } from '../../engine/bloom'

const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), minLength: 1, maxLength: 8 })

describe('bloom filter', () => {
  it('says yes to every word it holds', () => {
    fc.assert(
      fc.property(fc.uniqueArray(word, { maxLength: 200 }), (words) => {
        const has = bloomTest(buildBloom(words))
        expect(words.every(has)).toBe(true)
      }),
    )
  })

  it('sized for a whole list but holding part of it, says yes to no word the whole list says no to', () => {
    fc.assert(
      fc.property(fc.uniqueArray(word, { minLength: 1, maxLength: 200 }), fc.array(word, { maxLength: 50 }), (words, probes) => {
        const whole = bloomTest(buildBloom(words))
        const part = words.filter((_, i) => i % 3 !== 0)
        const partial = bloomTest(buildBloom(part, undefined, words.length))
        for (const w of [...probes, ...words]) if (!whole(w)) expect(partial(w)).toBe(false)
        expect(part.every(partial)).toBe(true)
      }),
    )
  })
})
