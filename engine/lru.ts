export interface LruHooks<K, V> {
  /** Entries that must stay for now, even over capacity; `trim` drops them once this says they may go. */
  keep?: (key: K) => boolean
  /** Told of each entry dropped for room, so whoever holds copies of its value can let them go. */
  dropped?: (key: K, value: V) => void
}

/**
 * A map that keeps at most `capacity` units of weight, dropping the least
 * recently used entries first. Weight lets big entries (hits of a common
 * term) count for what they hold.
 */
export class Lru<K, V> {
  private readonly entries = new Map<K, { value: V; weight: number }>()
  private total = 0

  constructor(
    private readonly capacity: number,
    private readonly hooks: LruHooks<K, V> = {},
  ) {}

  get(key: K): V | undefined {
    const entry = this.entries.get(key)
    if (!entry) return undefined
    this.entries.delete(key)
    this.entries.set(key, entry)
    return entry.value
  }

  set(key: K, value: V, weight = 1): V {
    this.delete(key)
    this.entries.set(key, { value, weight })
    this.total += weight
    this.trim(key)
    return value
  }

  /** Drops least recently used entries until the weight is within capacity, sparing `spare` and kept ones. */
  trim(spare?: K): void {
    for (const [k, e] of this.entries) {
      if (this.total <= this.capacity) break
      if (k === spare || this.hooks.keep?.(k)) continue
      this.entries.delete(k)
      this.total -= e.weight
      this.hooks.dropped?.(k, e.value)
    }
  }

  /** Corrects the weight of an entry once it is known. */
  reweigh(key: K, weight: number): void {
    const entry = this.entries.get(key)
    if (entry) this.set(key, entry.value, weight)
  }

  delete(key: K): void {
    const entry = this.entries.get(key)
    if (!entry) return
    this.entries.delete(key)
    this.total -= entry.weight
  }
}
