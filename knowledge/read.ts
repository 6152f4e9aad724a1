/** Reads a knowledge-base folder (sources/*.md, vocabulary.json, lexicon.json, conflicts.json, seed-prints.json) as the build's input. */
import { createRequire } from 'node:module'
import { readdir, readFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import type { KbFile, KbInput } from './compile'
import type { SeedPrints } from './copy-check'

/** The English word list (lower case, no proper nouns) that the engine uses to recognise names. */
export const englishWords = createRequire(import.meta.url)('an-array-of-english-words') as string[]

async function readKbFile(path: string): Promise<KbFile> {
  return { path: relative(process.cwd(), path) || path, text: await readFile(path, 'utf8') }
}

/**
 * `lexicon`: the lexicon file when the folder has none of its own (test
 * fixtures use the project's). Vocabulary and conflicts may be absent.
 */
export async function readKbDir(dir: string, { lexicon = join(dir, 'lexicon.json') }: { lexicon?: string } = {}): Promise<KbInput> {
  const sourcesDir = join(dir, 'sources')
  const names = (await readdir(sourcesDir).catch(() => [] as string[])).filter((n) => n.endsWith('.md')).sort()
  const vocabularyPath = join(dir, 'vocabulary.json')
  return {
    files: await Promise.all(names.map((n) => readKbFile(join(sourcesDir, n)))),
    vocabulary: await readKbFile(vocabularyPath).catch(() => ({ path: vocabularyPath, text: '{"groups": []}' })),
    // A missing lexicon is reported by the build like any other problem.
    lexicon: await readKbFile(lexicon).catch(() => ({ path: relative(process.cwd(), lexicon) || lexicon, text: '' })),
    conflicts: await readKbFile(join(dir, 'conflicts.json')).catch(() => undefined),
    dictionary: englishWords,
    seedPrints: await readFile(join(dir, 'seed-prints.json'), 'utf8').then((t) => JSON.parse(t) as SeedPrints, () => undefined),
  }
}
