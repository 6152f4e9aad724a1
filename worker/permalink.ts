/**
 * Permalinks: the address of the no-JavaScript page (/ask) that shows an
 * answer again. Everything the answer depends on is in it: the question, the
 * earlier questions of the conversation (the engine reads only their
 * questions) and the knowledge-base version, so the page can say when the
 * sources have changed since. It is built from the request, never cached
 * with the answer, and never stored.
 */

export interface PermalinkParts {
  question: string
  /** Earlier questions of the conversation, oldest first. */
  history: string[]
  kbVersion: string
}

export function permalink(origin: string, { question, history, kbVersion }: PermalinkParts): string {
  const params = new URLSearchParams({ q: question })
  for (const earlier of history) params.append('h', earlier)
  params.set('v', kbVersion)
  return `${origin}/ask?${params}`
}
