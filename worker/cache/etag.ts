/**
 * Entity tags for search results, computed from the request rather than the
 * response, so a revalidation that matches skips retrieval altogether.
 */

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('')
}

/** A strong ETag for the results of (query, limit) from one knowledge-base and Worker version. */
export async function searchEtag(versions: { kb: string; worker: string }, q: string, limit: number): Promise<string> {
  return `"${(await sha256Hex(JSON.stringify([versions.kb, versions.worker, q, limit]))).slice(0, 32)}"`
}

/** Whether an If-None-Match header value names this ETag (weak comparison, as RFC 9110 asks for GET). */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false
  return ifNoneMatch.split(',').some((tag) => {
    const t = tag.trim()
    return t === '*' || t.replace(/^W\//, '') === etag
  })
}
