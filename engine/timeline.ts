/**
 * The timeline of events the sources report: one event per dated passage,
 * headed by the passage's heading (written as the event, knowledge/README.md),
 * in date order. Sources often report the same event: passages with the same
 * date whose headings share most of their terms are one event, citing each
 * source. Computed by the build into the artifact, so serving it is free.
 */
import type { PassageRecord, SourceKind, SourceRecord } from './artifact'
import { jaccard, terms } from './text'

/** A source an event cites (worker/contract.ts serves it as is). */
export interface TimelineCitation {
  n: number
  sourceId: string
  title: string
  publisher: string
  published: string
  url?: string
  kind: SourceKind
}

export interface TimelineEvent {
  /** YYYY, YYYY-MM or YYYY-MM-DD: as precise as the source. */
  date: string
  /** The heading of the passage reporting it. */
  text: string
  citations: TimelineCitation[]
}

/** Headings on the same date whose term sets overlap this much (Jaccard) report one event. */
export const SAME_EVENT = 0.5

interface Building {
  event: TimelineEvent
  terms: Set<string>
  heading: string
  cited: Set<string>
}

/**
 * Events in date order (YYYY, YYYY-MM and YYYY-MM-DD compare as strings, so
 * an event known only by its year comes before the dated ones of that year);
 * events on one date in the order of their first passage in the artifact.
 * A passage joins the first event on its date whose heading matches its own.
 */
export function timeline(sources: readonly SourceRecord[], passages: readonly PassageRecord[]): TimelineEvent[] {
  const byId = new Map(sources.map((s) => [s.id, s]))
  const dated = passages.filter((p) => p.date !== undefined && byId.has(p.sourceId))
  const order = [...dated.keys()].sort((a, b) => compare(dated[a]?.date as string, dated[b]?.date as string) || a - b)

  const events: Building[] = []
  let sameDate: Building[] = []
  for (const i of order) {
    const passage = dated[i] as PassageRecord
    const source = byId.get(passage.sourceId) as SourceRecord
    const date = passage.date as string
    if (sameDate[0]?.event.date !== date) sameDate = []
    const headingTerms = new Set(terms(passage.heading))
    let event = sameDate.find((e) => e.heading === passage.heading.trim() || jaccard(e.terms, headingTerms) >= SAME_EVENT)
    if (!event) {
      event = { event: { date, text: passage.heading.trim(), citations: [] }, terms: headingTerms, heading: passage.heading.trim(), cited: new Set() }
      sameDate.push(event)
      events.push(event)
    }
    cite(event, source, passage)
  }
  return events.map((e) => e.event)
}

/** One citation per source page: passages of one source on one page cite it once. */
function cite(building: Building, source: SourceRecord, passage: PassageRecord): void {
  const url = passage.url ?? source.url
  const key = `${source.id} ${url ?? ''}`
  if (building.cited.has(key)) return
  building.cited.add(key)
  const citation: TimelineCitation = {
    n: building.event.citations.length + 1,
    sourceId: source.id,
    title: source.title,
    publisher: source.publisher,
    published: source.published,
    ...(url ? { url } : {}),
    kind: source.kind,
  }
  building.event.citations.push(citation)
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
