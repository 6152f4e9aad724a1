/**
 * Where published knowledge-base artifacts live in storage, and the "current"
 * pointer that says which one is served. Shared by the Worker (reads) and
 * `npm run kb:publish` (writes); imports nothing so both can use it.
 */

/** Object holding the pointer. Moving it is one write, so a publish or rollback is all-or-nothing. */
export const POINTER_KEY = 'kb/current.json'

/** Published artifacts are immutable: one object per version, never overwritten. */
export function artifactKey(version: string): string {
  return `kb/versions/${version}.json`
}

/** How many earlier versions the pointer remembers for rollback. */
export const HISTORY = 20

export interface Pointer {
  version: string
  /** ISO timestamp of the publish or rollback that set this pointer. */
  publishedAt: string
  /** Earlier versions, most recent first: what `kb:publish --rollback` returns to. */
  previous: string[]
}

const VERSION = /^[\w.-]{1,64}$/

export class PointerError extends Error {
  override name = 'PointerError'
}

export function parsePointer(text: string): Pointer {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    throw new PointerError(`${POINTER_KEY} is not valid JSON`)
  }
  const p = value as Partial<Pointer> | null
  if (!p || typeof p !== 'object' || typeof p.version !== 'string' || !VERSION.test(p.version)) {
    throw new PointerError(`${POINTER_KEY} lacks a valid "version"`)
  }
  const previous = Array.isArray(p.previous) ? p.previous.filter((v): v is string => typeof v === 'string' && VERSION.test(v)) : []
  return { version: p.version, publishedAt: typeof p.publishedAt === 'string' ? p.publishedAt : '', previous }
}

/** The pointer after publishing `version` over `current` (undefined when nothing was published yet). */
export function publishedPointer(current: Pointer | undefined, version: string, at: Date): Pointer {
  const previous = current ? [current.version, ...current.previous.filter((v) => v !== current.version)] : []
  return { version, publishedAt: at.toISOString(), previous: previous.filter((v) => v !== version).slice(0, HISTORY) }
}

/** The pointer after rolling back: the most recent earlier version, or an error when there is none. */
export function rolledBackPointer(current: Pointer | undefined, at: Date): Pointer {
  const [version, ...rest] = current?.previous ?? []
  if (!current || !version) throw new PointerError('nothing to roll back to: no earlier version was published')
  return { version, publishedAt: at.toISOString(), previous: rest }
}
