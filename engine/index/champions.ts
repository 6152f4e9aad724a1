/**
 * Champion lists (Manning, Raghavan and Schütze, "Introduction to Information
 * Retrieval", section 7.1.3). A common word matches most passages of a large
 * knowledge base, yet only its best-scoring passages can lift one into the
 * answer. The build stores each common term's champions; retrieval gathers
 * candidates from them, then scores the candidates against the full lists,
 * so the work per question stops growing with the knowledge base while the
 * hits it returns keep exact scores.
 */
import type { Scored } from './term-index'

/** The k-th largest of `values` (1-based), by quickselect on a copy. */
function kthLargest(values: Float64Array, k: number): number {
  const a = values.slice()
  const target = k - 1
  let lo = 0
  let hi = a.length - 1
  while (lo < hi) {
    const pivot = a[(lo + hi) >> 1] as number
    let i = lo
    let j = hi
    while (i <= j) {
      while ((a[i] as number) > pivot) i++
      while ((a[j] as number) < pivot) j--
      if (i <= j) {
        const t = a[i] as number
        a[i++] = a[j] as number
        a[j--] = t
      }
    }
    if (target <= j) hi = j
    else if (target >= i) lo = i
    else break
  }
  return a[target] as number
}

/** The `k` best-scoring entries of `list`, still in position order (ties go to the earlier passage). */
export function champions(list: Scored, k: number): Scored {
  const n = list.docs.length
  if (n <= k) return list
  const threshold = kthLargest(list.scores, k)
  let above = 0
  for (let i = 0; i < n; i++) if ((list.scores[i] as number) > threshold) above++
  let ties = k - above
  const docs = new Int32Array(k)
  const scores = new Float64Array(k)
  let out = 0
  for (let i = 0; i < n && out < k; i++) {
    const score = list.scores[i] as number
    if (score < threshold || (score === threshold && ties-- <= 0)) continue
    docs[out] = list.docs[i] as number
    scores[out++] = score
  }
  return { docs, scores }
}
