/**
 * Decides how the artifact ships: whole in the Worker script when it fits,
 * otherwise split into a bundled manifest and parts for the KB_SHARDS bucket.
 */
import { gzipSync } from 'node:zlib'
import { splitArtifact, storeArtifact, type Artifact } from '../engine'

/** Gzip bytes the artifact may take of the free plan's 3 MB script limit; the rest is for code. */
export const BUNDLE_BUDGET = 2.75 * 1024 * 1024

export interface Packed {
  /** JSON for generated/kb.json. */
  bundle: string
  /** Parts for the shard store, by name; absent when the artifact is bundled whole. */
  parts?: Map<string, string>
}

export function packArtifact(artifact: Artifact): Packed {
  const whole = JSON.stringify(storeArtifact(artifact))
  if (gzipSync(whole).length <= BUNDLE_BUDGET) return { bundle: whole }
  const { manifest, parts } = splitArtifact(artifact)
  return { bundle: JSON.stringify(manifest), parts }
}
