/** Turns API values into what the widget shows. Everything stays text; nothing becomes HTML. */
import type { Citation } from '../worker/contract'
import { httpUrl } from './url'

export type Segment = { text: string } | { text: string; citation: Citation }

/** Splits an answer at its `[n]` markers; a marker without a matching citation stays plain text. */
export function segments(answer: string, citations: Citation[]): Segment[] {
  const out: Segment[] = []
  let last = 0
  for (const m of answer.matchAll(/\[(\d+)\]/g)) {
    const citation = citations.find((c) => c.n === Number(m[1]))
    if (!citation) continue
    if (m.index > last) out.push({ text: answer.slice(last, m.index) })
    out.push({ text: m[0], citation })
    last = m.index + m[0].length
  }
  if (last < answer.length) out.push({ text: answer.slice(last) })
  return out
}

/** "2016-12-15" → "15 December 2016", "2017-09" → "September 2017", "2017" → "2017". */
export function formatDate(published: string): string {
  const [year, month, day] = published.split('-')
  const m = Number(month)
  if (!(m >= 1 && m <= 12)) return published
  const name = new Date(2000, m - 1).toLocaleString('en-GB', { month: 'long' })
  return day ? `${Number(day)} ${name} ${year}` : `${name} ${year}`
}

/** The URL if it is http(s); anything else (javascript:, data:, garbage) is not linked. */
export function safeUrl(url: string | undefined): string | undefined {
  return httpUrl(url)?.href
}
