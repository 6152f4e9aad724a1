import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { docAt, encodePostings, findDoc, freqAt, MAX_FREQ, MAX_PASSAGES, parsePostings, type FieldFreqs, type FieldList } from '../../engine/index/postings'

const fieldFreqs = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.uniqueArray(fc.tuple(fc.nat(MAX_PASSAGES - 1), fc.integer({ min: 1, max: 40 })), { selector: (e) => e[0], minLength: 1, maxLength: 60 })), {
    minLength: 1,
    maxLength: 4,
  })
  .map((fields): FieldFreqs => new Map(fields.map(([field, entries]) => [field, new Map(entries)])))

const read = (list: FieldList) => Array.from({ length: list.count }, (_, i) => [docAt(list, i), freqAt(list, i)] as [number, number])

describe('postings strings', () => {
  it('give back every field, passage and frequency, in ascending positions, read in place, and the distinct passage count', () => {
    fc.assert(
      fc.property(fieldFreqs, (fields) => {
        const { passages, full, champions } = parsePostings(encodePostings(fields))
        expect(champions).toBe(full)
        expect(passages).toBe(new Set([...fields.values()].flatMap((freqs) => [...freqs.keys()])).size)
        expect(new Map(full.map((list) => [list.field, new Map(read(list))]))).toEqual(fields)
        for (const list of full) {
          expect(read(list).map(([doc]) => doc)).toEqual([...(fields.get(list.field)?.keys() ?? [])].sort((a, b) => a - b))
          read(list).forEach(([doc], i) => expect(findDoc(list, doc)).toBe(i))
          expect(list.df).toBe(list.count)
        }
      }),
      { seed: 3, numRuns: 300 },
    )
  })

  it("carry a champions section that keeps the full lists' document counts for scoring", () => {
    const fields: FieldFreqs = new Map([
      [0, new Map([[1, 2], [5, 1], [9, 3]])],
      [2, new Map([[5, 4], [7, 1]])],
    ])
    const { full, champions } = parsePostings(encodePostings(fields, new Set([5, 9])))
    expect(full.map(read)).toEqual([[[1, 2], [5, 1], [9, 3]], [[5, 4], [7, 1]]])
    expect(champions.map(read)).toEqual([[[5, 1], [9, 3]], [[5, 4]]])
    expect(champions.map((l) => l.df)).toEqual([3, 2])
  })

  it('answer -1 for a passage a list lacks', () => {
    const [list] = parsePostings(encodePostings(new Map([[1, new Map([[10, 1], [20, 1]])]]))).full
    expect(list && [findDoc(list, 0), findDoc(list, 15), findDoc(list, 21)]).toEqual([-1, -1, -1])
  })

  it('cap frequencies at MAX_FREQ and refuse positions past MAX_PASSAGES', () => {
    const [list] = parsePostings(encodePostings(new Map([[0, new Map([[3, MAX_FREQ + 40]])]]))).full
    expect(list && freqAt(list, 0)).toBe(MAX_FREQ)
    expect(() => encodePostings(new Map([[0, new Map([[MAX_PASSAGES, 1]])]]))).toThrow(/past the/)
  })
})
