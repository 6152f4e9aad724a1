/**
 * Which knowledge base the Worker serves: the version published to storage
 * (R2, via `npm run kb:publish`) when there is a usable one, otherwise the
 * one bundled at deploy time. Each isolate loads a version once and keeps it
 * in memory; it re-reads the small pointer at most once a minute, so a new
 * publish or a rollback is served within a minute without a deploy. A
 * published KB too big to load whole is its manifest, with the parts in the
 * KB_SHARDS bucket (engine/index/shards.ts), fetched as questions need them.
 */
import { bundledKb, shardsBucket } from './bundled'
import { isManifest, kbFromArtifact, partKey, partNames, type Kb, type Manifest } from '../../engine'
import { artifactKey, parsePointer, POINTER_KEY } from './pointer'
import { r2ShardStore } from './r2'

export const RECHECK_MS = 60_000
const PUBLISHED = 'the published version'

interface Served {
  kb: Kb
  /** When the pointer was last read, by the isolate's clock. */
  checkedAt: number
  /** The pointer object's text this state reflects; undefined when storage holds none. */
  pointer: string | undefined
}

let served: Served | undefined
/** One pointer check at a time per isolate; concurrent requests wait for it. */
let checking: Promise<Kb> | undefined

export function servedKb(bucket: R2Bucket | undefined, now = Date.now()): Promise<Kb> {
  if (!bucket) return Promise.resolve(bundledKb())
  // A clock that went backwards counts as due, so a skewed clock cannot freeze the served version.
  if (served && now >= served.checkedAt && now - served.checkedAt < RECHECK_MS) return Promise.resolve(served.kb)
  checking ??= check(bucket, now).finally(() => {
    checking = undefined
  })
  return checking
}

async function check(bucket: R2Bucket, now: number): Promise<Kb> {
  let text: string | undefined
  try {
    text = await (await bucket.get(POINTER_KEY))?.text()
  } catch (err) {
    // Unreadable storage: keep what this isolate already serves rather than flap to the bundled index.
    const kb = served?.kb ?? bundledKb()
    console.error(`kb store: cannot read ${POINTER_KEY} (${reason(err)}); serving ${describe(kb)}`)
    served = { kb, checkedAt: now, pointer: served?.pointer }
    return kb
  }
  if (text === undefined) {
    served = { kb: bundledKb(), checkedAt: now, pointer: undefined }
    return served.kb
  }
  if (served && text === served.pointer) {
    served.checkedAt = now
    return served.kb
  }
  let version: string | undefined
  try {
    version = parsePointer(text).version
    const kb = served?.kb.info.source === 'storage' && served.kb.info.version === version ? served.kb : await load(bucket, version)
    if (kb !== served?.kb) console.log(`kb store: serving published version ${version} (${kb.info.passages} passages)`)
    served = { kb, checkedAt: now, pointer: text }
  } catch (err) {
    // Artifacts are immutable, so a bad one is reported once and not re-read until the pointer moves.
    const kb = bundledKb()
    const what = version ? `published version ${version}` : `pointer ${POINTER_KEY}`
    console.error(`kb store: ${what} is unusable (${reason(err)}); serving ${describe(kb)}`)
    served = { kb, checkedAt: now, pointer: text }
  }
  return served.kb
}

async function load(bucket: R2Bucket, version: string): Promise<Kb> {
  const object = await bucket.get(artifactKey(version))
  if (!object) throw new Error(`${artifactKey(version)} is missing`)
  let value: unknown
  try {
    value = JSON.parse(await object.text())
  } catch {
    throw new Error(`${artifactKey(version)} is not valid JSON`)
  }
  const kb = kbFromArtifact(value, () => r2ShardStore(shardsBucket(PUBLISHED), version), 'storage')
  if (kb.info.version !== version) throw new Error(`${artifactKey(version)} holds version ${kb.info.version}`)
  if (isManifest(value)) await assertPartsUploaded(value)
  return kb
}

/**
 * `kb:publish` uploads every part before it moves the pointer. Checking the
 * first and last part makes parts deleted or uploaded elsewhere show here, as
 * an unusable version, rather than as failing questions.
 */
async function assertPartsUploaded(manifest: Manifest): Promise<void> {
  const names = partNames(manifest)
  for (const name of new Set([names[0] as string, names.at(-1) as string])) {
    const key = partKey(manifest.version, name)
    if (!(await shardsBucket(PUBLISHED).head(key))) throw new Error(`part ${key} is missing from the KB_SHARDS bucket`)
  }
}

function describe(kb: Kb): string {
  return `the ${kb.info.source} index ${kb.info.version}`
}

function reason(err: unknown): string {
  return err instanceof Error ? err.message : String(err)
}
