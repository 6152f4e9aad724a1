/** The sorted-list fuzzy walk against MiniSearch's radix tree, which the term index used before: the same terms at the same distances. */
import fc from 'fast-check'
import SearchableMap from 'minisearch/SearchableMap'
import { describe, expect, it } from 'vitest'
import { fuzzyMatches } from '../../engine/index/fuzzy'

function radixTree(terms: string[]) {
  const map = new SearchableMap<number>()
  terms.forEach((t, i) => map.set(t, i))
  return map
}

const sorted = (terms: string[]) => [...new Set(terms)].sort()
// A small alphabet makes near neighbours, shared prefixes and prefixes that are whole terms common.
const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd', 'é'), minLength: 0, maxLength: 9 })

describe('fuzzy matches in a sorted term list', () => {
  it('finds exactly the terms the radix tree finds, at the same distances', () => {
    fc.assert(
      fc.property(fc.array(word, { maxLength: 60 }), word, fc.integer({ min: 0, max: 3 }), (list, query, distance) => {
        const terms = sorted(list)
        const expected = [...radixTree(terms).fuzzyGet(query, distance)].sort(([a], [b]) => (a < b ? -1 : 1))
        expect([...fuzzyMatches(terms, query, distance)]).toEqual(expected)
      }),
      { numRuns: 2000 },
    )
  })

  it('returns matches in term order, with each ordinal pointing at its term', () => {
    const terms = sorted(['contract', 'contracts', 'contacts', 'contractor', 'contrast', 'conduct', 'tract'])
    const found = fuzzyMatches(terms, 'contarcts', 2)
    expect([...found.keys()]).toEqual(['contacts', 'contracts'])
    for (const [term, [ordinal]] of found) expect(terms[ordinal]).toBe(term)
  })

  it('grows past terms longer than its first buffer', () => {
    const long = 'a'.repeat(40)
    expect(fuzzyMatches(['b', long], `${long}b`, 1).get(long)).toEqual([1, 1])
  })
})
