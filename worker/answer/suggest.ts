/**
 * Suggested questions for a declined question: ones the knowledge base can
 * answer, taken from the maintainers' own question lists. Near the topic
 * asked about when there is one, otherwise one from each of several sources.
 */
import type { Kb } from '../kb/load'
import type { Retrieval } from './retrieve'

const COUNT = 3

export function suggest(kb: Kb, retrieval?: Retrieval): string[] {
  const picked: string[] = []
  const add = (q: string | undefined) => {
    if (q && picked.length < COUNT && !picked.includes(q)) picked.push(q)
  }
  for (const hit of retrieval?.hits ?? []) add(kb.artifact.passages[hit.passage]?.questions[0])
  const bySource = new Map<string, string>()
  for (const { passage, question } of kb.questions) {
    const sourceId = kb.artifact.passages[passage]?.sourceId
    if (sourceId && !bySource.has(sourceId)) bySource.set(sourceId, question)
  }
  for (const q of bySource.values()) add(q)
  for (const { question } of kb.questions) add(question)
  return picked
}
