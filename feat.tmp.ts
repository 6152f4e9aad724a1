import { loadKbFile, loadSets, defaultSetPaths } from './knowledge/eval-files'
import { understand } from './engine/understand'
import { retrieve } from './engine/retrieve'
import { plan } from './engine/compose'
import { answer } from './engine/answer'
import { judge } from './knowledge/quality'
const kb = await loadKbFile('generated/kb.json')
const sets = await loadSets(await defaultSetPaths())
const out: string[] = []
for (const set of sets) for (const item of set.items) {
  if (item.kind === 'adversarial') continue
  const history = (item.history ?? []).map(h => ({question: h.question}))
  const q = understand(item.question, history, kb.language)
  if (q.decline) continue
  const r = await retrieve(kb, q)
  const p = plan(r, q, { lexicon: kb.language.lexicon, isEnglishWord: kb.isEnglishWord, current: kb.current })
  const a = await answer(kb, item.question, history)
  const right = judge(item, { status: 200, ...a }).right
  const sim = Math.max(0, ...r.hits.map(h => h.listed?.similarity ?? 0))
  const first = p.chosen[0]
  const own = r.slots.filter(s => s.weight === 1).length
  out.push([item.kind, right ? 1 : 0, sim.toFixed(3), (r.hits[0]?.coverage ?? 0).toFixed(3), (first?.ownCoverage ?? 0).toFixed(3), (first?.kind ?? 0).toFixed(2), r.unknown, own, q.kind, q.polar ? 1 : 0, item.question.replace(/\t/g, ' ')].join('\t'))
}
console.log(out.join('\n'))
