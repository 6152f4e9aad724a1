/**
 * The knowledge base built into the deploy by `npm run kb:build`: the whole
 * artifact, or for a KB too big for the script, its manifest with the rest
 * in the KB_SHARDS bucket (see engine/index/shards.ts).
 */
import { env } from 'cloudflare:workers'
import artifact from '../../generated/kb.json'
import type { Bindings } from '../env'
import { isManifest, kbFromArtifact, warmUp, type Kb } from '../../engine'
import { r2ShardStore } from './r2'

let kb: Kb | undefined

// A whole bundled KB is loaded and warmed while the isolate starts, so no visitor's question waits for it (a
// sharded one needs R2, which start-up cannot reach). A KB that fails to load fails again, and is reported,
// in the first request that reads it.
if (!isManifest(artifact)) {
  try {
    warmUp(bundledKb()).catch((err: unknown) => console.error(`kb: warming up the bundled knowledge base failed: ${String(err)}`))
  } catch {
    // Left to the first request, as above.
  }
}

export function bundledKb(): Kb {
  kb ??= kbFromArtifact(artifact, ({ version }) => r2ShardStore(shardsBucket('the bundled knowledge base'), version), 'bundled')
  return kb
}

/** The bucket of sharded versions' parts; `what` names the version for the error when it is not bound. */
export function shardsBucket(what: string): R2Bucket {
  const bucket = (env as unknown as Bindings).KB_SHARDS
  if (!bucket) throw new Error(`${what} is sharded but the KB_SHARDS bucket is not bound`)
  return bucket
}
