/**
 * Run by `npm run bench` in a process of its own, so nothing of the engine is
 * compiled yet: loads a script artifact (argv[2]) and warms it up as the
 * Worker's start-up does (worker/kb/bundled.ts), then answers one question
 * (argv[3]) and another (argv[4]), printing the milliseconds of each step as
 * JSON. Start-up is what a cold isolate pays before its first request; the
 * two answers are what its first visitors wait for.
 */
import { readFileSync } from 'node:fs'
import { answer, kbFromArtifact, warmUp } from '../engine'

const [path, first, second] = process.argv.slice(2) as [string, string, string]
const text = readFileSync(path, 'utf8')
const start = performance.now()
const kb = kbFromArtifact(JSON.parse(text), () => {
  throw new Error('a fresh-process run serves a bundled knowledge base only')
}, 'bundled')
const loaded = performance.now()
await warmUp(kb)
const warmed = performance.now()
await answer(kb, first)
const answered = performance.now()
await answer(kb, second)
const again = performance.now()
console.log(JSON.stringify({ load: loaded - start, warm: warmed - loaded, first: answered - warmed, second: again - answered }))
