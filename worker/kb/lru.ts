/**
 * A map that keeps at most `capacity` units of weight, dropping the least
 * recently used entries first. Weight lets big entries (hits of a common
 * term) count for what they hold.
 */
export class Lru<K, V> {
  private readonly entries = new Map<K, { value: V; weight: number }>()
  private total = 0

  constructor(private readonly capacity: number) {}

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
    for (const [k, e] of this.entries) {
      if (this.total <= this.capacity || k === key) break
      this.entries.delete(k)
      this.total -= e.weight
    }
    return value
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
