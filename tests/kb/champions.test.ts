/**
 * Champion lists: candidates come from each common term's best matches only,
 * and the hits returned are scored in full, so their scores stay exact.
 */
import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compileKb } from '../../knowledge/compile'
import { readKbDir } from '../../knowledge/read'
import { understand } from '../../engine/understand'
import { retrieve } from '../../engine/retrieve'
import { champions } from '../../engine/index/champions'
import { createKb } from '../../engine/kb'
import type { Scored } from '../../engine/index/term-index'

/** A posting list: distinct positions in ascending order, scores with deliberate ties. */
const list = fc
  .uniqueArray(fc.record({ doc: fc.nat(5_000), score: fc.integer({ min: 1, max: 20 }) }), { selector: (e) => e.doc, maxLength: 300 })
  .map((entries): Scored => {
    entries.sort((a, b) => a.doc - b.doc)
    return { docs: Int32Array.from(entries, (e) => e.doc), scores: Float64Array.from(entries, (e) => e.score / 4) }
  })

const entries = (l: Scored) => [...l.docs].map((doc, i) => ({ doc, score: l.scores[i] as number }))

describe('champions', () => {
  it('keeps the k best-scoring entries, in position order, ties going to earlier passages', () => {
    fc.assert(
      fc.property(list, fc.integer({ min: 1, max: 320 }), (l, k) => {
        const expected = entries(l)
          .sort((a, b) => b.score - a.score || a.doc - b.doc)
          .slice(0, k)
          .sort((a, b) => a.doc - b.doc)
        expect(entries(champions(l, k))).toEqual(expected)
      }),
      { seed: 7, numRuns: 500 },
    )
  })
})

describe('retrieval with champion lists', async () => {
  // Eight champions per term: most terms of the KB match more, so nearly every question goes through them.
  const compiled = compileKb({ ...(await readKbDir('knowledge')), championCount: 8 })
  if (!compiled.ok) throw new Error(compiled.problems.join('\n'))
  const kb = createKb(compiled.artifact, 'bundled')
  const questions = ['../shared/eval/questions.jsonl', 'knowledge/eval/heldout.jsonl']
    .flatMap((path) => readFileSync(path, 'utf8').split('\n'))
    .filter((line) => line.trim())
    .map((line) => (JSON.parse(line) as { question: string }).question)
  const everyPassage = kb.artifact.passages.length

  it('returns hits whose scores and coverage are exactly those of exhaustive retrieval', async () => {
    let compared = 0
    for (const question of questions) {
      const query = understand(question, [], kb.language)
      const exhaustive = new Map((await retrieve(kb, query, everyPassage, true)).hits.map((h) => [h.passage, h]))
      for (const hit of (await retrieve(kb, query)).hits) {
        const exact = exhaustive.get(hit.passage)
        expect({ passage: hit.passage, score: hit.score, coverage: hit.coverage }, question).toEqual({ passage: exact?.passage, score: exact?.score, coverage: exact?.coverage })
        compared++
      }
    }
    expect(compared).toBeGreaterThan(questions.length * 4)
  })

  it('finds the same best passage as exhaustive retrieval for nearly every question', async () => {
    let same = 0
    for (const question of questions) {
      const query = understand(question, [], kb.language)
      const [best] = (await retrieve(kb, query, 8, true)).hits
      const [championBest] = (await retrieve(kb, query)).hits
      if (best?.passage === championBest?.passage) same++
    }
    expect(same / questions.length).toBeGreaterThan(0.9)
  })
})
