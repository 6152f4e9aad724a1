/**
 * Suggested questions for a declined question: questions the maintainers
 * listed for passages near what was asked, closest first, so the visitor
 * sees what the knowledge base can answer about their topic; without a
 * topic, one from each of several sources.
 */
import type { Kb } from './kb'
import type { Retrieval } from './retrieve'
import { words } from './text'

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

export function suggest(kb: Kb, retrieval?: Retrieval, asked?: string): string[] {
  const picked: string[] = []
  // Two passages may list one question in other letter case or punctuation ("What does X stand for?", "what does x stand for"): it is suggested once.
  const seen = new Set(asked === undefined ? [] : [questionKey(asked)])
  const add = (q: string | undefined) => {
    if (!q || picked.length >= COUNT) return
    const key = questionKey(q)
    if (seen.has(key)) return
    seen.add(key)
    picked.push(q)
  }
  // Passages that share some of the question's concepts, their closest listed question first.
  const near = (retrieval?.hits ?? []).filter((h) => h.coverage > 0).sort((a, b) => (b.listed?.similarity ?? 0) - (a.listed?.similarity ?? 0) || b.score - a.score)
  for (const hit of near) add(hit.listed?.question ?? hit.record.questions[0])
  for (const q of fallbackFor(kb)) add(q)
  return picked
}

/** A question's words alone, in lower case: one key for the same question however it is cased or punctuated. */
function questionKey(q: string): string {
  return words(q).join(' ')
}
