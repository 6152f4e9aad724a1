/** Turns API values into what the widget shows. Everything stays text; nothing becomes HTML. */
import type { Citation } from '../worker/contract'
import { httpUrl } from './url'

/** Splits an answer at its `[n]` markers into text and the citations they refer to; a marker without a matching citation stays text. */
export function segments(answer: string, citations: Citation[]): (string | Citation)[] {
  // The capturing group keeps each marker, at the odd indices.
  return answer.split(/(\[\d+\])/).map((text, i) => (i % 2 && citations.find((c) => `[${c.n}]` === text)) || text)
}

/**
 * "2016-12-15" → "15 December 2016", "2017-09" → "September 2017", "2017" → "2017".
 * @param months the twelve month names, space-separated (the catalogue's `months`)
 */
export function formatDate(date: string, months: string): string {
  const [year, month, day] = date.split('-')
  const name = months.split(' ')[Number(month) - 1]
  if (!name) return date
  return day ? `${Number(day)} ${name} ${year}` : `${name} ${year}`
}

/** The URL if it is http(s); anything else (javascript:, data:, garbage) is not linked. */
export function safeUrl(url: string | undefined): string | undefined {
  return httpUrl(url)?.href
}
