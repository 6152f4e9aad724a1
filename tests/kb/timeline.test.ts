/** The timeline (engine/timeline.ts): events from dated passages, computed by the build into the artifact. */
import { describe, expect, it } from 'vitest'
import { ARTIFACT_FORMAT, type PassageRecord, type SourceRecord } from '../../engine/artifact'
import { kbFromArtifact, splitArtifact } from '../../engine/index/shards'
import { timeline } from '../../engine/timeline'
import { jaccard, terms } from '../../engine/text'
import { compileKb } from '../../knowledge/compile'
import { readKbDir } from '../../knowledge/read'

const source = (id: string, extra: Partial<SourceRecord> = {}): SourceRecord => ({
  id,
  title: `Title of ${id}`,
  publisher: `Publisher of ${id}`,
  kind: 'news',
  published: '2019-01-01',
  url: `https://${id}.example/`,
  summary: 'A source.',
  ...extra,
})

let n = 0
const passage = (sourceId: string, heading: string, date?: string, extra: Partial<PassageRecord> = {}): PassageRecord => ({
  id: `${sourceId}#${++n}`,
  sourceId,
  heading,
  text: 'Text.',
  sentences: ['Text.'],
  sentenceTerms: ['text'],
  questions: [],
  listed: [],
  ...(date ? { date } : {}),
  ...extra,
})

describe('timeline', () => {
  it('makes one event per dated passage, headed by its heading, in date order, and leaves undated passages out', () => {
    const events = timeline(
      [source('a'), source('b')],
      [
        passage('a', 'Contracts ended early', '2018-07-27'),
        passage('a', 'Background on probation', undefined),
        passage('b', 'Probation service split', '2014-06-01'),
        passage('b', 'Act passed', '2014'),
        passage('a', 'Contracts awarded', '2014-12'),
      ],
    )
    expect(events.map((e) => [e.date, e.text])).toEqual([
      ['2014', 'Act passed'],
      ['2014-06-01', 'Probation service split'],
      ['2014-12', 'Contracts awarded'],
      ['2018-07-27', 'Contracts ended early'],
    ])
    expect(events[0]?.citations).toEqual([
      { n: 1, sourceId: 'b', title: 'Title of b', publisher: 'Publisher of b', published: '2019-01-01', url: 'https://b.example/', kind: 'news' },
    ])
  })

  it('merges passages on the same date whose headings share at least half their terms, citing every source', () => {
    const a = 'Probation split into the NPS and 21 CRCs'
    const b = 'Probation split into the NPS and the CRCs'
    const c = 'Napo warns of risks to the public'
    expect(jaccard(new Set(terms(a)), new Set(terms(b)))).toBeGreaterThanOrEqual(0.5)
    expect(jaccard(new Set(terms(a)), new Set(terms(c)))).toBeLessThan(0.5)
    const events = timeline(
      [source('a'), source('b', { kind: 'parliament' }), source('c')],
      [passage('a', a, '2014-06-01'), passage('b', c, '2014-06-01'), passage('b', b, '2014-06-01'), passage('c', b, '2014-06')],
    )
    expect(events.map((e) => [e.date, e.text, e.citations.map((x) => `${x.n}:${x.sourceId}`)])).toEqual([
      ['2014-06', b, ['1:c']],
      ['2014-06-01', a, ['1:a', '2:b']],
      ['2014-06-01', c, ['1:b']],
    ])
  })

  it('cites a source once per page, and a passage\'s own page when it has one', () => {
    const events = timeline(
      [source('a'), source('b', { url: undefined })],
      [
        passage('a', 'Contracts ended early', '2018-07-27'),
        passage('a', 'Contracts ended early', '2018-07-27'),
        passage('a', 'Contracts are ended early', '2018-07-27', { url: 'https://a.example/chapter-2' }),
        passage('b', 'Contracts ended early', '2018-07-27'),
      ],
    )
    expect(events).toHaveLength(1)
    expect(events[0]?.citations.map((c) => [c.n, c.sourceId, c.url])).toEqual([
      [1, 'a', 'https://a.example/'],
      [2, 'a', 'https://a.example/chapter-2'],
      [3, 'b', undefined],
    ])
    expect(events[0]?.citations[2]).not.toHaveProperty('url')
  })

  it('is empty for a knowledge base without dated passages', () => {
    expect(timeline([source('a')], [passage('a', 'Background')])).toEqual([])
  })
})

describe('the timeline in the artifact', () => {
  async function compileFixture() {
    const result = compileKb(await readKbDir('tests/fixtures/kb-dated', { lexicon: 'knowledge/lexicon.json' }))
    if (!result.ok) throw new Error(result.problems.join('\n'))
    return result.artifact
  }

  it('is computed by the build from the Date lines of the entries', async () => {
    const artifact = await compileFixture()
    expect(artifact.format).toBe(ARTIFACT_FORMAT)
    expect(artifact.timeline).toEqual(timeline(artifact.sources, artifact.passages))
    expect(artifact.timeline.map((e) => [e.date, e.text, e.citations.map((c) => c.url)])).toEqual([
      ['2014', 'Offender Rehabilitation Act passed', ['https://news.example/split']],
      ['2014-06-01', 'Probation split into the NPS and 21 CRCs', ['https://committee.example/report', 'https://news.example/split']],
      ['2014-06-01', 'Napo warns of risks to the public on the same day', ['https://news.example/split']],
      ['2014-12', 'Contracts for the CRCs awarded to eight owners', ['https://committee.example/report']],
      ['2018-06-22', 'Committee says the reforms were a mess', ['https://committee.example/report/conclusions']],
    ])
  })

  it('makes a Worker refuse an artifact of the format before it, which has no timeline', async () => {
    const { timeline: _events, ...older } = await compileFixture()
    expect(() => kbFromArtifact({ ...older, format: ARTIFACT_FORMAT - 1 }, () => ({ get: async () => null }), 'bundled')).toThrow(/Rebuild it with npm run kb:build/)
    expect(() => kbFromArtifact(older, () => ({ get: async () => null }), 'bundled')).toThrow(/lacks "timeline"/)
  })

  it('travels in the manifest of a sharded build, so a sharded knowledge base serves it without fetching parts', async () => {
    const artifact = await compileFixture()
    const { manifest } = splitArtifact(artifact, { shardBytes: 256, passageBlock: 2 })
    expect(manifest.timeline).toEqual(artifact.timeline)
    const kb = kbFromArtifact(JSON.parse(JSON.stringify(manifest)), () => ({ get: () => Promise.reject(new Error('no parts needed')) }), 'bundled')
    expect(kb.artifact.timeline).toEqual(artifact.timeline)
  })
})
