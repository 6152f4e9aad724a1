/**
 * A knowledge base split into shards, served from the local R2 bucket (the
 * real Miniflare binding) inside workerd: it answers as the whole one does,
 * fetching only the parts a question needs, once.
 */
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import artifact from '../../generated/kb.json'
import { answer } from '../../engine/answer'
import type { Bindings } from '../../worker/env'
import { assertArtifact, restorePassage } from '../../engine/artifact'
import { createKb, type Kb } from '../../engine/kb'
import { partNames, shardedKb, splitArtifact, type ShardedOptions, type ShardStore } from '../../engine/index/shards'
import { r2ShardStore } from '../../worker/kb/r2'

const bucket = (env as unknown as Bindings).KB_SHARDS as R2Bucket
assertArtifact(artifact)
const whole = createKb(artifact, 'bundled')
// Small parts so that the real KB spans many of them, as a large one would.
const { manifest, parts } = splitArtifact(
  { ...artifact, passages: artifact.passages.map(restorePassage) },
  { shardBytes: 2048, passageBlock: 4 },
)

// Uploaded once for the file: no test changes the parts.
let uploaded: Promise<void> | undefined
async function upload() {
  for (const [name, text] of parts) await bucket.put(`kb/${manifest.version}/${name}`, text)
}

async function shardedFromR2(options?: ShardedOptions) {
  await (uploaded ??= upload())
  const r2 = r2ShardStore(bucket, manifest.version)
  const fetched: string[] = []
  const store: ShardStore = { get: (name) => (fetched.push(name), r2.get(name)) }
  return { kb: shardedKb(manifest, store, 'storage', options), fetched }
}

/** Lets the loads that just finished release their parts (they stay pinned until the next macrotask). */
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0))
const held = (kb: Kb) => kb.artifact.passages.filter(Boolean).length

const QUESTIONS = [
  'How much were the CRC contracts worth?',
  'what did the inspectors find in gloucestershire',
  'what did the probaton watchdog find about breaches',
  'who runs the gloucestershire crc',
  'who won the world cup',
]

describe('a sharded knowledge base in R2', () => {
  it('names in its manifest exactly the parts the split wrote', () => {
    expect(partNames(manifest).sort()).toEqual([...parts.keys()].sort())
  })

  it('gives the same answers and citations as the whole knowledge base', async () => {
    const { kb } = await shardedFromR2()
    let answered = 0
    for (const q of QUESTIONS) {
      const expected = await answer(whole, q)
      const actual = await answer(kb, q)
      expect(actual.answered, q).toBe(expected.answered)
      if (expected.answered) expect(actual, q).toEqual(expected)
      else expect(actual.suggestions?.length, q).toBeGreaterThan(0)
      if (actual.answered) answered++
    }
    expect(answered).toBeGreaterThanOrEqual(3)
  })

  it('fetches only the parts a question needs, and each part once', async () => {
    const { kb, fetched } = await shardedFromR2()
    await answer(kb, QUESTIONS[0] as string)
    const first = fetched.length
    expect(first).toBeGreaterThan(0)
    expect(first).toBeLessThan(parts.size / 2)
    expect(new Set(fetched).size).toBe(fetched.length)
    await answer(kb, QUESTIONS[0] as string)
    expect(fetched.length).toBe(first)
  })

  it('says which part is missing when the bucket lacks one', async () => {
    const kb = shardedKb(manifest, r2ShardStore(bucket, 'no-such-version'), 'storage')
    await expect(answer(kb, QUESTIONS[0] as string)).rejects.toThrow(/terms-\d+\.json is missing/)
  })

  it('drops passage blocks beyond its budget, keeping the resident ones, and fetches them again with the same answers', async () => {
    const { kb, fetched } = await shardedFromR2({ passageBytes: 1 })
    const blocksFetched = () => fetched.filter((name) => name.startsWith('passages-')).length
    const question = QUESTIONS[0] as string
    const expected = await answer(whole, question)

    expect(await answer(kb, question)).toEqual(expected)
    const first = blocksFetched()
    expect(first).toBeGreaterThan(0)
    await nextTask()
    expect(held(kb)).toBe(manifest.resident.length)

    expect(await answer(kb, question)).toEqual(expected)
    expect(blocksFetched()).toBe(2 * first)
  })

  it('keeps the passage blocks it fetched within a roomy budget', async () => {
    const { kb, fetched } = await shardedFromR2({ passageBytes: 1024 * 1024 })
    await answer(kb, QUESTIONS[0] as string)
    await nextTask()
    expect(held(kb)).toBeGreaterThan(manifest.resident.length)
    const first = fetched.length
    await answer(kb, QUESTIONS[0] as string)
    expect(fetched.length).toBe(first)
  })

  it('gives every one of many concurrent questions its own passages when the budget holds none', async () => {
    const { kb } = await shardedFromR2({ passageBytes: 1 })
    const many = [...QUESTIONS, ...QUESTIONS, ...QUESTIONS]
    const expected = await Promise.all(many.map((q) => answer(whole, q)))
    expect(await Promise.all(many.map((q) => answer(kb, q)))).toEqual(expected)
  })
})
