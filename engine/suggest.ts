/**
 * Suggested questions for a declined question: ones the knowledge base can
 * answer, taken from the maintainers' own question lists. Near the topic
 * asked about when there is one, otherwise one from each of several sources.
 */
import type { Kb } from './kb'
import type { Retrieval } from './retrieve'

const COUNT = 3

/** The fallback list depends only on the knowledge base, so it is worked out once per KB. */
const fallbacks = new WeakMap<Kb, string[]>()

function fallbackFor(kb: Kb): string[] {
  let list = fallbacks.get(kb)
  if (list) return list
  const bySource = new Map<string, string>()
  for (const { passage, question } of kb.questions) {
    const sourceId = kb.artifact.passages[passage]?.sourceId
    if (sourceId && !bySource.has(sourceId)) bySource.set(sourceId, question)
    if (bySource.size >= COUNT) break
  }
  list = [...bySource.values(), ...kb.questions.slice(0, COUNT).map((q) => q.question)]
  fallbacks.set(kb, list)
  return list
}

export function suggest(kb: Kb, retrieval?: Retrieval): string[] {
  const picked: string[] = []
  const add = (q: string | undefined) => {
    if (q && picked.length < COUNT && !picked.includes(q)) picked.push(q)
  }
  for (const hit of retrieval?.hits ?? []) add(kb.artifact.passages[hit.passage]?.questions[0])
  for (const q of fallbackFor(kb)) add(q)
  return picked
}
