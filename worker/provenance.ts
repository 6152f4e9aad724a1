/**
 * How a source is described to readers: "Parliament · Justice Committee · 22 June 2018".
 * The kind says how much weight a source carries, so it comes first; its
 * label and the written-out date come from the knowledge base's lexicon.
 */
import type { Lexicon } from '../engine'
import type { SourceKind } from './contract'

/** Kind, publisher and publication date, the parts joined by a middle dot. */
export function provenance(source: { kind: SourceKind; publisher: string; published: string }, lexicon: Lexicon): string {
  return [lexicon.sourceKinds.get(source.kind) ?? source.kind, source.publisher, lexicon.formatDate(source.published)].filter(Boolean).join(' · ')
}

/** Only web addresses become links: a curated source never has another scheme, and a page must not link to one. */
export function isWebUrl(url: string | undefined): url is string {
  return typeof url === 'string' && /^https?:\/\/[^\s]+$/i.test(url)
}
