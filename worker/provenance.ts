/**
 * How a source is described to readers: "Parliament · Justice Committee · 22 June 2018".
 * The kind says how much weight a source carries, so it comes first. Imports
 * only contract types, so the widget can use it as well as the Worker's pages.
 */
import type { SourceKind } from './contract'

export const KIND_LABELS: Record<SourceKind, string> = {
  parliament: 'Parliament',
  audit: 'Audit office',
  inspectorate: 'Inspectorate',
  government: 'Government',
  legislation: 'Legislation',
  news: 'News',
  union: 'Trade union',
  charity: 'Charity',
  blog: 'Blog',
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

/** YYYY, YYYY-MM or YYYY-MM-DD written out as a British reader writes it ("22 June 2018", "June 2018", "2018"); anything else as given. */
export function writtenDate(date: string): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date)
  if (!m) return date
  const [, year, month, day] = m
  const name = month ? MONTHS[Number(month) - 1] : undefined
  if (month && !name) return date
  if (!name) return year as string
  return day ? `${Number(day)} ${name} ${year}` : `${name} ${year}`
}

/** Kind, publisher and publication date, the parts joined by a middle dot. */
export function provenance(source: { kind: SourceKind; publisher: string; published: string }): string {
  return [KIND_LABELS[source.kind] ?? source.kind, source.publisher, writtenDate(source.published)].filter(Boolean).join(' · ')
}

/** Only web addresses become links: a curated source never has another scheme, and a page must not link to one. */
export function isWebUrl(url: string | undefined): url is string {
  return typeof url === 'string' && /^https?:\/\/[^\s]+$/i.test(url)
}
