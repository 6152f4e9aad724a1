/**
 * The parts of a sharded knowledge base on the maintainer's side: where
 * `kb:build` writes them, how the quality check reads them, and how
 * `kb:shards` and `kb:publish` put them in the KB_SHARDS bucket, under the
 * keys the Worker reads (engine/index/shards.ts).
 */
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { partKey, partNames, type Manifest, type ShardStore } from '../engine'
import { putObjects, resourceName, wrangler, WranglerError, type Target } from './wrangler'

export const SHARDS_DIR = 'generated/kb-shards'

/** The parts of one version, as `kb:build` writes them. */
export function partsDir(version: string, root = SHARDS_DIR): string {
  return join(root, version)
}

export function fileShardStore(dir: string): ShardStore {
  return { get: (name) => readFile(join(dir, name), 'utf8').catch(() => null) }
}

/** Parts read from the bucket through Wrangler, one run per part: for checking a version whose parts are no longer on disk. */
export function bucketShardStore(version: string, target: Target): ShardStore {
  const bucket = resourceName('KB_SHARDS', 'bucket_name')
  return {
    async get(name) {
      try {
        return wrangler(['r2', 'object', 'get', `${bucket}/${partKey(version, name)}`, '--pipe'], target)
      } catch (err) {
        if (err instanceof WranglerError && /specified key does not exist/i.test(err.message)) return null
        throw err
      }
    },
  }
}

/** The store to check `manifest` with: its parts on disk when they are there, else in the bucket. */
export function shardStoreFor(manifest: Manifest, target: Target, root = SHARDS_DIR): ShardStore {
  const dir = partsDir(manifest.version, root)
  return existsSync(dir) ? fileShardStore(dir) : bucketShardStore(manifest.version, target)
}

/**
 * Uploads every part the manifest names, in one Wrangler run. Throws, having
 * uploaded possibly some, when any part is absent or fails to upload; parts
 * are immutable per version, so running it again is safe.
 */
export async function uploadParts(manifest: Manifest, target: Target, root = SHARDS_DIR): Promise<{ bucket: string; prefix: string; count: number }> {
  const dir = partsDir(manifest.version, root)
  const objects = partNames(manifest).map((name) => ({ key: partKey(manifest.version, name), file: resolve(dir, name) }))
  const bucket = resourceName('KB_SHARDS', 'bucket_name')
  await putObjects(bucket, objects, target)
  return { bucket, prefix: partKey(manifest.version, ''), count: objects.length }
}
