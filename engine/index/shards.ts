/**
 * Knowledge bases too big for the Worker script. The build splits the
 * artifact, as Pagefind does: a manifest (sources, vocabulary, the term
 * dictionary, field lengths, a few passages for suggestions) stays in the
 * bundle, while the postings, in shards of consecutive terms, and the
 * passages, in fixed blocks, go to a shard store (R2 in the Worker). A query
 * fetches only the shards its terms need and the blocks of the passages it
 * returns; both stay cached in the isolate within a byte budget (part-cache.ts).
 */
import { restorePassage, storePassage, type Artifact, type PassageRecord, type StoredPassage } from '../artifact'
import { assembleKb, createKb, type Kb, type KbSource } from '../kb'
import { PartCache, type Fetched } from './part-cache'
import { TermIndex, type IndexData, type PostingsSource } from './term-index'

/** Bumped whenever the manifest or part layout changes. */
export const SHARDED_FORMAT = 7
/** Default part sizes: a term shard of this many raw bytes of postings parses in well under a millisecond. */
export const SPLIT = { shardBytes: 64 * 1024, passageBlock: 64 }
/** Raw bytes of term shards kept per isolate; far more than one question needs, far less than 128 MB. */
const SHARD_CACHE_BYTES = 24 * 1024 * 1024
/**
 * Bytes of passage blocks kept per isolate: over a hundred blocks, some 8,000
 * passages, where a question needs at most eight blocks. Held records take
 * about twice their stored size (text is rebuilt from the sentences).
 */
const PASSAGE_CACHE_BYTES = 8 * 1024 * 1024
/** Sources whose first question is kept in the manifest as the pool of suggestions. */
const SUGGESTION_SOURCES = 12

export interface Manifest {
  sharded: typeof SHARDED_FORMAT
  version: string
  sources: Artifact['sources']
  vocabulary: Artifact['vocabulary']
  lexicon: Artifact['lexicon']
  conflicts: Artifact['conflicts']
  current: Artifact['current']
  period: Artifact['period']
  dictionary: Artifact['dictionary']
  /** Small (one event per dated passage at most) and read whole by /api/timeline, so it stays in the manifest. */
  timeline: Artifact['timeline']
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

/** Every part a manifest refers to: what must be in the shard store before the manifest is served. */
export function partNames(manifest: Manifest): string[] {
  const blocks = Math.ceil(manifest.passageCount / manifest.passageBlock)
  return [
    ...manifest.index.shardStarts.map((_, i) => termShardName(i)),
    ...Array.from({ length: blocks }, (_, i) => passageBlockName(i)),
  ]
}

/** Where a part lives in the KB_SHARDS bucket: under its version, so versions never overwrite each other. */
export function partKey(version: string, name: string, prefix = 'kb/'): string {
  return `${prefix}${version}/${name}`
}

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
  const { version, sources, vocabulary, lexicon, conflicts, current, period, dictionary, timeline } = artifact
  const manifest: Manifest = {
    sharded: SHARDED_FORMAT,
    version,
    sources,
    vocabulary,
    lexicon,
    conflicts,
    current,
    period,
    dictionary,
    timeline,
    passageCount: artifact.passages.length,
    passageBlock,
    resident,
    index: { ...termDictionary, shardStarts },
  }
  return { manifest, parts }
}

/** What a sharded KB keeps of its parts in the isolate. */
export interface ShardedOptions {
  /** Bytes (as stored) of passage blocks kept beyond the resident ones. */
  passageBytes?: number
}

async function fetchPart<T>(store: ShardStore, name: string): Promise<Fetched<T>> {
  const text = await store.get(name)
  if (text === null) throw new Error(`knowledge-base part ${name} is missing from the shard store`)
  return { value: JSON.parse(text) as T, bytes: text.length }
}

/** Term shards fetched on first need. */
class ShardedPostings implements PostingsSource {
  private readonly shards: PartCache<string[]>

  constructor(
    private readonly starts: number[],
    store: ShardStore,
  ) {
    this.shards = new PartCache(SHARD_CACHE_BYTES, (shard) => fetchPart<string[]>(store, termShardName(shard)))
  }

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
    return this.shards.get(shard)?.[ordinal - (this.starts[shard] as number)]
  }

  load(ordinals: number[]): Promise<void> {
    return this.shards.load(ordinals.map((o) => this.shardOf(o)))
  }
}

/**
 * Passage blocks fetched as retrieval returns their passages and dropped
 * again beyond the budget; the manifest's resident passages always stay.
 */
function passageBlocks(manifest: Manifest, store: ShardStore, budget: number) {
  const { passageBlock, passageCount } = manifest
  const passages = new Array<PassageRecord | undefined>(passageCount)
  const resident = new Set<number>()
  for (const { passage, record } of manifest.resident) {
    passages[passage] = restorePassage(record)
    resident.add(passage)
  }
  const positionsOf = function* (block: number) {
    for (let p = block * passageBlock; p < Math.min(passageCount, (block + 1) * passageBlock); p++) if (!resident.has(p)) yield p
  }
  // The cache holds only the blocks' weights: their records live in `passages`, where the answer code reads them.
  const blocks = new PartCache<true>(
    budget,
    async (block) => {
      const { value, bytes } = await fetchPart<StoredPassage[]>(store, passageBlockName(block))
      for (const p of positionsOf(block)) passages[p] = restorePassage(value[p - block * passageBlock] as StoredPassage)
      return { value: true, bytes }
    },
    (block) => {
      for (const p of positionsOf(block)) passages[p] = undefined
    },
  )
  const load = (positions: number[]) => blocks.load(positions.filter((p) => !resident.has(p)).map((p) => Math.floor(p / passageBlock)))
  return { passages: passages as PassageRecord[], load }
}

/** A knowledge base from its manifest, with the rest fetched from `store` as queries need it. */
export function shardedKb(manifest: Manifest, store: ShardStore, source: KbSource, { passageBytes = PASSAGE_CACHE_BYTES }: ShardedOptions = {}): Kb {
  const { version, sources, vocabulary, lexicon, conflicts, current, period, timeline } = manifest
  const { passages, load } = passageBlocks(manifest, store, passageBytes)
  return assembleKb({
    content: { version, sources, passages, period, timeline },
    vocabulary,
    lexicon,
    conflicts,
    current,
    index: new TermIndex(manifest.index, new ShardedPostings(manifest.index.shardStarts, store)),
    dictionary: manifest.dictionary,
    source,
    questions: manifest.resident.map(({ passage, record }) => ({ passage, question: record.questions[0] as string })),
    loadPassages: load,
  })
}

/** A knowledge base from a built artifact: whole, or its manifest with the parts in `partsOf(manifest)`. */
export function kbFromArtifact(value: unknown, partsOf: (manifest: Manifest) => ShardStore, source: KbSource): Kb {
  return isManifest(value) ? shardedKb(value, partsOf(value), source) : createKb(value, source)
}
