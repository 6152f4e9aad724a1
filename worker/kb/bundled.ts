/**
 * The knowledge base built into the deploy by `npm run kb:build`: the whole
 * artifact, or for a KB too big for the script, its manifest with the rest
 * in the KB_SHARDS bucket (see shards.ts).
 */
import { env } from 'cloudflare:workers'
import artifact from '../../generated/kb.json'
import type { Bindings } from '../env'
import { createKb, type Kb } from './load'
import { isManifest, r2ShardStore, shardedKb } from './shards'

let kb: Kb | undefined

export function bundledKb(): Kb {
  if (kb) return kb
  if (!isManifest(artifact)) return (kb = createKb(artifact, 'bundled'))
  const bucket = (env as unknown as Bindings).KB_SHARDS
  if (!bucket) throw new Error('the bundled knowledge base is sharded but the KB_SHARDS bucket is not bound')
  return (kb = shardedKb(artifact, r2ShardStore(bucket, artifact.version), 'bundled'))
}
