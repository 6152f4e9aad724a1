/** Files the quality check reads and writes: question sets, the built artifact, the last published results. */
import { existsSync } from 'node:fs'
import { readdir, readFile, rename, writeFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { kbFromArtifact, type Kb } from '../engine'
import type { ItemResult, QuestionSet, Summary } from './metrics'
import { fileShardStore, partsDir, SHARDS_DIR } from './parts'
import { parseQuestionSet } from './quality'

export const SHARED_SET = '../shared/eval/questions.jsonl'
export const OWN_SETS_DIR = 'knowledge/eval'
export const RESULTS_FILE = 'knowledge/eval/results.json'
export const BUILT_KB = 'generated/kb.json'

/** The project's sample (when this checkout sits next to it) and every set in knowledge/eval/. */
export async function defaultSetPaths(): Promise<string[]> {
  const own = (await readdir(OWN_SETS_DIR)).filter((n) => n.endsWith('.jsonl')).sort()
  return [...(existsSync(SHARED_SET) ? [SHARED_SET] : []), ...own.map((n) => join(OWN_SETS_DIR, n))]
}

export async function loadSets(paths: string[]): Promise<QuestionSet[]> {
  return Promise.all(paths.map(async (path) => ({ name: basename(path), items: parseQuestionSet(await readFile(path, 'utf8'), path) })))
}

/** The built artifact, or for a sharded build its manifest with the parts `kb:build` wrote beside it. */
export async function loadKbFile(path: string, shardsRoot = SHARDS_DIR): Promise<Kb> {
  const value: unknown = JSON.parse(await readFile(path, 'utf8'))
  return kbFromArtifact(value, ({ version }) => fileShardStore(partsDir(version, shardsRoot)), 'bundled')
}

/** What `kb:publish` records about the version it published; what later checks compare against. */
export interface PublishedResults {
  version: string
  publishedAt: string
  target: 'local' | 'remote'
  sets: string[]
  summary: Summary
  items: ItemResult[]
}

export async function readPublished(path = RESULTS_FILE): Promise<PublishedResults | undefined> {
  if (!existsSync(path)) return undefined
  return JSON.parse(await readFile(path, 'utf8')) as PublishedResults
}

export async function writePublished(results: PublishedResults, path = RESULTS_FILE): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`
  await writeFile(tmp, `${JSON.stringify(results, null, 1)}\n`)
  await rename(tmp, path)
}
