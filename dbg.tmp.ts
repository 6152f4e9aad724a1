import { loadKbFile } from './knowledge/eval-files'
import { understand } from './engine/understand'
import { retrieve } from './engine/retrieve'
const kb = await loadKbFile('generated/kb.json')
const q = understand(process.argv[2]!, [], kb.language)
const r = await retrieve(kb, q, 30)
r.hits.forEach((h, i) => console.log(i + 1, h.record.id, h.score.toFixed(2), h.coverage.toFixed(2), h.record.sentences.length))
const p = kb.artifact.passages.findIndex(p => p.id === process.argv[3])
console.log(process.argv[3], p, kb.artifact.passages[p]?.text.slice(0, 300))
import { plan } from './engine/compose'
const pl = plan(r, q, { lexicon: kb.language.lexicon, isEnglishWord: kb.isEnglishWord, current: kb.current })
for (const c of pl.candidates.filter(c => c.record.id === process.argv[3] || c.passage === r.hits[0]?.passage)) console.log(c.score.toFixed(3), c.coverage.toFixed(2), c.ownCoverage.toFixed(2), c.kind, [...c.covers].join(','), c.sentence.slice(0, 100))
console.log(r.slots.map(s => s.typed.join(' ')), r.slotWeights)
