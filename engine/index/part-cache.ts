/**
 * Parts of a sharded knowledge base (term shards, passage blocks) held in the
 * isolate within a byte budget, least recently used dropped first, so a big
 * KB cannot fill the isolate's 128 MB.
 *
 * The answer code loads what a question needs, then reads it synchronously
 * (retrieve → compose has no I/O between the two), while other requests in
 * the same isolate load other parts. So a part stays pinned from the start of
 * the load that asked for it until the next macrotask, when every synchronous
 * read that followed the load has run; only unpinned parts are dropped. The
 * budget can thus be exceeded by what in-flight loads hold, never for longer.
 */
import { Lru } from '../lru'

export interface Fetched<V> {
  value: V
  /** What the part weighs against the budget: its size as stored. */
  bytes: number
}

export class PartCache<V> {
  private readonly parts: Lru<number, V>
  private readonly pending = new Map<number, Promise<void>>()
  private readonly pins = new Map<number, number>()

  constructor(
    budget: number,
    private readonly fetch: (part: number) => Promise<Fetched<V>>,
    dropped?: (part: number, value: V) => void,
  ) {
    this.parts = new Lru(budget, { keep: (part) => this.pins.has(part), ...(dropped ? { dropped } : {}) })
  }

  /** The part if it is held; counts as a use. */
  get(part: number): V | undefined {
    return this.parts.get(part)
  }

  /** Makes sure these parts are held, fetching each missing one once even when loads overlap. */
  async load(parts: Iterable<number>): Promise<void> {
    const wanted = [...new Set(parts)]
    for (const part of wanted) this.pins.set(part, (this.pins.get(part) ?? 0) + 1)
    try {
      await Promise.all(wanted.filter((part) => this.parts.get(part) === undefined).map((part) => this.fetchOnce(part)))
    } finally {
      setTimeout(() => this.release(wanted), 0)
    }
  }

  private fetchOnce(part: number): Promise<void> {
    let p = this.pending.get(part)
    if (!p) {
      p = this.fetch(part)
        .then(({ value, bytes }) => void this.parts.set(part, value, bytes))
        .finally(() => this.pending.delete(part))
      this.pending.set(part, p)
    }
    return p
  }

  private release(parts: number[]): void {
    for (const part of parts) {
      const count = (this.pins.get(part) as number) - 1
      if (count > 0) this.pins.set(part, count)
      else this.pins.delete(part)
    }
    this.parts.trim()
  }
}
