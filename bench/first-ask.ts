/**
 * Run by `npm run bench` in a process of its own, so nothing of the engine is
 * compiled yet: loads a script artifact (argv[2]) and answers one question
 * (argv[3]) and then another (argv[4]), printing the milliseconds of each step
 * as JSON. This is what the first questions in a cold isolate pay.
 */
import { readFileSync } from 'node:fs'
import { answer, kbFromArtifact } from '../engine'

const [path, first, second] = process.argv.slice(2) as [string, string, string]
const text = readFileSync(path, 'utf8')
const start = performance.now()
const kb = kbFromArtifact(JSON.parse(text), () => {
  throw new Error('a fresh-process run serves a bundled knowledge base only')
}, 'bundled')
const loaded = performance.now()
await answer(kb, first)
const answered = performance.now()
await answer(kb, second)
const again = performance.now()
console.log(JSON.stringify({ load: loaded - start, first: answered - loaded, second: again - answered }))
