/**
 * `npm run kb:explain -- "question" [--history "earlier question" ...] [--kb generated/kb.json]`:
 * how the engine understood a question (terms, vocabulary expansions, the
 * kind of answer wanted, reasons to decline), the passages it found with
 * their scores and what each matched, and why the answer is what it is.
 */
import { answer, composeContext, conversation, plan, retrieve, saidBefore, understand } from '../engine'
import { BUILT_KB, loadKbFile } from './eval-files'
import { commandArgs } from './cli'

const { values, positionals } = commandArgs(import.meta.url, {
  options: { kb: { type: 'string', default: BUILT_KB }, history: { type: 'string', multiple: true, default: [] } },
  allowPositionals: true,
})
const question = positionals.join(' ')
if (!question.trim()) {
  console.error('kb:explain: give a question, e.g. npm run kb:explain -- "who ran the London CRC?"')
  process.exit(2)
}

const kb = await loadKbFile(values.kb)
const history = values.history.map((q) => ({ question: q }))
// The question and history as the answer reads them: a statement last told joined to the question, a follow-up's last answer worked out again.
const { question: asked, history: turns } = await conversation(kb, question, history)
const query = understand(asked, turns, kb.language)
const round = (x: number) => x.toFixed(2)
const out: string[] = []
out.push(`question: ${question}`)
if (asked !== question) out.push(`read with what the visitor told before it: ${asked}`)
out.push(`understood as: "${query.text}"${query.instructed ? ' (instructions removed)' : ''}`)
out.push(`kind of answer: ${query.kind}${query.polar ? ', yes/no' : ''}${query.now ? ', about now' : ''}${query.followUp ? ', follow-up' : ''}`)
out.push('concepts (slot: typed → alternatives searched):')
for (const slot of query.slots) {
  const alts = slot.alternatives.map((a) => a.join(' ')).join(' | ')
  out.push(`  ${slot.typed.join(' ') || '?'} → ${alts}${slot.weight < 1 ? `  (weight ${slot.weight}: from the conversation, or the word naming the kind of answer)` : ''}`)
}
if (query.decline) out.push(`declined before retrieval: ${query.decline}`)
else {
  const retrieval = await retrieve(kb, query)
  const weights = new Map(retrieval.slots.map((s, i) => [s.typed.join(' '), retrieval.slotWeights[i] ?? 0]))
  out.push(`concept weights (rarity): ${[...weights].map(([w, x]) => `${w} ${round(x)}`).join(', ')}`)
  if (retrieval.unknown > 0 || retrieval.unknownNames.length > 0) {
    out.push(`words no passage holds: ${retrieval.unknown}${retrieval.unknownNames.length ? `; names the sources never mention: ${retrieval.unknownNames.join(', ')}` : ''}`)
  }
  out.push('top passages:')
  retrieval.hits.forEach((h, i) => {
    const asked = [...new Set(retrieval.slots.flatMap((s) => s.alternatives.flat()))]
    const matched = asked.flatMap((t) => {
      const at = h.termsFor(t)
      return at.length === 0 ? [] : [at.length === 1 && at[0] === t ? t : `${t}→${at.join('/')}`]
    })
    out.push(`  ${i + 1}. ${h.record.id}  score ${round(h.score)}  coverage ${round(h.coverage)}${h.record.date ? `  date ${h.record.date}` : ''}`)
    out.push(`     "${h.record.heading}"  matched: ${matched.join(', ') || 'nothing'}`)
    if (h.listed) out.push(`     closest listed question (${round(h.listed.similarity)}${h.listed.sameKind ? '' : ', asks for another kind of answer'}): ${h.listed.question}`)
  })
  if (retrieval.more.length > 0) out.push(`below them, read once the passages above show the sources answer (if they reach the score floor): ${retrieval.more.map((h) => `${h.record.id} (score ${round(h.score)})`).join(', ')}`)
  const said = saidBefore(kb, turns, query)
  const p = plan(retrieval, query, { ...composeContext(kb), ...(said !== undefined && { said }) })
  const top = retrieval.hits[0]
  if (p.listedWin && top) out.push(`winner: ${top.record.id}, because its listed question matches the question asked (${round(top.listed?.similarity ?? 0)})`)
  else if (top) out.push(`winner: ${top.record.id}, the best score; no listed question came close enough`)
  if (p.anchor) out.push(`about now: the latest state is taken from ${p.anchor.record.id} (${p.anchor.record.date ?? p.anchor.source.published})`)
  if (p.refused) out.push(`no answer: ${p.refused}`)
  out.push('best sentences (score · share of the question held · kind):')
  for (const c of p.candidates.slice(0, 6)) {
    const mark = p.chosen.includes(c) ? '*' : ' '
    out.push(`  ${mark} ${round(c.score)} · ${round(c.ownCoverage)} · ${round(c.kind)}  [${c.record.id}] ${c.sentence.slice(0, 150)}${c.sentence.length > 150 ? '…' : ''}`)
    if (mark === ' ' && p.shortfall) out.push(`      not used: ${p.shortfall(c) ?? 'it answers, but another sentence was preferred'}`)
  }
  for (const s of p.sides) out.push(`  side of "${s.record.conflict}": [${s.record.id}] ${s.sentence.slice(0, 150)}`)
}
const reply = await answer(kb, question, history)
out.push(reply.answered ? 'answer:' : 'declined:', `  ${reply.answer}`)
for (const c of reply.citations) out.push(`  [${c.n}] ${c.publisher}, "${c.title}" (${c.published}, ${c.kind})${c.url ? ` ${c.url}` : ''}`)
for (const s of reply.suggestions ?? []) out.push(`  suggestion: ${s}`)
console.log(out.join('\n'))
