/**
 * The Worker's term index against MiniSearch itself, on the real knowledge
 * base: every term, exact, prefix and fuzzy, must match the same passages
 * with the same scores (to rounding: fields are summed in another order).
 */
import MiniSearch from 'minisearch'
import { describe, expect, it } from 'vitest'
import { compileKb } from '../../knowledge/compile'
import { readKbDir } from '../../knowledge/read'
import { BM25, FIELD_BOOST, INDEX_OPTIONS, type IndexedPassage } from '../../engine/index/options'
import { inlinePostings, TermIndex } from '../../engine/index/term-index'

const result = compileKb(await readKbDir('knowledge'))
if (!result.ok) throw new Error(result.problems.join('\n'))
const { artifact } = result
const titles = new Map(artifact.sources.map((s) => [s.id, s.title]))
const built = new MiniSearch<IndexedPassage>(INDEX_OPTIONS)
built.addAll(
  artifact.passages.map((p, id) => ({
    id,
    title: titles.get(p.sourceId) ?? '',
    heading: p.heading,
    text: p.text,
    questions: p.questions.join('\n'),
  })),
)
// The Worker used to load the index from its serialised form, so that is the behaviour to keep.
const reference = MiniSearch.loadJSON<IndexedPassage>(JSON.stringify(built), INDEX_OPTIONS)
const index = new TermIndex(artifact.index, inlinePostings(artifact.index.postings))
const fields = ['title', 'heading', 'text', 'questions']
const weights = { prefix: 0.6, fuzzy: 0.45 }

async function same(term: string, prefix: boolean, fuzzy: number) {
  const expected = reference
    .search(term, { fields, boost: FIELD_BOOST, bm25: BM25, weights, prefix, fuzzy: fuzzy || false, maxFuzzy: fuzzy, tokenize: (s) => [s], processTerm: (s) => s })
    .map((r) => ({ id: r.id as number, score: r.score, terms: [...r.terms].sort() }))
    .sort((a, b) => a.id - b.id)
  const label = `${term} prefix=${prefix} fuzzy=${fuzzy}`
  const lookup = await index.lookup(term, { prefix, fuzzy, weights })
  const matches = lookup.gather(true)
  const actual = [...matches.docs].map((id, i) => ({ id, score: matches.scores[i] as number, terms: lookup.termsAt(id).sort() }))
  expect(lookup.size, label).toBe(actual.length)
  expect(lookup.scoresAt(matches.docs), label).toEqual(matches)
  expect(actual.map(({ id, terms }) => ({ id, terms })), label).toEqual(expected.map(({ id, terms }) => ({ id, terms })))
  actual.forEach((a, i) => expect(Math.abs(a.score - (expected[i]?.score ?? NaN)), label).toBeLessThan(1e-12 * a.score))
  return actual.length
}

describe('the term index', () => {
  // A fixed sample of the dictionary, every kind of term in it, keeps the comparison quick on a large knowledge base.
  const terms = artifact.index.terms.filter((_, i) => i % 4 === 0)

  it('scores every exact and prefix lookup as MiniSearch does', async () => {
    let matched = 0
    for (const term of terms) {
      matched += await same(term, false, 0)
      matched += await same(term.slice(0, Math.max(3, term.length - 2)), true, 0)
    }
    expect(matched).toBeGreaterThan(terms.length)
  })

  it('scores fuzzy lookups of misspelt terms as MiniSearch does', async () => {
    let matched = 0
    for (const term of terms.filter((t, i) => t.length >= 4 && i % 2 === 0)) {
      const typo = `${term.slice(0, 1)}${term.slice(2)}`
      matched += await same(typo, false, 1)
      matched += await same(`${term.slice(0, -1)}x`, false, 2)
    }
    expect(matched).toBeGreaterThan(100)
  })

  it('finds nothing for a term the knowledge base lacks', async () => {
    expect(await same('zzqxj', true, 1)).toBe(0)
  })

  it('says whether it holds a term itself, not a longer term that starts with it', () => {
    const term = artifact.index.terms.find((t, i) => t.length >= 4 && artifact.index.terms[i + 1]?.startsWith(t)) as string
    expect(index.has(term)).toBe(true)
    expect(index.has(term.slice(0, -1))).toBe(artifact.index.terms.includes(term.slice(0, -1)))
    expect(index.has('zzzqqq')).toBe(false)
  })

  it('weighs the term itself by the multiplier given for it, as a correction stands for another word', async () => {
    const term = artifact.index.terms.find((t) => t.length >= 6) as string
    const whole = (await index.lookup(term, { prefix: false, fuzzy: 0, weights })).gather(true)
    const half = (await index.lookup(term, { prefix: false, fuzzy: 0, weights, exact: 0.5 })).gather(true)
    expect([...half.docs]).toEqual([...whole.docs])
    half.scores.forEach((score, i) => expect(score).toBeCloseTo((whole.scores[i] as number) / 2, 9))
  })
})
