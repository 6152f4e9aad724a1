import { loadKbFile, loadSets, defaultSetPaths } from './knowledge/eval-files'
import { understand } from './engine/understand'
import { retrieve } from './engine/retrieve'
import { answer } from './engine/answer'
import { judge, matchesAlternative } from './knowledge/quality'
const kb = await loadKbFile('generated/kb.json')
const sets = await loadSets(process.argv.slice(2).length ? process.argv.slice(2) : await defaultSetPaths())
const counts: Record<string, number> = {}
for (const set of sets) for (const item of set.items) {
  if (item.kind !== 'fact') continue
  const history = (item.history ?? []).map(h => ({question: h.question}))
  const a = await answer(kb, item.question, history)
  if (judge(item, { status: 200, ...a }).right) continue
  const groups = item.expect.all ?? []
  // passages holding every group
  const holds = (text: string) => groups.every(g => g.some(alt => matchesAlternative(text, alt)))
  const answering = kb.artifact.passages.map((p, i) => [i, p] as const).filter(([, p]) => holds(p.text))
  const q = understand(item.question, history, kb.language)
  const r = await retrieve(kb, q, 30)
  const rank = r.hits.findIndex(h => answering.some(([i]) => i === h.passage)) + 1
  const cls = answering.length === 0 ? 'NOT-IN-KB' : rank === 0 ? 'NOT-RETRIEVED' : rank === 1 ? (a.answered ? 'TOP1-WRONG-SENTENCE' : 'TOP1-DECLINED') : rank <= 8 ? (a.answered ? 'RANK2-8' : 'RANK2-8-DECLINED') : 'RANK9-30'
  counts[cls] = (counts[cls] ?? 0) + 1
  console.log(`${cls}\t${set.name}:${item.id}\t${item.question}\t${answering.slice(0,2).map(([,p])=>p.id).join(',')}\trank ${rank}`)
}
console.log(counts)
