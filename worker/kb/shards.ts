/**
 * Knowledge bases too big for the Worker script. The build splits the
 * artifact, as Pagefind does: a manifest (sources, vocabulary, the term
 * dictionary, field lengths, a few passages for suggestions) stays in the
 * bundle, while the postings, in shards of consecutive terms, and the
 * passages, in fixed blocks, go to a shard store (R2 in the Worker). A query
 * fetches only the shards its terms need and the blocks of the passages it
 * returns; both stay cached in the isolate.
 */
import type { KbInfo } from '../contract'
import { restorePassage, storePassage, type Artifact, type PassageRecord, type StoredPassage } from './artifact'
import { assembleKb, type Kb } from './load'
import { Lru } from './lru'
import { TermIndex, type IndexData, type PostingsSource } from './term-index'

/** Bumped whenever the manifest or part layout changes. */
export const SHARDED_FORMAT = 2
/** Default part sizes: a term shard of this many raw bytes of postings parses in well under a millisecond. */
export const SPLIT = { shardBytes: 64 * 1024, passageBlock: 64 }
/** Raw bytes of term shards kept per isolate; far more than one question needs, far less than 128 MB. */
const SHARD_CACHE_BYTES = 24 * 1024 * 1024
/** Sources whose first question is kept in the manifest as the pool of suggestions. */
const SUGGESTION_SOURCES = 12

export interface Manifest {
  sharded: typeof SHARDED_FORMAT
  version: string
  sources: Artifact['sources']
  vocabulary: Artifact['vocabulary']
  period: Artifact['period']
  dictionary: Artifact['dictionary']
  passageCount: number
  /** Passages per passage block. */
  passageBlock: number
  /** Suggestion pool: passages (by position) whose first question is offered when declining. */
  resident: Array<{ passage: number; record: StoredPassage }>
  /** `shardStarts[i]` is the first term ordinal of shard i. */
  index: IndexData & { shardStarts: number[] }
}

/** Where the parts live: R2 in the Worker, memory or files in the bench. Names are relative to one KB version. */
export interface ShardStore {
  get(name: string): Promise<string | null>
}

export const termShardName = (i: number) => `terms-${i}.json`
export const passageBlockName = (i: number) => `passages-${i}.json`

export function isManifest(value: unknown): value is Manifest {
  return typeof value === 'object' && value !== null && (value as Partial<Manifest>).sharded === SHARDED_FORMAT
}

/** Splits a whole artifact into its manifest and parts (name → JSON text). */
export function splitArtifact(artifact: Artifact, { shardBytes, passageBlock } = SPLIT): { manifest: Manifest; parts: Map<string, string> } {
  const { postings, ...termDictionary } = artifact.index
  const parts = new Map<string, string>()
  const shardStarts: number[] = []
  for (let start = 0; start < postings.length; ) {
    let end = start
    let bytes = 0
    while (end < postings.length && (end === start || bytes + (postings[end] as string).length <= shardBytes)) {
      bytes += (postings[end] as string).length
      end++
    }
    parts.set(termShardName(shardStarts.length), JSON.stringify(postings.slice(start, end)))
    shardStarts.push(start)
    start = end
  }
  for (let b = 0; b * passageBlock < artifact.passages.length; b++) {
    parts.set(passageBlockName(b), JSON.stringify(artifact.passages.slice(b * passageBlock, (b + 1) * passageBlock).map(storePassage)))
  }
  const resident: Manifest['resident'] = []
  for (const source of artifact.sources) {
    if (resident.length >= SUGGESTION_SOURCES) break
    const passage = artifact.passages.findIndex((p) => p.sourceId === source.id && p.questions.length > 0)
    const record = artifact.passages[passage]
    if (record) resident.push({ passage, record: storePassage(record) })
  }
  const { version, sources, vocabulary, period, dictionary } = artifact
  const manifest: Manifest = {
    sharded: SHARDED_FORMAT,
    version,
    sources,
    vocabulary,
    period,
    dictionary,
    passageCount: artifact.passages.length,
    passageBlock,
    resident,
    index: { ...termDictionary, shardStarts },
  }
  return { manifest, parts }
}

async function fetchJson<T>(store: ShardStore, name: string): Promise<T> {
  const text = await store.get(name)
  if (text === null) throw new Error(`knowledge-base part ${name} is missing from the shard store`)
  return JSON.parse(text) as T
}

/** Term shards fetched on first need; concurrent requests for one shard share a fetch. */
class ShardedPostings implements PostingsSource {
  private readonly loaded = new Lru<number, string[]>(SHARD_CACHE_BYTES)
  private readonly pending = new Map<number, Promise<void>>()

  constructor(
    private readonly starts: number[],
    private readonly store: ShardStore,
  ) {}

  private shardOf(ordinal: number): number {
    let lo = 0
    let hi = this.starts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if ((this.starts[mid] as number) <= ordinal) lo = mid
      else hi = mid - 1
    }
    return lo
  }

  get(ordinal: number): string | undefined {
    const shard = this.shardOf(ordinal)
    return this.loaded.get(shard)?.[ordinal - (this.starts[shard] as number)]
  }

  async load(ordinals: number[]): Promise<void> {
    const shards = new Set(ordinals.map((o) => this.shardOf(o)).filter((s) => this.loaded.get(s) === undefined))
    await Promise.all([...shards].map((s) => this.fetchShard(s)))
  }

  private fetchShard(shard: number): Promise<void> {
    let p = this.pending.get(shard)
    if (!p) {
      p = fetchJson<string[]>(this.store, termShardName(shard))
        .then((postings) => void this.loaded.set(shard, postings, postings.reduce((n, p) => n + p.length, 0)))
        .finally(() => this.pending.delete(shard))
      this.pending.set(shard, p)
    }
    return p
  }
}

/** A knowledge base from its manifest, with the rest fetched from `store` as queries need it. */
export function shardedKb(manifest: Manifest, store: ShardStore, source: KbInfo['source']): Kb {
  const { version, sources, vocabulary, period, passageBlock } = manifest
  const passages: PassageRecord[] = new Array(manifest.passageCount)
  for (const { passage, record } of manifest.resident) passages[passage] = restorePassage(record)
  const pending = new Map<number, Promise<void>>()
  const loadBlock = (block: number) => {
    let p = pending.get(block)
    if (!p) {
      p = fetchJson<StoredPassage[]>(store, passageBlockName(block)).then((records) => {
        records.forEach((r, i) => (passages[block * passageBlock + i] ??= restorePassage(r)))
      })
      pending.set(block, p)
      p.catch(() => pending.delete(block))
    }
    return p
  }
  return assembleKb({
    content: { version, sources, passages, vocabulary, period },
    index: new TermIndex(manifest.index, new ShardedPostings(manifest.index.shardStarts, store)),
    dictionary: manifest.dictionary,
    source,
    questions: manifest.resident.map(({ passage, record }) => ({ passage, question: record.questions[0] as string })),
    loadPassages: async (positions) => {
      const blocks = new Set(positions.filter((p) => passages[p] === undefined).map((p) => Math.floor(p / passageBlock)))
      await Promise.all([...blocks].map(loadBlock))
    },
  })
}

/** Parts in an R2 bucket under `<prefix><version>/`. */
export function r2ShardStore(bucket: R2Bucket, version: string, prefix = 'kb/'): ShardStore {
  return {
    async get(name) {
      const object = await bucket.get(`${prefix}${version}/${name}`)
      return object ? object.text() : null
    },
  }
}
