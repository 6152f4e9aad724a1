/**
 * `kb:publish` with a sharded build, run as maintainers run it (the script,
 * Wrangler, local R2 state in a temporary directory), and the buckets read
 * back the way Wrangler reads them.
 */
import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { convertV4MiniflareOptions, Miniflare } from 'miniflare'
import { afterAll, describe, expect, it } from 'vitest'
import { compileKb } from '../../knowledge/compile'
import { readKbDir } from '../../knowledge/read'
import { resourceName } from '../../knowledge/wrangler'
import { artifactKey, parsePointer, POINTER_KEY, publishedPointer } from '../../worker/kb/pointer'
import { partKey, partNames, splitArtifact, type Manifest } from '../../engine/index/shards'

const run = promisify(execFile)
const STORE = resourceName('KB_STORE', 'bucket_name')
const SHARDS = resourceName('KB_SHARDS', 'bucket_name')
const work = await mkdtemp(join(tmpdir(), 'publish-test-'))
afterAll(() => rm(work, { recursive: true, force: true }))

/** The real knowledge base, with `edit` applied to its text, built and split into small parts as kb:build splits a big one. */
async function buildSharded(dir: string, edit: (text: string) => string = (t) => t): Promise<Manifest> {
  const input = await readKbDir('knowledge')
  const compiled = compileKb({ ...input, files: input.files.map((f) => ({ ...f, text: edit(f.text) })) })
  if (!compiled.ok) throw new Error(compiled.problems.join('\n'))
  const { manifest, parts } = splitArtifact(compiled.artifact, { shardBytes: 16 * 1024, passageBlock: 8 })
  await mkdir(join(dir, 'shards', manifest.version), { recursive: true })
  await writeFile(join(dir, 'kb.json'), JSON.stringify(manifest))
  for (const [name, text] of parts) await writeFile(join(dir, 'shards', manifest.version, name), text)
  return manifest
}

async function publish(dir: string, state: string) {
  const args = ['knowledge/publish.ts', '--kb', join(dir, 'kb.json'), '--shards', join(dir, 'shards'), '--results', join(dir, 'results.json')]
  return run('node_modules/.bin/tsx', [...args, '--persist-to', state], { maxBuffer: 64 * 1024 * 1024 }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (err: { code: number; stdout: string; stderr: string }) => ({ code: err.code, stdout: err.stdout, stderr: err.stderr }),
  )
}

/** A bucket of the local state, opened as `wrangler r2 object … --persist-to` opens it. */
async function withBucket<T>(state: string, name: string, use: (bucket: R2Bucket) => Promise<T>): Promise<T> {
  const mf = new Miniflare(
    convertV4MiniflareOptions({ modules: true, script: 'export default {}', r2Buckets: { BUCKET: name }, resourcePersistencePath: join(state, 'v3') }),
  )
  try {
    return await use((await mf.getR2Bucket('BUCKET')) as unknown as R2Bucket)
  } finally {
    await mf.dispose()
  }
}

const text = (bucket: R2Bucket, key: string) => bucket.get(key).then((o) => o?.text())

describe('kb:publish with a sharded build', () => {
  it('uploads every part to KB_SHARDS under its version, then the manifest, then moves the pointer', async () => {
    const dir = join(work, 'ok')
    const state = join(dir, 'state')
    const manifest = await buildSharded(dir)
    const { version } = manifest

    const { code, stdout, stderr } = await publish(dir, state)
    expect(code, stderr).toBe(0)
    expect(stdout).toContain(`${partNames(manifest).length} parts -> ${SHARDS}/kb/${version}/`)

    await withBucket(state, STORE, async (bucket) => {
      expect(parsePointer((await text(bucket, POINTER_KEY)) as string).version).toBe(version)
      expect(await text(bucket, artifactKey(version))).toBe(JSON.stringify(manifest))
    })
    await withBucket(state, SHARDS, async (bucket) => {
      for (const name of partNames(manifest)) {
        expect(await text(bucket, partKey(version, name)), name).toBe(await readFile(join(dir, 'shards', version, name), 'utf8'))
      }
    })
    expect(JSON.parse(await readFile(join(dir, 'results.json'), 'utf8'))).toMatchObject({ version, target: 'local' })
  }, 180_000)

  it('leaves the pointer on the version it named when uploading the parts fails', async () => {
    const dir = join(work, 'failing')
    const state = join(dir, 'state')
    const manifest = await buildSharded(dir, (t) => t.replaceAll('£3.7bn', '£4.2bn'))
    const before = JSON.stringify(publishedPointer(undefined, 'earlier-version', new Date()))
    await withBucket(state, STORE, async (bucket) => void (await bucket.put(POINTER_KEY, before)))
    // A file where the KB_SHARDS bucket keeps its objects: every upload to it fails, as when R2 is unreachable.
    await writeFile(join(state, 'v3', 'r2', SHARDS), 'not a directory')

    const { code, stderr } = await publish(dir, state)
    expect(code).toBe(1)
    expect(stderr).toMatch(/kb:publish: wrangler r2 bulk put failed/)
    await withBucket(state, STORE, async (bucket) => {
      expect(await text(bucket, POINTER_KEY)).toBe(before)
      expect(await bucket.head(artifactKey(manifest.version))).toBeNull()
    })
    await expect(readFile(join(dir, 'results.json'))).rejects.toThrow(/ENOENT/)
  }, 180_000)
})
