/**
 * The quality check behind `npm run kb:eval` and `npm run kb:publish`: runs
 * question sets through the same answer code the Worker uses, judges each
 * reply with knowledge/quality.ts, and measures how well retrieval ranks the
 * source each fact comes from. Pure: no file or network access.
 */
import { ApiError } from '../worker/errors'
import { answer, cleanQuestion, firstSentence, retrieve, understand, type Kb } from '../engine'
import { parseAsk } from '../worker/validate'
import { judge, type EvalItem, type EvalKind, type Reply } from './quality'

export interface QuestionSet {
  /** File name, e.g. `questions.jsonl`; with the item id it keys an item across runs. */
  name: string
  items: EvalItem[]
}

export interface ItemResult {
  /** `<set>:<id>`. */
  key: string
  kind: EvalKind
  question: string
  right: boolean
  why?: string
  /** For a fact answered right: whether its first sentence alone holds the fact. */
  leads?: boolean
  /**
   * Position of the item's source among the sources of the retrieved passages
   * (1 = first); 0 when it is not among them; null when the item names no source.
   */
  rank: number | null
}

export interface Summary {
  kinds: Partial<Record<EvalKind, { right: number; total: number }>>
  /** Facts answered right, and how many of those hold the fact in their first sentence. */
  leads: { right: number; total: number }
  /** Items that name a source: the base of the three figures below. */
  withSource: number
  recallAt1: number
  recallAt3: number
  mrr: number
}

async function reply(kb: Kb, question: string, turns: EvalItem['history'] = []): Promise<Reply> {
  try {
    const { question: q, history } = parseAsk({ question, history: turns.map((t) => ({ question: t.question, answer: t.answer ?? '' })) })
    return { status: 200, ...(await answer(kb, q, history)) }
  } catch (err) {
    if (err instanceof ApiError) return { status: err.status }
    throw err
  }
}

/** Source ids in the order retrieval ranks their passages, as the answer code sees them. */
async function rankedSources(kb: Kb, question: string): Promise<string[]> {
  const text = cleanQuestion(question).text
  const order: string[] = []
  for (const hit of (await retrieve(kb, understand(text, [], kb.language))).hits) {
    const id = kb.artifact.passages[hit.passage]?.sourceId
    if (id && !order.includes(id)) order.push(id)
  }
  return order
}

export async function evaluateItem(kb: Kb, set: string, item: EvalItem): Promise<ItemResult> {
  const replied = await reply(kb, item.question, item.history)
  const verdict = judge(item, replied)
  const leads = item.kind === 'fact' && verdict.right ? judge(item, { ...replied, answer: firstSentence(replied.answer ?? '') }).right : undefined
  let rank: number | null = null
  if (item.source) {
    const wanted = new Set(kb.artifact.sources.filter((s) => s.seed === item.source).map((s) => s.id))
    rank = (await rankedSources(kb, item.question)).findIndex((id) => wanted.has(id)) + 1
  }
  return {
    key: `${set}:${item.id}`,
    kind: item.kind,
    question: item.question,
    right: verdict.right,
    ...(verdict.why ? { why: verdict.why } : {}),
    ...(leads !== undefined ? { leads } : {}),
    rank,
  }
}

export async function evaluate(kb: Kb, sets: QuestionSet[]): Promise<ItemResult[]> {
  const results: ItemResult[] = []
  for (const set of sets) for (const item of set.items) results.push(await evaluateItem(kb, set.name, item))
  return results
}

export function summarize(results: ItemResult[]): Summary {
  const kinds: Summary['kinds'] = {}
  for (const r of results) {
    const k = (kinds[r.kind] ??= { right: 0, total: 0 })
    k.total += 1
    if (r.right) k.right += 1
  }
  const ranks = results.map((r) => r.rank).filter((r): r is number => r !== null)
  const share = (n: number) => (ranks.length === 0 ? 0 : n / ranks.length)
  const led = results.filter((r) => r.leads !== undefined)
  return {
    kinds,
    leads: { right: led.filter((r) => r.leads).length, total: led.length },
    withSource: ranks.length,
    recallAt1: share(ranks.filter((r) => r === 1).length),
    recallAt3: share(ranks.filter((r) => r >= 1 && r <= 3).length),
    mrr: share(ranks.reduce((sum, r) => sum + (r > 0 ? 1 / r : 0), 0)),
  }
}

export interface Comparison {
  /** Items wrong before and right now. */
  better: ItemResult[]
  /** Items right before and wrong now. */
  worse: ItemResult[]
  /** Items whose source now ranks higher or lower (answers unchanged). */
  rankedHigher: ItemResult[]
  rankedLower: ItemResult[]
  /** Summaries over the items both runs share, so added or removed questions do not move the figures. */
  before: Summary
  after: Summary
  /** True when publishing this would make the service worse. */
  regressed: boolean
}

export function compare(previous: ItemResult[], current: ItemResult[]): Comparison {
  const old = new Map(previous.map((r) => [r.key, r]))
  const shared = current.filter((r) => old.has(r.key))
  const was = (r: ItemResult) => old.get(r.key) as ItemResult
  const rr = (rank: number | null) => (rank ? 1 / rank : 0)
  const before = summarize(shared.map(was))
  const after = summarize(shared)
  const worse = shared.filter((r) => was(r).right && !r.right)
  return {
    better: shared.filter((r) => !was(r).right && r.right),
    worse,
    rankedHigher: shared.filter((r) => r.right === was(r).right && rr(r.rank) > rr(was(r).rank)),
    rankedLower: shared.filter((r) => r.right === was(r).right && rr(r.rank) < rr(was(r).rank)),
    before,
    after,
    regressed: worse.length > 0 || after.mrr < before.mrr - 1e-9,
  }
}

const pct = (n: number, d: number) => `${d === 0 ? '0.0' : ((100 * n) / d).toFixed(1)}%`
const fixed = (n: number) => n.toFixed(3)

export function formatSummary(summary: Summary): string[] {
  const lines = Object.entries(summary.kinds).map(
    ([kind, { right, total }]) => `  ${kind.padEnd(13)} ${String(right).padStart(4)}/${total} right (${pct(right, total)})`,
  )
  lines.push(
    `  leading       ${String(summary.leads.right).padStart(4)}/${summary.leads.total} facts answered right hold the fact in their first sentence (${pct(summary.leads.right, summary.leads.total)})`,
    `  source        Recall@1 ${fixed(summary.recallAt1)}  Recall@3 ${fixed(summary.recallAt3)}  MRR ${fixed(summary.mrr)}  (${summary.withSource} questions with a source)`,
  )
  return lines
}

/** One line per question set, so a set with its own bar (as in the tests) can be read off directly. */
export function formatSets(results: ItemResult[]): string[] {
  const sets = [...new Set(results.map((r) => r.key.slice(0, r.key.lastIndexOf(':'))))]
  return sets.map((set) => {
    const { kinds } = summarize(results.filter((r) => r.key.startsWith(`${set}:`)))
    return `  ${set}: ${Object.entries(kinds).map(([kind, k]) => `${kind} ${k.right}/${k.total}`).join(', ')}`
  })
}

export function formatMisses(results: ItemResult[]): string[] {
  const lines: string[] = []
  for (const r of results) {
    if (!r.right) lines.push(`  ${r.key} [${r.kind}] ${r.question}`, `      ${r.why ?? ''}`.slice(0, 400))
    else if (r.rank === 0) lines.push(`  ${r.key} [${r.kind}] ${r.question}`, '      right, but retrieval did not rank its source')
  }
  return lines
}

export function formatComparison(c: Comparison, against: string): string[] {
  const delta = (a: number, b: number) => `${fixed(a)} -> ${fixed(b)}`
  const lines = [
    `compared with ${against} (${c.after.withSource} shared questions with a source):`,
    `  Recall@1 ${delta(c.before.recallAt1, c.after.recallAt1)}  Recall@3 ${delta(c.before.recallAt3, c.after.recallAt3)}  MRR ${delta(c.before.mrr, c.after.mrr)}`,
  ]
  const list = (title: string, items: ItemResult[]) => {
    lines.push(`  ${title}: ${items.length}`)
    for (const r of items) lines.push(`    ${r.key} ${r.question}`)
  }
  list('better (now right)', c.better)
  list('worse (now wrong)', c.worse)
  list('source ranked higher', c.rankedHigher)
  list('source ranked lower', c.rankedLower)
  lines.push(c.regressed ? '  verdict: WORSE than published' : '  verdict: no worse than published')
  return lines
}
