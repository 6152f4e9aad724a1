/**
 * `npm run bench`: build, size, cold start and per-query times for the real
 * KB and synthetic KBs of 1k, 10k and 100k passages, next to plain MiniSearch
 * with default options on the same passages; then requests/s against
 * `wrangler dev` for the real KB, and the widget's size. Prints one table and
 * writes it to bench/results.md.
 *
 * Per-query times come from the code the Worker runs (answer() and the search
 * route's searchKb()), timed in Node. A KB too big for the script is served
 * as the Worker would serve it, sharded, from an in-memory shard store (so
 * R2's network latency is not in these figures).
 *
 * Options: --sizes 1000,10000,100000  --passes 3  --no-e2e  --seed 42
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { availableParallelism, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { brotliCompressSync, gzipSync } from 'node:zlib'
import MiniSearch from 'minisearch'
import { compileKb, type KbFile } from '../knowledge/compile'
import { readKbDir } from '../knowledge/read'
import { packArtifact } from '../knowledge/pack'
import { CHAMPIONS, answer, cleanQuestion, createKb, declinedAsWorded, kbFromArtifact, retrieve, understand, warmUp, type Artifact, type Kb, type ShardStore } from '../engine'
import { LIMITS } from '../worker/contract'
import { searchKb } from '../worker/routes/search'
import { endToEnd, type EndToEnd } from './e2e'
import { QUERY_MIX } from './queries'
import { syntheticKb } from './synthetic'

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000,100000' },
    passes: { type: 'string', default: '3' },
    seed: { type: 'string', default: '42' },
    'no-e2e': { type: 'boolean', default: false },
  },
})
const PASSES = Number(values.passes)
/** Rounds of the query mix per pass: ours always 10 (100 typo samples, so p99 is not one outlier); plain MiniSearch fewer for big KBs, whose queries take seconds. */
const ROUNDS = 10
const miniSearchRoundsFor = (passages: number) => (passages >= 50_000 ? 1 : passages >= 5_000 ? 3 : 10)
const COLD_RUNS = 5
const progress = (message: string) => console.error(`bench: ${message} (${(performance.now() / 1000).toFixed(0)} s)`)

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length === 0 ? NaN : (s[Math.floor((s.length - 1) / 2)] as number)
}
const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] as number
}
const ms = (t: number) => (t < 10 ? t.toFixed(2) : t.toFixed(0))
const size = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${(bytes / 1024).toFixed(0)} KB`)
const gz = (text: string | Buffer) => gzipSync(text).length

const real = await readKbDir('knowledge')
const realFiles = real.files
const queries = Object.entries(QUERY_MIX).flatMap(([kind, qs]) => qs.map((q) => ({ kind, q })))

interface Latency {
  p50: number
  p95: number
  p99: number
}
/** Median over passes of each percentile. */
function latency(passes: number[][]): Latency {
  return {
    p50: median(passes.map((p) => percentile(p, 50))),
    p95: median(passes.map((p) => percentile(p, 95))),
    p99: median(passes.map((p) => percentile(p, 99))),
  }
}
const pct = (x: number) => `${Math.round(x * 100)}%`
const fmt = (l: Latency | undefined) => (l ? `${ms(l.p50)} / ${ms(l.p95)} / ${ms(l.p99)}` : '—')

interface Row {
  kb: string
  engine: string
  passages: number
  terms: number
  build: number
  raw: number
  gzip: number
  parts?: { count: number; raw: number; gzip: number }
  cold: number
  first?: number
  ask?: Latency
  /** The mix's first pass through a fresh KB: no term cached. */
  askFirstPass?: Latency
  typo?: Latency
  search: Latency
  agreement?: Agreement
}

interface Agreement {
  /** Share of the mix whose best passage is the same with champions as with every match. */
  top1: number
  /** Share of exhaustive retrieval's top 8 that champion retrieval also returns. */
  top8: number
  /** Champion retrieval's top-8 score total as a share of exhaustive retrieval's (scores are exact in both), worst question of the mix. */
  scoreKept: number
}

/** What champion lists change: retrieval as the Worker runs it against retrieval from every match. */
async function agreement(kb: Kb): Promise<Agreement> {
  let same = 0
  let shared = 0
  let total = 0
  let scoreKept = 1
  const sum = (hits: Array<{ score: number }>) => hits.reduce((a, h) => a + h.score, 0)
  for (const { q } of queries) {
    const query = understand(q, [], kb.language)
    const fast = (await retrieve(kb, query)).hits
    const all = (await retrieve(kb, query, 8, true)).hits
    if (fast[0]?.passage === all[0]?.passage) same++
    const kept = new Set(fast.map((h) => h.passage))
    shared += all.filter((h) => kept.has(h.passage)).length
    total += all.length
    if (all.length > 0) scoreKept = Math.min(scoreKept, sum(fast) / sum(all))
  }
  return { top1: same / queries.length, top8: total > 0 ? shared / total : 1, scoreKept }
}

/**
 * Times `run` over the query mix: one first pass (each query once, nothing
 * cached yet), then PASSES passes of `rounds` rounds.
 */
async function timeMix(rounds: number, run: (q: string) => Promise<unknown> | unknown) {
  const firstPass: number[] = []
  for (const { q } of queries) {
    const start = performance.now()
    await run(q)
    firstPass.push(performance.now() - start)
  }
  const all: number[][] = []
  const typo: number[][] = []
  for (let pass = 0; pass < PASSES; pass++) {
    const a: number[] = []
    const t: number[] = []
    for (let r = 0; r < rounds; r++) {
      for (const { kind, q } of queries) {
        const start = performance.now()
        await run(q)
        const took = performance.now() - start
        a.push(took)
        if (kind === 'typo') t.push(took)
      }
    }
    all.push(a)
    typo.push(t)
  }
  return { all: latency(all), typo: latency(typo), firstPass: latency([firstPass]) }
}

function memoryStore(parts: Map<string, string>): ShardStore {
  return { get: async (name) => parts.get(name) ?? null }
}

interface FreshProcess {
  load: number
  warm: number
  first: number
  second: number
}

/**
 * The first two questions in processes of their own (bench/first-ask.ts), median over COLD_RUNS: here
 * no engine code has run before, as in a cold isolate, whereas "first ask" in the table comes after the
 * build has run much of the same code in this process.
 */
function freshProcess(bundle: string): FreshProcess {
  const dir = mkdtempSync(join(tmpdir(), 'bench-first-'))
  const path = join(dir, 'kb.json')
  writeFileSync(path, bundle)
  const [first, second] = [QUERY_MIX.exact[0] as string, QUERY_MIX.typo[0] as string]
  const runs: FreshProcess[] = []
  try {
    for (let i = 0; i < COLD_RUNS; i++) {
      runs.push(JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', 'bench/first-ask.ts', path, first, second], { encoding: 'utf8' })) as FreshProcess)
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  return { load: median(runs.map((r) => r.load)), warm: median(runs.map((r) => r.warm)), first: median(runs.map((r) => r.first)), second: median(runs.map((r) => r.second)) }
}
let fresh: FreshProcess | undefined

/** Runs of each heaviest request, each with text of its own so no cache holds it. */
const LONGEST_RUNS = 15

/**
 * The heaviest requests the API takes: a question of LIMITS.questionChars characters after LIMITS.historyTurns earlier turns
 * as long, all statements (joined to the question as what the visitor told) or all questions (the last answered again, as for
 * a follow-up). Their words are the knowledge base's own sentences, so they are about its subject. Median ms of each:
 * a Worker on the free plan has 10 ms of CPU per request.
 */
async function longestRequests(kb: Kb): Promise<{ statements: number; questions: number }> {
  const words = kb.artifact.passages.flatMap((p) => p.sentences).join(' ').replace(/[?.!;:]/g, '').toLowerCase().split(/\s+/)
  let at = 0
  const text = (n: number) => {
    let out = ''
    while (out.length < n - 20) out += `${words[at++ % words.length]} `
    return out.trim()
  }
  const timed = async (asked: (i: number) => { question: string; history: { question: string }[] }) => {
    const times: number[] = []
    for (let i = 0; i < LONGEST_RUNS; i++) {
      const { question, history } = asked(i)
      const t = performance.now()
      await answer(kb, question, history)
      times.push(performance.now() - t)
    }
    return median(times)
  }
  const question = () => `${text(LIMITS.questionChars - 40)}, which year was that?`
  const turns = (mark: string) => Array.from({ length: LIMITS.historyTurns }, () => ({ question: `${text(LIMITS.questionChars - 1)}${mark}` }))
  return { statements: await timed(() => ({ question: question(), history: turns('.') })), questions: await timed(() => ({ question: question(), history: turns('?') })) }
}
let longest: { statements: number; questions: number } | undefined

async function benchOurs(name: string, files: KbFile[]): Promise<{ row: Row; artifact: Artifact }> {
  const start = performance.now()
  const compiled = compileKb({ ...real, files })
  if (!compiled.ok) throw new Error(compiled.problems.slice(0, 5).join('\n'))
  const packed = packArtifact(compiled.artifact)
  const build = (performance.now() - start) / 1000
  const { artifact } = compiled
  const parts = packed.parts

  // As the Worker starts: a whole KB is warmed up before any question (worker/kb/bundled.ts), a sharded one is not.
  const load = async (): Promise<Kb> => {
    const value: unknown = JSON.parse(packed.bundle)
    const loaded = kbFromArtifact(value, () => memoryStore(parts ?? new Map()), 'bundled')
    if (!parts) await warmUp(loaded)
    return loaded
  }
  const colds: number[] = []
  let kb = await load()
  for (let i = 0; i < COLD_RUNS; i++) {
    const t = performance.now()
    kb = await load()
    colds.push(performance.now() - t)
  }
  const t = performance.now()
  await answer(kb, QUERY_MIX.exact[0] as string)
  const first = performance.now() - t
  if (name === 'real') fresh = freshProcess(packed.bundle)

  progress(`${name}: built and loaded`)
  const askTimes = await timeMix(ROUNDS, (q) => answer(kb, q))
  const searchTimes = await timeMix(ROUNDS, (q) => searchKb(kb, q, 5))
  const agreed = await agreement(kb)
  if (name === 'real') longest = await longestRequests(kb)
  progress(`${name}: timed`)
  const partsSize = parts && {
    count: parts.size,
    raw: [...parts.values()].reduce((a, p) => a + p.length, 0),
    gzip: [...parts.values()].reduce((a, p) => a + gz(p), 0),
  }
  return {
    artifact,
    row: {
      kb: name,
      engine: parts ? 'ours, sharded' : 'ours, bundled',
      passages: artifact.passages.length,
      terms: artifact.index.terms.length,
      build,
      raw: packed.bundle.length,
      gzip: gz(packed.bundle),
      ...(partsSize ? { parts: partsSize } : {}),
      cold: median(colds),
      first,
      ask: askTimes.all,
      askFirstPass: askTimes.firstPass,
      typo: askTimes.typo,
      search: searchTimes.all,
      agreement: agreed,
    },
  }
}

/** Plain MiniSearch, default options, typo-tolerant search as its docs suggest (prefix, fuzzy 0.2). */
function benchMiniSearch(name: string, artifact: Artifact): Promise<Row> {
  const titles = new Map(artifact.sources.map((s) => [s.id, s.title]))
  const docs = artifact.passages.map((p, id) => ({
    id,
    title: titles.get(p.sourceId) ?? '',
    heading: p.heading,
    text: p.text,
    questions: p.questions.join('\n'),
  }))
  const options = { fields: ['title', 'heading', 'text', 'questions'] }
  const start = performance.now()
  const built = new MiniSearch(options)
  built.addAll(docs)
  const json = JSON.stringify(built)
  const build = (performance.now() - start) / 1000
  const colds: number[] = []
  let index = built
  for (let i = 0; i < COLD_RUNS; i++) {
    const t = performance.now()
    index = MiniSearch.loadJSON(json, options)
    colds.push(performance.now() - t)
  }
  progress(`${name}: MiniSearch built and loaded`)
  return timeMix(miniSearchRoundsFor(docs.length), (q) => index.search(q, { prefix: true, fuzzy: 0.2 })).then(({ all, typo }) => ({
    kb: name,
    engine: 'MiniSearch defaults',
    passages: docs.length,
    terms: index.termCount,
    build,
    raw: json.length,
    gzip: gz(json),
    cold: median(colds),
    typo,
    search: all,
  }))
}

function widgetSize(): string {
  const path = 'public/widget.js'
  if (!existsSync(path)) return 'not built (public/widget.js absent)'
  const bytes = readFileSync(path)
  return `${size(bytes.length)} raw, ${(gzipSync(bytes, { level: 9 }).length / 1024).toFixed(1)} KB gzip, ${(brotliCompressSync(bytes).length / 1024).toFixed(1)} KB brotli (target ≤ 12 KB gzip)`
}

const rows: Row[] = []
const seed = Number(values.seed)
const sets: Array<[string, KbFile[]]> = [['real', realFiles]]
const realBuilt = compileKb(real)
const realPassages = realBuilt.ok ? realBuilt.artifact.passages.length : 0
const realLanguage = realBuilt.ok ? createKb(realBuilt.artifact, 'bundled').language : undefined
const answerable = (question: string) => realLanguage === undefined || declinedAsWorded(cleanQuestion(question), realLanguage) === undefined
for (const n of values.sizes.split(',').filter(Boolean).map(Number)) {
  sets.push([`synthetic ${n / 1000}k`, [...realFiles, ...syntheticKb(realFiles, n - realPassages, seed, answerable)]])
}
const loadBefore = loadavg()[0] as number
for (const [name, files] of sets) {
  progress(name)
  const { row, artifact } = await benchOurs(name, files)
  rows.push(row)
  rows.push(await benchMiniSearch(name, artifact))
}
const e2e: EndToEnd | undefined = values['no-e2e'] ? undefined : await endToEnd()
const loadAfter = loadavg()[0] as number

const header = '| KB | engine | passages | terms | build s | script artifact raw / gzip | R2 parts | cold start ms | first ask ms | /api/ask p50 / p95 / p99 ms | typo ask p99 ms | first-pass ask p50 / p99 ms | /api/search p50 / p95 / p99 ms | champions: top-1 / top-8 as exhaustive, score kept |'
const lines = [header, `|${'---|'.repeat(header.split('|').length - 2)}`]
for (const r of rows) {
  lines.push(
    `| ${r.kb} | ${r.engine} | ${r.passages} | ${r.terms} | ${r.build.toFixed(1)} | ${size(r.raw)} / ${size(r.gzip)} | ${r.parts ? `${r.parts.count} parts, ${size(r.parts.raw)} / ${size(r.parts.gzip)}` : '—'} | ${ms(r.cold)} | ${r.first === undefined ? '—' : ms(r.first)} | ${fmt(r.ask)} | ${r.typo ? ms(r.typo.p99) : '—'} | ${r.askFirstPass ? `${ms(r.askFirstPass.p50)} / ${ms(r.askFirstPass.p99)}` : '—'} | ${fmt(r.search)} | ${r.agreement ? `${pct(r.agreement.top1)} / ${pct(r.agreement.top8)}, ${(r.agreement.scoreKept * 100).toFixed(1)}%` : '—'} |`,
  )
}
/**
 * The machine's own jitter: a fixed workload that allocates about what an
 * answer does (some 150 KB of small objects), timed as the mix is. On a VM
 * whose host pages idle memory out, touching memory again stalls for
 * milliseconds; a p99 here far above the p50 is the machine's, not the engine's.
 */
function machineFloor(samples = queries.length * ROUNDS * PASSES): { p50: number; p99: number } {
  const work = () => {
    const items: Array<{ term: string; score: number }> = []
    for (let i = 0; i < 4000; i++) items.push({ term: `t${i % 97}`, score: Math.sqrt(i) })
    return items.sort((a, b) => a.score - b.score).length
  }
  for (let i = 0; i < 200; i++) work()
  const times: number[] = []
  for (let i = 0; i < samples; i++) {
    const start = performance.now()
    work()
    times.push(performance.now() - start)
  }
  return { p50: percentile(times, 50), p99: percentile(times, 99) }
}
const floor = machineFloor()

const e2eLine = e2e
  ? `End to end, real KB, \`wrangler dev\` on 127.0.0.1 (rate limits off; /api/ask past the answer cache), autocannon ${e2e.connections} connections × ${e2e.seconds} s, ${e2e.runs} runs (medians): **/api/ask ${e2e.askRps.toFixed(0)} req/s, latency p50 ${e2e.askP50} ms / p99 ${e2e.askP99} ms**; /api/search ${e2e.searchRps.toFixed(0)} req/s, p50 ${e2e.searchP50} ms / p99 ${e2e.searchP99} ms; /api/health (no KB work, the server's own ceiling here) ${e2e.healthRps.toFixed(0)} req/s; non-2xx responses: ${e2e.errors}.`
  : 'End to end: not run (--no-e2e).'
const report = [
  '# Bench results',
  '',
  `Run ${new Date().toISOString().slice(0, 16)}Z, Node ${process.version}, ${availableParallelism()} cores shared with other work (load average ${loadBefore.toFixed(1)} at start, ${loadAfter.toFixed(1)} at end), seed ${seed}.`,
  `Per-query figures: the query mix (${queries.length} queries: exact words, typos, abbreviations, out-of-scope) × 10 rounds per pass after a first pass (MiniSearch: 3 rounds at 10k, 1 at 100k), ${PASSES} passes, median of each percentile over the passes; cold start is the median of ${COLD_RUNS} loads (parse the script artifact + index ready, and for a whole KB the warm-up the Worker's start-up runs, \`warmUp\`). Sharded KBs are served from an in-memory shard store (no R2 latency); "first ask" is the first question after a cold start, fetching its shards; "first-pass ask" is each query of the mix asked once on a fresh KB, before retrieval's per-isolate term cache holds its terms (the other columns are a warm isolate). The MiniSearch rows index the same passages with default options and search with \`{prefix: true, fuzzy: 0.2}\` (its "search" column is \`search()\` alone). Retrieval gathers candidates from each common term's best ${CHAMPIONS} passages (champion lists) and scores them in full; the last column compares it with gathering from every match, over the mix: how often the best passage is the same, how much of the top 8 is shared, and (worst question) the share of the exhaustive top 8's total score that the champions' top 8 reaches.`,
  '',
  ...lines,
  '',
  fresh
    ? `First questions in a fresh process (real KB; \`bench/first-ask.ts\`, median of ${COLD_RUNS} processes; no engine code has run before, as in a cold isolate): start-up ${ms(fresh.load + fresh.warm)} ms (load ${ms(fresh.load)}, then the Worker's warm-up, \`warmUp\`, ${ms(fresh.warm)}), first answer ${ms(fresh.first)} ms, second answer (a typo) ${ms(fresh.second)} ms. The table's "first ask" comes after the build has run much of the same code in the bench's process.`
    : '',
  '',
  longest
    ? `Heaviest requests the API takes (real KB, median of ${LONGEST_RUNS}, each with text of its own): a ${LIMITS.questionChars}-character question after ${LIMITS.historyTurns} earlier turns as long, all statements ${ms(longest.statements)} ms, all questions ${ms(longest.questions)} ms (a Worker on the free plan has 10 ms of CPU per request).`
    : '',
  '',
  e2eLine,
  '',
  `Machine floor: a fixed workload allocating about what an answer does, timed ${queries.length * ROUNDS * PASSES} times: p50 ${ms(floor.p50)} ms, p99 ${ms(floor.p99)} ms (${(floor.p99 / floor.p50).toFixed(1)}× the p50). Warm p99s above are bounded below by this machine's stalls.`,
  '',
  `Widget: ${widgetSize()}.`,
  '',
]
writeFileSync('bench/results.md', report.join('\n'))
console.log(report.join('\n'))
