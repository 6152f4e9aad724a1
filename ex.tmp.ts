import { loadKbFile, loadSets, defaultSetPaths } from './knowledge/eval-files'
import { understand } from './engine/understand'
import { retrieve } from './engine/retrieve'
import { plan } from './engine/compose'
import { matchesAlternative } from './knowledge/quality'
const kb = await loadKbFile('generated/kb.json')
const sets = await loadSets(await defaultSetPaths())
let n = 0
for (const set of sets) for (const item of set.items) {
  if (item.kind !== 'fact') continue
  const history = (item.history ?? []).map(h => ({question: h.question}))
  const q = understand(item.question, history, kb.language)
  if (q.decline) continue
  const r = await retrieve(kb, q, 16)
  const p = plan(r, q, { lexicon: kb.language.lexicon, isEnglishWord: kb.isEnglishWord, current: kb.current })
  const groups = item.expect.all ?? []
  const holds = (s: string) => groups.every(g => g.some(alt => matchesAlternative(s, alt)))
  const w = p.candidates[0]
  if (!w || holds(w.sentence)) continue
  const g = p.candidates.find(c => holds(c.sentence))
  if (!g) continue
  if (n++ > 40) break
  console.log(`Q: ${item.question}   [${q.kind}]\n  WIN (${w.score.toFixed(2)}): ${w.sentence.slice(0, 200)}\n  GOOD(${g.score.toFixed(2)}, rank ${r.hits.indexOf(g.hit!) + 1}): ${g.sentence.slice(0, 200)}`)
}
