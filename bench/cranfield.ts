/**
 * `npm run bench:cranfield`: the retrieval engine on the Cranfield collection
 * (1,400 aeronautics abstracts, 225 queries, graded judgements), text nobody
 * here wrote. Runs the Worker's own retrieval (engine/retrieve.ts over
 * an index built with engine/index/options.ts) next to MiniSearch with
 * default options, and prints nDCG@10 and Recall@100 in a table; the
 * collection's README lists figures for other engines.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import MiniSearch from 'minisearch'
import { ARTIFACT_FORMAT, INDEX_OPTIONS, MESSAGE_KEYS, buildBloom, createKb, indexFromMiniSearch, retrieve, slotsFor, type Artifact, type IndexedPassage, type LexiconData } from '../engine'

const dir = process.argv[2] ?? '../shared/data/cranfield'

/** Another subject's lexicon: Cranfield's queries are plain statements of need, so no cue applies. */
const NEVER = '(?!)'
const CRANFIELD_LEXICON: LexiconData = {
  service: 'Cranfield',
  subject: 'aeronautics',
  sourceKinds: { report: 'Report' },
  authority: [['report']],
  messages: Object.fromEntries(MESSAGE_KEYS.map((k) => [k, k])) as LexiconData['messages'],
  months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  shorthand: {},
  question: { smallTalk: NEVER, thanks: NEVER, filler: NEVER, personal: NEVER, someoneElse: NEVER, adviceAsked: NEVER, publisherAsked: NEVER, whichRight: NEVER, publicationAsked: NEVER, publicationWords: NEVER, writerAsked: NEVER, taskAsked: NEVER, privateDetails: NEVER, now: NEVER, future: NEVER, futureTense: NEVER, notTopic: NEVER, countOf: NEVER, vagueCount: NEVER, people: NEVER, organisations: NEVER, partOf: NEVER, ownCase: NEVER, recipient: NEVER, vagueRole: NEVER, listAsked: NEVER, successorOf: NEVER, predecessorOf: NEVER, polar: NEVER, attribute: NEVER, thingAsked: NEVER, generalThing: NEVER, grading: NEVER, leadingClause: NEVER, sceneYear: NEVER, lasting: NEVER, roleNow: NEVER, earliest: NEVER, latest: NEVER, sortAsked: NEVER, eventAsked: NEVER, startAsked: NEVER, holderAt: NEVER, story: NEVER, deadline: NEVER, afterLast: NEVER, laterThan: NEVER, beforeOrAfter: NEVER, rate: NEVER, yearOverview: NEVER, periodOverview: NEVER },
  kinds: [],
  sentence: { reason: NEVER, rating: NEVER, examples: NEVER, deadline: NEVER, reporting: NEVER, succession: NEVER, events: [], personTitles: [] },
}

/** Splits a SMART-format file into records of `.X` fields. */
function records(text: string): Array<Record<string, string>> {
  return text
    .split(/^\.I /m)
    .slice(1)
    .map((chunk) => {
      const record: Record<string, string> = {}
      let field = 'I'
      for (const line of chunk.split('\n')) {
        const tag = /^\.([TAWB])\s*$/.exec(line)
        if (tag?.[1]) field = tag[1]
        else if (field === 'I' && !record.I) record.I = line.trim()
        else record[field] = `${record[field] ?? ''} ${line}`
      }
      return record
    })
}

const docs = records(readFileSync(join(dir, 'cran.all.1400'), 'utf8'))
const queries = records(readFileSync(join(dir, 'cran.qry'), 'utf8')).map((r) => (r.W ?? '').trim())

/** Judgements by query position (1-based, see the collection README); code 1 is most relevant. */
const judged = new Map<number, Map<number, number>>()
for (const line of readFileSync(join(dir, 'cranqrel'), 'utf8').trim().split('\n')) {
  const [q, d, code] = line.trim().split(/\s+/).map(Number) as [number, number, number]
  if (code < 1 || code > 4) continue
  if (!judged.has(q)) judged.set(q, new Map())
  judged.get(q)?.set(d, 5 - code)
}

function ndcgAt10(ranked: number[], gains: Map<number, number>): number {
  const dcg = ranked.slice(0, 10).reduce((sum, d, i) => sum + (gains.get(d) ?? 0) / Math.log2(i + 2), 0)
  const ideal = [...gains.values()].sort((a, b) => b - a).slice(0, 10).reduce((sum, g, i) => sum + g / Math.log2(i + 2), 0)
  return ideal > 0 ? dcg / ideal : 0
}

function recallAt100(ranked: number[], gains: Map<number, number>): number {
  const top = new Set(ranked.slice(0, 100))
  return gains.size > 0 ? [...gains.keys()].filter((d) => top.has(d)).length / gains.size : 0
}

async function evaluate(name: string, search: (query: string) => number[] | Promise<number[]>): Promise<{ name: string; ndcg: number; recall: number; ms: number }> {
  let ndcg = 0
  let recall = 0
  let counted = 0
  const start = performance.now()
  for (const [i, query] of queries.entries()) {
    const gains = judged.get(i + 1)
    if (!gains?.size) continue
    const ranked = await search(query)
    ndcg += ndcgAt10(ranked, gains)
    recall += recallAt100(ranked, gains)
    counted += 1
  }
  return { name, ndcg: ndcg / counted, recall: recall / counted, ms: (performance.now() - start) / queries.length }
}

const ours = new MiniSearch<IndexedPassage>(INDEX_OPTIONS)
ours.addAll(docs.map((d, i) => ({ id: i, title: d.T ?? '', heading: '', text: d.W ?? '', questions: '' })))
const artifact: Artifact = {
  format: ARTIFACT_FORMAT,
  version: 'cranfield',
  sources: [{ id: 'cranfield', title: 'Cranfield', publisher: 'Cranfield', kind: 'report', published: '1960', summary: 'test collection' }],
  passages: docs.map((d, i) => ({ id: `cranfield#${i + 1}`, sourceId: 'cranfield', heading: '', text: d.W ?? '', sentences: [], sentenceTerms: [], questions: [], listed: [] })),
  vocabulary: [],
  lexicon: CRANFIELD_LEXICON,
  conflicts: {},
  current: [],
  period: { from: 1960, to: 1960, yearsMentioned: [] },
  dictionary: { ...buildBloom([]), names: [] },
  index: indexFromMiniSearch(ours),
  timeline: [],
}
const kb = createKb(artifact, 'bundled')
const docNumber = (position: number) => Number(docs[position]?.I)

const plain = new MiniSearch<{ id: number; title: string; text: string }>({ fields: ['title', 'text'] })
plain.addAll(docs.map((d) => ({ id: Number(d.I), title: d.T ?? '', text: d.W ?? '' })))

const rows = [
  await evaluate('MiniSearch defaults (baseline)', (q) => plain.search(q).map((r) => r.id as number)),
  await evaluate('Probation Answers retrieval', async (q) => (await retrieve(kb, { slots: slotsFor(q, kb.language) }, 100)).hits.map((h) => docNumber(h.passage))),
]

const table = [
  '| engine | nDCG@10 | Recall@100 | ms/query |',
  '|---|---|---|---|',
  ...rows.map((r) => `| ${r.name} | ${r.ndcg.toFixed(3)} | ${r.recall.toFixed(3)} | ${r.ms.toFixed(2)} |`),
].join('\n')
console.log(table)
writeFileSync('bench/cranfield-results.md', `# Cranfield retrieval (npm run bench:cranfield)\n\n225 queries, graded gains (5 - relevance code).\n\n${table}\n`)
