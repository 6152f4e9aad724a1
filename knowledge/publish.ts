/**
 * `npm run kb:publish`: publishes the knowledge base without a code deploy.
 * Checks the built artifact with the quality check, refuses when it is worse
 * than the last published version (unless --force), uploads it to the KB_STORE
 * R2 bucket under its version, then moves the "current" pointer in one write.
 * A sharded build (too big for the Worker script) first has every part
 * uploaded to the KB_SHARDS bucket under kb/<version>/; its manifest is what
 * goes to KB_STORE. Any failure stops before the pointer moves. The Worker
 * serves the new version within a minute. `--rollback` moves the pointer back
 * to the previous version instead.
 *
 * Options: --remote (the deployed buckets; default local .wrangler/state),
 * --persist-to <dir>, --force, --rollback; --kb <artifact>, --shards <dir>
 * and --results <file> for other files than generated/kb.json,
 * generated/kb-shards and knowledge/eval/results.json.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { isManifest, kbFromArtifact, type Kb } from '../engine'
import { artifactKey, parsePointer, POINTER_KEY, publishedPointer, rolledBackPointer, type Pointer } from '../worker/kb/pointer'
import { BUILT_KB, defaultSetPaths, loadKbFile, loadSets, readPublished, RESULTS_FILE, writePublished } from './eval-files'
import { compare, evaluate, formatComparison, formatSummary, summarize } from './metrics'
import { SHARDS_DIR, shardStoreFor, uploadParts } from './parts'
import { describeTarget, resourceName, wrangler, WranglerError, type Target } from './wrangler'
import { commandArgs } from './cli'

const { values } = commandArgs(import.meta.url, {
  options: {
    remote: { type: 'boolean', default: false },
    'persist-to': { type: 'string' },
    force: { type: 'boolean', default: false },
    rollback: { type: 'boolean', default: false },
    kb: { type: 'string', default: BUILT_KB },
    shards: { type: 'string', default: SHARDS_DIR },
    results: { type: 'string', default: RESULTS_FILE },
  },
})
const target: Target = { remote: values.remote, ...(values['persist-to'] ? { persistTo: values['persist-to'] } : {}) }
const bucket = resourceName('KB_STORE', 'bucket_name')
const work = await mkdtemp(join(tmpdir(), 'kb-publish-'))

function readPointer(): Pointer | undefined {
  try {
    return parsePointer(wrangler(['r2', 'object', 'get', `${bucket}/${POINTER_KEY}`, '--pipe'], target))
  } catch (err) {
    if (err instanceof WranglerError && /specified key does not exist/i.test(err.message)) return undefined
    throw err
  }
}

async function putObject(key: string, file: string) {
  wrangler(['r2', 'object', 'put', `${bucket}/${key}`, '--file', file, '--content-type', 'application/json'], target)
}

async function movePointer(pointer: Pointer) {
  const file = join(work, 'current.json')
  await writeFile(file, JSON.stringify(pointer))
  await putObject(POINTER_KEY, file)
}

/** Runs the quality check on a knowledge base and prints it; returns what to record as published. */
async function check(kb: Kb) {
  const sets = await defaultSetPaths()
  const items = await evaluate(kb, await loadSets(sets))
  const summary = summarize(items)
  console.log(`quality of version ${kb.info.version} (${items.length} questions):\n${formatSummary(summary).join('\n')}`)
  return { version: kb.info.version, sets, summary, items }
}

async function publish(): Promise<number> {
  const checked = await check(await loadKbFile(values.kb, values.shards))
  const published = await readPublished(values.results)
  if (published) {
    const comparison = compare(published.items, checked.items)
    console.log(formatComparison(comparison, `published version ${published.version}`).join('\n'))
    if (comparison.regressed && !values.force) {
      console.error('kb:publish: refused: the quality check is worse than the last published version. Fix the entries, or publish anyway with --force.')
      return 1
    }
  }
  const current = readPointer()
  if (current?.version === checked.version) {
    console.log(`kb:publish: version ${checked.version} is already current in ${describeTarget(target)}; nothing to do`)
    return 0
  }
  const built: unknown = JSON.parse(await readFile(values.kb, 'utf8'))
  if (isManifest(built)) {
    const { bucket: shards, prefix, count } = await uploadParts(built, target, values.shards)
    console.log(`kb:publish: ${count} parts -> ${shards}/${prefix}`)
  }
  await putObject(artifactKey(checked.version), values.kb)
  const pointer = publishedPointer(current, checked.version, new Date())
  await movePointer(pointer)
  await writePublished({ ...checked, publishedAt: pointer.publishedAt, target: target.remote ? 'remote' : 'local' }, values.results)
  console.log(
    `kb:publish: published version ${checked.version} to ${describeTarget(target)}` +
      `${current ? ` (previous: ${current.version})` : ''}; the Worker serves it within a minute.`,
  )
  return 0
}

async function rollback(): Promise<number> {
  const pointer = rolledBackPointer(readPointer(), new Date())
  // Check the version being returned to is there and loads before pointing the Worker at it.
  const file = join(work, 'artifact.json')
  wrangler(['r2', 'object', 'get', `${bucket}/${artifactKey(pointer.version)}`, '--file', file], target)
  const value: unknown = JSON.parse(await readFile(file, 'utf8'))
  const checked = await check(kbFromArtifact(value, (manifest) => shardStoreFor(manifest, target, values.shards), 'bundled'))
  await movePointer(pointer)
  await writePublished({ ...checked, publishedAt: pointer.publishedAt, target: target.remote ? 'remote' : 'local' }, values.results)
  console.log(`kb:publish: rolled back to version ${pointer.version} in ${describeTarget(target)}; the Worker serves it within a minute.`)
  return 0
}

try {
  process.exitCode = await (values.rollback ? rollback() : publish())
} catch (err) {
  console.error(`kb:publish: ${err instanceof Error ? err.message : String(err)}`)
  process.exitCode = 1
} finally {
  await rm(work, { recursive: true, force: true })
}
