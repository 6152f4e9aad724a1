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
 * --shards <dir> (default generated/kb-shards), --lexicon <file> (default <kb>/lexicon.json).
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { compileKb } from './compile'
import { packArtifact } from './pack'
import { readKbDir } from './read'
import { commandArgs } from './cli'

const { values } = commandArgs(import.meta.url, {
  options: {
    kb: { type: 'string', default: 'knowledge' },
    out: { type: 'string', default: 'generated/kb.json' },
    shards: { type: 'string', default: 'generated/kb-shards' },
    lexicon: { type: 'string' },
  },
})
const kbDir = values.kb
const out = values.out

async function main(): Promise<number> {
  const result = compileKb(await readKbDir(kbDir, values.lexicon ? { lexicon: values.lexicon } : {}))
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
