/**
 * What cached answers and search validators are keyed on: the versions that
 * decide a response (knowledge base and Worker code) and a hash of the request.
 */
import type { Context } from 'hono'
import type { AppEnv } from '../env'

export interface CacheVersions {
  kb: string
  worker: string
}

export function cacheVersions(c: Context<AppEnv>): CacheVersions {
  return { kb: c.var.kb.info.version, worker: c.env.CF_VERSION_METADATA.id }
}

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('')
}
