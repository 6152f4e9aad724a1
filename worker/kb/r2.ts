/** A sharded knowledge base's parts read from an R2 bucket (engine/index/shards.ts names them). */
import { partKey, type ShardStore } from '../../engine'

/** Parts in an R2 bucket under `<prefix><version>/`. */
export function r2ShardStore(bucket: R2Bucket, version: string, prefix = 'kb/'): ShardStore {
  return {
    async get(name) {
      const object = await bucket.get(partKey(version, name, prefix))
      return object ? object.text() : null
    },
  }
}
