/**
 * Entity tags for search results and the timeline, computed from the request
 * and the versions rather than the response, so a revalidation that matches
 * skips the work (and the bytes) altogether.
 */
import { sha256Hex, type CacheVersions } from './key'

/** A strong ETag for the results of (query, limit) from one knowledge-base and Worker version. */
export async function searchEtag(versions: CacheVersions, q: string, limit: number): Promise<string> {
  return `"${(await sha256Hex(JSON.stringify([versions.kb, versions.worker, q, limit]))).slice(0, 32)}"`
}

/** A strong ETag for the timeline as `representation` (JSON or the page): it changes only with the knowledge base or the Worker. */
export async function timelineEtag(versions: CacheVersions, representation: 'json' | 'html'): Promise<string> {
  return `"${(await sha256Hex(JSON.stringify(['timeline', representation, versions.kb, versions.worker]))).slice(0, 32)}"`
}

/** Whether an If-None-Match header value names this ETag (weak comparison, as RFC 9110 asks for GET). */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false
  return ifNoneMatch.split(',').some((tag) => {
    const t = tag.trim()
    return t === '*' || t.replace(/^W\//, '') === etag
  })
}
