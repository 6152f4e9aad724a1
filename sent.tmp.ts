import { loadKbFile, loadSets, defaultSetPaths } from './knowledge/eval-files'
import { understand } from './engine/understand'
import { retrieve } from './engine/retrieve'
import { plan } from './engine/compose'
import { matchesAlternative } from './knowledge/quality'
const kb = await loadKbFile('generated/kb.json')
const sets = await loadSets(await defaultSetPaths())
const out: string[] = []
let qi = 0
for (const set of sets) for (const item of set.items) {
  if (item.kind !== 'fact') continue
  qi++
  const history = (item.history ?? []).map(h => ({question: h.question}))
  const q = understand(item.question, history, kb.language)
  if (q.decline) { out.push([qi, 'DECLINED'].join('\t')); continue }
  const r = await retrieve(kb, q, 16)
  const p = plan(r, q, { lexicon: kb.language.lexicon, isEnglishWord: kb.isEnglishWord, current: kb.current })
  const groups = item.expect.all ?? []
  const top = r.hits[0]
  const wsum = r.slotWeights.reduce((a, b) => a + b, 0) || 1
  for (const c of p.candidates) {
    const holds = groups.every(g => g.some(alt => matchesAlternative(c.sentence, alt)))
    const some = groups.filter(g => g.some(alt => matchesAlternative(c.sentence, alt))).length
    // full-weight coverage
    let full = 0
    r.slots.forEach((slot, i) => { if (slot.alternatives.some(alt => alt.every(t => (c.hit?.terms.get(t) ?? [t]).some(d => c.terms.has(d))))) full += r.slotWeights[i] ?? 0 })
    const hitRank = r.hits.indexOf(c.hit!)
    out.push([qi, set.name + ':' + item.id, q.kind, q.polar ? 1 : 0, hitRank, (c.hit!.score / (top?.score || 1)).toFixed(3), (c.hit!.coverage).toFixed(3), (c.hit!.listed?.similarity ?? 0).toFixed(3), c.coverage.toFixed(3), c.ownCoverage.toFixed(3), (full / wsum).toFixed(3), c.kind.toFixed(2), c.position, c.sentence.split(' ').length, c.terms.size, holds ? 1 : 0, some, groups.length, c.score.toFixed(3), c.record.date ?? c.source.published].join('\t'))
  }
}
console.log(out.join('\n'))
