/**
 * `npm run kb:build`: reads knowledge/, compiles the artifact and writes it
 * atomically. On any problem it prints `path:line: message` lines, exits 1
 * and leaves the previous artifact as it was.
 *
 * A knowledge base too big for the Worker script is split (knowledge/pack.ts):
 * the manifest goes to --out and the parts to --shards/<version>/, for the
 * KB_SHARDS bucket under kb/<version>/.
 *
 * Options: --kb <dir> (default knowledge), --out <file> (default generated/kb.json),
 * --shards <dir> (default generated/kb-shards).
 */
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { dirname, join, relative } from 'node:path'
import { parseArgs } from 'node:util'
import { createRequire } from 'node:module'
import { compileKb, type KbFile } from './compile'
import type { SeedPrints } from './copy-check'
import { packArtifact } from './pack'

/** The English word list (lower case, no proper nouns) that the Worker uses to recognise names. */
const englishWords = createRequire(import.meta.url)('an-array-of-english-words') as string[]

const { values } = parseArgs({
  options: {
    kb: { type: 'string', default: 'knowledge' },
    out: { type: 'string', default: 'generated/kb.json' },
    shards: { type: 'string', default: 'generated/kb-shards' },
  },
})
const kbDir = values.kb
const out = values.out

async function readKbFile(path: string): Promise<KbFile> {
  return { path: relative(process.cwd(), path) || path, text: await readFile(path, 'utf8') }
}

async function main(): Promise<number> {
  const sourcesDir = join(kbDir, 'sources')
  const names = (await readdir(sourcesDir).catch(() => [] as string[])).filter((n) => n.endsWith('.md')).sort()
  const files = await Promise.all(names.map((n) => readKbFile(join(sourcesDir, n))))
  const vocabPath = join(kbDir, 'vocabulary.json')
  const vocabulary = await readKbFile(vocabPath).catch(() => ({ path: vocabPath, text: '{"groups": []}' }))
  const conflictsPath = join(kbDir, 'conflicts.json')
  const conflicts = await readKbFile(conflictsPath).catch(() => ({ path: conflictsPath, text: '{}' }))
  const printsPath = join(kbDir, 'seed-prints.json')
  const seedPrints = await readFile(printsPath, 'utf8').then((t) => JSON.parse(t) as SeedPrints, () => undefined)
  const result = compileKb(files, vocabulary, englishWords, undefined, { conflicts, seedPrints })
  if (!result.ok) {
    for (const p of result.problems) console.error(p)
    console.error(`kb:build: ${result.problems.length} problem(s); ${out} left unchanged`)
    return 1
  }
  const { bundle: json, parts } = packArtifact(result.artifact)
  const { sources, passages, version } = result.artifact
  if (parts) {
    const dir = join(values.shards, version)
    await rm(dir, { recursive: true, force: true })
    await mkdir(dir, { recursive: true })
    for (const [name, text] of parts) await writeFile(join(dir, name), text)
    console.log(`kb:build: too big for the Worker script; ${parts.size} parts -> ${dir} (npm run kb:shards or kb:publish uploads them to KB_SHARDS under kb/${version}/)`)
  }
  await mkdir(dirname(out), { recursive: true })
  const tmp = `${out}.${process.pid}.tmp`
  await writeFile(tmp, json)
  await rename(tmp, out)
  console.log(`kb:build: ${sources.length} documents, ${passages.length} passages, version ${version}, ${(json.length / 1024).toFixed(1)} KiB -> ${out}`)
  return 0
}

process.exitCode = await main()
