/**
 * Hot knowledge-base updates through the real fetch handler and the real
 * local R2 binding: publish, serve within a minute, roll back, and fall back
 * to the bundled index when what storage holds is unusable.
 */
import { env } from 'cloudflare:workers'
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { HealthResponse } from '../../worker/contract'
import stored from '../../generated/kb.json'
import { assertArtifact, restorePassage, type Artifact } from '../../engine/artifact'
import { artifactKey, parsePointer, POINTER_KEY, publishedPointer, rolledBackPointer } from '../../worker/kb/pointer'
import { partKey, partNames, splitArtifact } from '../../engine/index/shards'
import { askJson, BASE, fetchSettled, get } from './helpers'

const bucket = env.KB_STORE
const shardsBucket = env.KB_SHARDS as R2Bucket
assertArtifact(stored)
const bundled: Artifact = { ...stored, passages: stored.passages.map(restorePassage) }
const FIGURE = '£3.7bn'

/** The bundled artifact under another version, with the contracts' value changed so answers show which one is served. */
function variant(version: string, figure: string): Artifact {
  const copy = structuredClone(bundled)
  for (const p of copy.passages) {
    p.text = p.text.replaceAll(FIGURE, figure)
    p.sentences = p.sentences.map((s) => s.replaceAll(FIGURE, figure))
  }
  return { ...copy, version }
}

async function currentPointer() {
  const text = await (await bucket.get(POINTER_KEY))?.text()
  return text === undefined ? undefined : parsePointer(text)
}

/** What `npm run kb:publish` does, against the test's bucket: upload the artifact, then move the pointer. */
async function publish(artifact: Artifact | string, version: string) {
  await bucket.put(artifactKey(version), typeof artifact === 'string' ? artifact : JSON.stringify(artifact))
  await bucket.put(POINTER_KEY, JSON.stringify(publishedPointer(await currentPointer(), version, new Date())))
}

/** The same for a sharded build: every part (but `missing`) to KB_SHARDS under its version, then the manifest and pointer. */
async function publishSharded(artifact: Artifact, missing?: (names: string[]) => string | undefined) {
  const { manifest, parts } = splitArtifact(artifact, { shardBytes: 2048, passageBlock: 4 })
  const skipped = missing?.(partNames(manifest))
  for (const [name, text] of parts) if (name !== skipped) await shardsBucket.put(partKey(artifact.version, name), text)
  await publish(JSON.stringify(manifest), artifact.version)
}

async function rollback() {
  await bucket.put(POINTER_KEY, JSON.stringify(rolledBackPointer(await currentPointer(), new Date())))
}

/** Moves the isolate's clock past the Worker's once-a-minute pointer check. */
function aMinuteLater() {
  vi.setSystemTime(Date.now() + 61_000)
}

async function served() {
  return ((await (await get('/api/health')).json()) as HealthResponse).kb
}

async function contractsAnswer() {
  return (await askJson('How much were the CRC contracts worth?')).body.answer
}

async function emptyBucket(b = bucket) {
  const { objects } = await b.list()
  if (objects.length > 0) await b.delete(objects.map((o) => o.key))
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] })
  aMinuteLater()
})

afterEach(async () => {
  vi.restoreAllMocks()
  await emptyBucket()
  await emptyBucket(shardsBucket)
})

afterAll(async () => {
  // Leave the isolate serving the bundled index again, on the real clock.
  aMinuteLater()
  await get('/api/health')
  vi.useRealTimers()
})

describe('the served knowledge base', () => {
  it('is the bundled index while nothing is published', async () => {
    expect(await served()).toMatchObject({ source: 'bundled', version: bundled.version, passages: bundled.passages.length })
    expect(await contractsAnswer()).toContain(FIGURE)
  })

  it('is a newly published version within a minute, in health and in answers', async () => {
    expect((await served()).source).toBe('bundled')
    await publish(variant('v2-test', '£4.2bn'), 'v2-test')
    expect((await served()).source, 'the pointer is checked at most once a minute').toBe('bundled')

    aMinuteLater()
    expect(await served()).toMatchObject({ source: 'storage', version: 'v2-test', documents: bundled.sources.length })
    expect(await contractsAnswer()).toContain('£4.2bn')
  })

  it('returns to the previous version on rollback', async () => {
    await publish(variant('v2-test', '£4.2bn'), 'v2-test')
    await publish(variant('v3-test', '£5.1bn'), 'v3-test')
    aMinuteLater()
    expect((await served()).version).toBe('v3-test')
    expect(await contractsAnswer()).toContain('£5.1bn')

    await rollback()
    aMinuteLater()
    expect(await served()).toMatchObject({ source: 'storage', version: 'v2-test' })
    expect(await contractsAnswer()).toContain('£4.2bn')

    await expect(rollback()).rejects.toThrow(/nothing to roll back/)
    aMinuteLater()
    expect(await served()).toMatchObject({ source: 'storage', version: 'v2-test' })
  })

  it('returns to the bundled index when the published version is removed', async () => {
    await publish(variant('v2-test', '£4.2bn'), 'v2-test')
    aMinuteLater()
    expect((await served()).source).toBe('storage')
    await emptyBucket()
    aMinuteLater()
    expect(await served()).toMatchObject({ source: 'bundled', version: bundled.version })
  })

  it('is a published sharded version, its parts read from the shards bucket as questions need them, and rolls back from it', async () => {
    await publish(variant('v2-test', '£4.2bn'), 'v2-test')
    await publishSharded(variant('sharded-test', '£5.1bn'))
    aMinuteLater()
    expect(await served()).toMatchObject({ source: 'storage', version: 'sharded-test', passages: bundled.passages.length })
    expect(await contractsAnswer()).toContain('£5.1bn')

    await rollback()
    aMinuteLater()
    expect(await served()).toMatchObject({ source: 'storage', version: 'v2-test' })
    expect(await contractsAnswer()).toContain('£4.2bn')
  })

  for (const which of ['first', 'last'] as const) {
    it(`falls back to the bundled index, with a clear log line, when the ${which} part of a sharded version is missing`, async () => {
      const errors = vi.spyOn(console, 'error')
      await publishSharded(variant(`sharded-${which}-test`, '£4.2bn'), (names) => (which === 'first' ? names[0] : names.at(-1)))
      aMinuteLater()
      expect(await served()).toMatchObject({ source: 'bundled', version: bundled.version })
      expect(await contractsAnswer()).toContain(FIGURE)
      expect(String(errors.mock.calls[0]?.[0])).toMatch(
        new RegExp(`published version sharded-${which}-test is unusable \\(part kb/sharded-${which}-test/(terms|passages)-\\d+\\.json is missing from the KB_SHARDS bucket\\)`),
      )
    })
  }

  const corrupt: Array<[string, string | Artifact, RegExp]> = [
    ['not JSON', '{"format": 1, "version": "bad-test", "passa', /not valid JSON/],
    ['missing its index', JSON.stringify({ ...variant('bad-test', '£4.2bn'), index: undefined }), /lacks "index"/],
    ['holding another version', variant('other-version', '£4.2bn'), /holds version other-version/],
  ]
  for (const [what, artifact, why] of corrupt) {
    it(`falls back to the bundled index, with a clear log line, when the published artifact is ${what}`, async () => {
      await publish(variant('good-test', '£4.2bn'), 'good-test')
      aMinuteLater()
      expect((await served()).version).toBe('good-test')

      const errors = vi.spyOn(console, 'error')
      await publish(artifact, 'bad-test')
      aMinuteLater()
      expect(await served()).toMatchObject({ source: 'bundled', version: bundled.version })
      expect(await contractsAnswer()).toContain(FIGURE)
      expect(errors).toHaveBeenCalledTimes(1)
      const line = String(errors.mock.calls[0]?.[0])
      expect(line).toMatch(/published version bad-test is unusable/)
      expect(line).toMatch(why)
      expect(line).toContain(`serving the bundled index ${bundled.version}`)

      aMinuteLater()
      await served()
      expect(errors, 'an unusable version is reported once, not every minute').toHaveBeenCalledTimes(1)
    })
  }

  it('falls back to the bundled index when the pointer names a version that was never uploaded', async () => {
    const errors = vi.spyOn(console, 'error')
    await bucket.put(POINTER_KEY, JSON.stringify(publishedPointer(undefined, 'absent-test', new Date())))
    aMinuteLater()
    expect((await served()).source).toBe('bundled')
    expect(String(errors.mock.calls[0]?.[0])).toMatch(/published version absent-test is unusable \(kb\/versions\/absent-test\.json is missing\)/)
  })

  it('falls back to the bundled index when the pointer itself is corrupt', async () => {
    const errors = vi.spyOn(console, 'error')
    await bucket.put(POINTER_KEY, 'garbage')
    aMinuteLater()
    expect((await served()).source).toBe('bundled')
    expect(String(errors.mock.calls[0]?.[0])).toMatch(/pointer kb\/current\.json is unusable \(kb\/current\.json is not valid JSON\); serving the bundled index/)
  })
})

describe('when storage cannot be read', () => {
  /** The real bucket, except that every read fails, as when R2 is unreachable. */
  const unreachable = new Proxy(bucket, {
    get: (target, key) => (key === 'get' ? () => Promise.reject(new Error('R2 unreachable')) : Reflect.get(target, key)),
  })

  async function health(kbStore: R2Bucket) {
    const res = await fetchSettled(new Request(`${BASE}/api/health`), { KB_STORE: kbStore })
    return ((await res.json()) as HealthResponse).kb
  }

  it('keeps serving the version it has, and logs why it could not check for a newer one', async () => {
    await publish(variant('v2-test', '£4.2bn'), 'v2-test')
    expect((await health(bucket)).version).toBe('v2-test')
    const errors = vi.spyOn(console, 'error')
    aMinuteLater()
    expect(await health(unreachable)).toMatchObject({ source: 'storage', version: 'v2-test' })
    expect(errors).toHaveBeenCalledWith('kb store: cannot read kb/current.json (R2 unreachable); serving the storage index v2-test')
  })
})
