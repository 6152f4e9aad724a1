import { describe, expect, it } from 'vitest'
import { compileKb } from '../../knowledge/compile'
import { readKbDir } from '../../knowledge/read'
import { firstSentence } from '../../engine'
import { compare, evaluateItem, formatComparison, formatSets, summarize, type ItemResult } from '../../knowledge/metrics'
import { parseQuestionSet, type EvalItem } from '../../knowledge/quality'
import { createKb } from '../../engine/kb'

function result(key: string, right: boolean, rank: number | null, kind: ItemResult['kind'] = 'fact'): ItemResult {
  return { key, kind, question: `question ${key}`, right, rank }
}

async function realKb() {
  const compiled = compileKb(await readKbDir('knowledge'))
  if (!compiled.ok) throw new Error(compiled.problems.join('\n'))
  return createKb(compiled.artifact, 'bundled')
}

describe('parseQuestionSet', () => {
  const line = (item: object) => JSON.stringify({ id: 'q1', kind: 'fact', question: 'How much?', source: null, ...item })

  it('reads facts with groups of alternatives and declines with answered false', () => {
    const items = parseQuestionSet([line({ expect: { all: [['£3.7bn', '3.7 billion'], ['21']] } }), '', line({ id: 'q2', kind: 'out_of_scope', expect: { answered: false } })].join('\n'), 'set.jsonl')
    expect(items.map((i) => i.id)).toEqual(['q1', 'q2'])
  })

  it('names the file and line of an expectation written as one flat list of alternatives, not a list of groups', () => {
    const text = [line({ expect: { all: [['21']] } }), line({ id: 'q2', expect: { all: ['£924m', '924 million'] } })].join('\n')
    expect(() => parseQuestionSet(text, 'set.jsonl')).toThrow(/^set\.jsonl:2: q2: "expect\.all" must be a non-empty list of groups/)
  })

  it('names the file and line of an unknown kind and of an expectation that neither lists groups nor declines', () => {
    expect(() => parseQuestionSet(line({ kind: 'trivia', expect: { answered: false } }), 'set.jsonl')).toThrow(/^set\.jsonl:1: q1: "kind" must be one of fact, out_of_scope, adversarial/)
    expect(() => parseQuestionSet(line({ expect: { answered: true } }), 'set.jsonl')).toThrow(/^set\.jsonl:1: q1: "expect\.answered" may only be false/)
    expect(() => parseQuestionSet(line({ expect: {} }), 'set.jsonl')).toThrow(/^set\.jsonl:1: q1: "expect" needs "all"/)
    // No groups would make every answer right; groups beside "answered": false would be ignored.
    expect(() => parseQuestionSet(line({ expect: { all: [] } }), 'set.jsonl')).toThrow(/^set\.jsonl:1: q1: "expect\.all" must be a non-empty list/)
    expect(() => parseQuestionSet(line({ expect: { all: [['21']], answered: false } }), 'set.jsonl')).toThrow(/^set\.jsonl:1: q1: "expect" has both/)
  })
})

describe('summarize', () => {
  it('counts right answers per kind and measures Recall@1, Recall@3 and MRR over items with a source', () => {
    const s = summarize([
      result('a', true, 1),
      result('b', true, 2),
      result('c', false, 0),
      result('d', true, null, 'out_of_scope'),
      result('e', false, 3),
      result('f', true, 1),
      result('g', false, 4, 'adversarial'),
    ])
    expect(s.kinds).toEqual({ fact: { right: 3, total: 5 }, out_of_scope: { right: 1, total: 1 }, adversarial: { right: 0, total: 1 } })
    expect(s.withSource).toBe(6)
    expect(s.recallAt1).toBeCloseTo(2 / 6)
    expect(s.recallAt3).toBeCloseTo(4 / 6)
    expect(s.mrr).toBeCloseTo((1 + 1 / 2 + 0 + 1 / 3 + 1 + 1 / 4) / 6)
  })

  it('breaks the counts down per question set', () => {
    const lines = formatSets([result('a.jsonl:1', true, 1), result('a.jsonl:2', false, 0), result('b.jsonl:1', true, null, 'adversarial')])
    expect(lines).toEqual(['  a.jsonl: fact 1/2', '  b.jsonl: adversarial 1/1'])
  })

  it('gives zeros rather than NaN when no item names a source', () => {
    expect(summarize([result('a', true, null)])).toMatchObject({ withSource: 0, recallAt1: 0, recallAt3: 0, mrr: 0 })
  })
})

describe('compare', () => {
  const published = [result('a', true, 1), result('b', false, 2), result('c', true, 1), result('gone', true, 1)]

  it('lists what got better and worse and calls a newly wrong answer a regression', () => {
    const c = compare(published, [result('a', false, 1), result('b', true, 1), result('c', true, 1), result('new', false, 0)])
    expect(c.worse.map((r) => r.key)).toEqual(['a'])
    expect(c.better.map((r) => r.key)).toEqual(['b'])
    expect(c.regressed).toBe(true)
    expect(c.before.withSource).toBe(3)
    expect(formatComparison(c, 'published version x').join('\n')).toMatch(/worse \(now wrong\): 1\n {4}a question a[\s\S]*WORSE/)
  })

  it('calls a lower-ranked source a regression even when every answer stays right', () => {
    const c = compare(published, [result('a', true, 2), result('b', false, 2), result('c', true, 1)])
    expect(c.worse).toEqual([])
    expect(c.rankedLower.map((r) => r.key)).toEqual(['a'])
    expect(c.after.mrr).toBeLessThan(c.before.mrr)
    expect(c.regressed).toBe(true)
  })

  it('is not a regression when nothing shared got worse, whatever was added', () => {
    const c = compare(published, [result('a', true, 1), result('b', false, 1), result('c', true, 1), result('new', false, 0)])
    expect(c.regressed).toBe(false)
    expect(c.rankedHigher.map((r) => r.key)).toEqual(['b'])
  })
})

describe('evaluateItem', async () => {
  const kb = await realKb()
  const stacey = kb.artifact.sources.find((s) => s.id === 'stacey-annual-report-irredeemably-flawed')
  const item = (over: Partial<EvalItem>): EvalItem => ({ id: 'x1', kind: 'fact', question: '', expect: {}, source: null, ...over })

  it('judges the answer and ranks the source the fact comes from, mapped through the entry seed', async () => {
    const r = await evaluateItem(kb, 'set.jsonl', item({ question: 'What did Glenys Stacey say about internet access?', expect: { all: [['internet access']] }, source: stacey?.seed ?? '' }))
    expect(r).toMatchObject({ key: 'set.jsonl:x1', right: true })
    expect(r.rank).toBe(1)
  })

  it('ranks 0 when no retrieved passage comes from the source, and null when the item names none', async () => {
    expect((await evaluateItem(kb, 's', item({ question: 'Who is the chief inspector of probation?', source: 'no-such-seed.txt' }))).rank).toBe(0)
    const declined = await evaluateItem(kb, 's', item({ kind: 'out_of_scope', question: 'who won the world cup', expect: { answered: false } }))
    expect(declined).toMatchObject({ right: true, rank: null })
  })

  it('says whether a right fact answer holds the fact in its first sentence', async () => {
    const r = await evaluateItem(kb, 's', item({ question: 'What did Glenys Stacey say about internet access?', expect: { all: [['internet access']] } }))
    expect(r.leads).toBe(true)
    expect(firstSentence('As of 2021, it was so, said A. B. [1][2] Then more. [3]')).toBe('As of 2021, it was so, said A. B. [1][2]')
    expect(firstSentence("I don't know.")).toBe("I don't know.")
    const s = summarize([{ ...result('a', true, null), leads: true }, { ...result('b', true, null), leads: false }, result('c', false, null)])
    expect(s.leads).toEqual({ right: 1, total: 2 })
  })

  it('treats input the API would reject as a 400, as the HTTP eval does', async () => {
    const r = await evaluateItem(kb, 's', item({ kind: 'adversarial', question: 'x'.repeat(600), expect: { answered: false } }))
    expect(r.right).toBe(true)
    const fact = await evaluateItem(kb, 's', item({ question: '   ', expect: { all: [['x']] } }))
    expect(fact).toMatchObject({ right: false, why: 'status 400' })
  })
})
