/**
 * "What happened in 2018?": the year told by the months its sources report most, from the
 * timeline the build made (engine/timeline.ts); "give me a timeline" (`question.periodOverview`),
 * the whole period so. Each month is given by the first sentence of the passage reporting its
 * best-sourced event, quoted and cited as any answer's sentence is.
 */
import type { Citation } from './compose'
import type { Kb } from './kb'
import type { Query } from './understand'

/** Months told of a year: enough to show its shape, few enough to read at a glance. */
const MONTHS_TOLD = 3
/** Months told of the whole period, each the most reported of its year: its turning points. */
const PERIOD_MONTHS_TOLD = 8

export interface Overview {
  answer: string
  citations: Citation[]
}

/**
 * The overview a question asks for, if it asks what happened in a year, or for the whole story, and the timeline holds
 * at least two months of it.
 */
export function overview(kb: Kb, query: Query): Overview | undefined {
  // A follow-up asks about what was talked about, not about the whole of a year or of the story.
  if (query.followUp) return undefined
  const { lexicon } = kb.language
  const year = lexicon.question.yearOverview.exec(query.text)?.[1]
  if (year) return monthsTold(kb, kb.artifact.timeline.filter((e) => e.date.startsWith(year)), MONTHS_TOLD, false, (count) => lexicon.message('overview', { year, count }))
  if (lexicon.question.periodOverview.test(query.text)) return monthsTold(kb, kb.artifact.timeline, PERIOD_MONTHS_TOLD, true, (count) => lexicon.message('periodOverview', { count }))
  return undefined
}

/**
 * The `told` months of `events` their sources report most (`yearly`: of each year's most reported month, so that a story
 * spreads over its years), in date order, each by its best-reported event, after `intro`.
 */
function monthsTold(kb: Kb, events: Kb['artifact']['timeline'], told: number, yearly: boolean, intro: (count: number) => string): Overview | undefined {
  // A month is weighed by how many events it holds and how many sources report them; an event dated by its year alone has no month.
  const months = new Map<string, typeof events>()
  for (const e of events) {
    if (e.date.length <= 4) continue
    const month = months.get(e.date.slice(0, 7))
    if (month) month.push(e)
    else months.set(e.date.slice(0, 7), [e])
  }
  const weight = (month: typeof events) => month.length + month.reduce((n, e) => n + e.citations.length, 0)
  const heaviest = [...months.entries()].sort((a, b) => weight(b[1]) - weight(a[1]) || (a[0] < b[0] ? -1 : 1))
  const years = new Set<string>()
  const firstOfYear = ([month]: [string, unknown]) => {
    if (years.has(month.slice(0, 4))) return false
    years.add(month.slice(0, 4))
    return true
  }
  const chosen = (yearly ? heaviest.filter(firstOfYear) : heaviest).slice(0, told)
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
  const citations: Citation[] = []
  const sentences: string[] = []
  for (const [, month] of chosen) {
    // Its event: the one most sources report, on the day most events fell.
    const onDay = new Map<string, number>()
    for (const e of month) onDay.set(e.date, (onDay.get(e.date) ?? 0) + 1)
    const standing = (e: (typeof events)[number]) => e.citations.length + (onDay.get(e.date) ?? 0)
    const event = month.reduce((best, e) => (standing(e) > standing(best) ? e : best))
    const date = event.date
    const sourceId = event.citations[0]?.sourceId
    // A sharded KB holds only the passages loaded so far: a month whose passage is not among them is left out.
    const passage = kb.artifact.passages.find((p) => p?.date === date && p.sourceId === sourceId && p.heading.trim() === event.text)
    const source = sourceId === undefined ? undefined : kb.sources.get(sourceId)
    const sentence = passage?.sentences[0]
    if (!passage || !source || !sentence) continue
    const url = passage.url ?? source.url
    citations.push({ n: citations.length + 1, sourceId: source.id, passageId: passage.id, title: source.title, publisher: source.publisher, published: source.published, kind: source.kind, ...(url && { url }), date, quote: sentence })
    sentences.push(`${sentence} [${citations.length}]`)
  }
  if (sentences.length < 2) return undefined
  return { answer: `${intro(events.length)} ${sentences.join(' ')}`, citations }
}
