/**
 * `npm run kb:seed-prints -- <seeds dir>`: writes knowledge/seed-prints.json,
 * the fingerprints kb:build checks entries against for copied sentences.
 * Run it when the seed documents change; the seeds stay outside the repository.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fingerprint } from '../knowledge/copy-check'

const dir = process.argv[2] ?? '../shared/seeds'
const names = (await readdir(dir)).filter((n) => n.endsWith('.txt')).sort()
const seeds: Record<string, string> = {}
for (const name of names) seeds[name] = await readFile(join(dir, name), 'utf8')
await writeFile('knowledge/seed-prints.json', `${JSON.stringify(fingerprint(seeds))}\n`)
console.log(`kb:seed-prints: ${names.length} seeds from ${dir} -> knowledge/seed-prints.json`)
