/**
 * A question about now keeps the passages saying how things stand wherever
 * they rank; their listed questions are weighed too, so the one asked about
 * ("who runs it now?") gives the latest state rather than the first kept.
 */
import { describe, expect, it } from 'vitest'
import { compileKb } from '../../knowledge/compile'
import { readKbDir } from '../../knowledge/read'
import { answer, createKb, retrieve, understand } from '../../engine'
import { LISTED_CANDIDATES } from '../../engine/retrieve'

describe('questions about now, on the real knowledge base', async () => {
  const compiled = compileKb(await readKbDir('knowledge'))
  if (!compiled.ok) throw new Error(compiled.problems.join('\n'))
  const kb = createKb(compiled.artifact, 'bundled')
  const question = 'is seetec still running probation in kent n sussex?'

  it('matches the listed questions of passages on how things stand, however low they rank', async () => {
    const { hits } = await retrieve(kb, understand(question, [], kb.language))
    const kept = hits.slice(LISTED_CANDIDATES).filter((h) => kb.current.has(h.passage))
    expect(kept.length).toBeGreaterThan(0)
    for (const hit of kept) expect(hit.listed, hit.record.heading).toBeDefined()
  })

  it('answers "is X still running it?" with the latest state, not the last news of X', async () => {
    expect((await answer(kb, question)).answer).toMatch(/^As of 26 June 2021/)
  })
})
