/**
 * `npm run kb:publish`: publishes the knowledge base without a code deploy.
 * Checks the built artifact with the quality check, refuses when it is worse
 * than the last published version (unless --force), uploads it to the KB_STORE
 * R2 bucket under its version, then moves the "current" pointer in one write.
 * The Worker serves it within a minute. `--rollback` moves the pointer back to
 * the previous version instead.
 *
 * Options: --remote (the deployed bucket; default local .wrangler/state),
 * --persist-to <dir>, --force, --rollback.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { artifactKey, parsePointer, POINTER_KEY, publishedPointer, rolledBackPointer, type Pointer } from '../worker/kb/pointer'
import { BUILT_KB, defaultSetPaths, loadKbFile, loadSets, readPublished, writePublished } from './eval-files'
import { compare, evaluate, formatComparison, formatSummary, summarize } from './metrics'
import { describeTarget, resourceName, wrangler, WranglerError, type Target } from './wrangler'

const { values } = parseArgs({
  options: {
    remote: { type: 'boolean', default: false },
    'persist-to': { type: 'string' },
    force: { type: 'boolean', default: false },
    rollback: { type: 'boolean', default: false },
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

/** Runs the quality check on an artifact file and prints it; returns what to record as published. */
async function check(artifactFile: string) {
  const kb = await loadKbFile(artifactFile)
  const sets = await defaultSetPaths()
  const items = await evaluate(kb, await loadSets(sets))
  const summary = summarize(items)
  console.log(`quality of version ${kb.info.version} (${items.length} questions):\n${formatSummary(summary).join('\n')}`)
  return { version: kb.info.version, sets, summary, items }
}

async function publish(): Promise<number> {
  const checked = await check(BUILT_KB)
  const published = await readPublished()
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
  await putObject(artifactKey(checked.version), BUILT_KB)
  const pointer = publishedPointer(current, checked.version, new Date())
  await movePointer(pointer)
  await writePublished({ ...checked, publishedAt: pointer.publishedAt, target: target.remote ? 'remote' : 'local' })
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
  const checked = await check(file)
  await movePointer(pointer)
  await writePublished({ ...checked, publishedAt: pointer.publishedAt, target: target.remote ? 'remote' : 'local' })
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
