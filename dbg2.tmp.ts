import { loadKbFile } from './knowledge/eval-files'
import { understand } from './engine/understand'
import { retrieve } from './engine/retrieve'
import { plan } from './engine/compose'
const kb = await loadKbFile('generated/kb.json')
const q = understand(process.argv[2]!, [], kb.language)
const r = await retrieve(kb, q)
console.log('current size', kb.current.size, 'now', q.now, 'hits', r.hits.length)
for (const h of r.hits) console.log(kb.current.has(h.passage) ? 'CUR' : '   ', h.record.id, h.record.date, h.coverage.toFixed(2), h.score.toFixed(1))
const p = plan(r, q, { lexicon: kb.language.lexicon, isEnglishWord: kb.isEnglishWord, current: kb.current })
for (const c of p.candidates.filter(c => kb.current.has(c.passage)).slice(0, 8)) console.log(c.score.toFixed(2), c.ownCoverage.toFixed(2), c.kind, c.record.id, c.sentence.slice(0, 90))
