/**
 * Fuzzy lookup in a sorted term list: every term within `maxDistance`
 * Levenshtein edits of a word. Sorted terms are a trie laid flat, so the
 * edit-distance rows of a shared prefix are reused from one term to the
 * next, and a prefix already too far off skips every term that starts with
 * it. Nothing is built first: an isolate's first typo costs no more than
 * its later ones.
 */

/** Each term within `maxDistance` edits of `word`, by its ordinal in `terms`, with its distance; in term order. */
export function fuzzyMatches(terms: readonly string[], word: string, maxDistance: number): Map<string, [number, number]> {
  const found = new Map<string, [number, number]>()
  const width = word.length + 1
  const outOfReach = maxDistance + 1
  // rows[depth * width + j]: edits between the first `depth` letters of the current term and the first j of `word`.
  let rows = new Uint16Array(width * 16)
  for (let j = 0; j < width; j++) rows[j] = j
  let previous = ''
  /** How many rows, from depth 1 on, hold the previous term's prefixes. */
  let valid = 0
  let i = 0
  while (i < terms.length) {
    const term = terms[i] as string
    if ((term.length + 1) * width > rows.length) {
      const grown = new Uint16Array((term.length + 1) * width * 2)
      grown.set(rows)
      rows = grown
    }
    let depth = sharedPrefix(previous, term, valid)
    let tooFar = false
    while (depth < term.length) {
      const code = term.charCodeAt(depth)
      const above = depth * width
      const row = above + width
      depth++
      // Only cells within maxDistance of the diagonal can stay within reach; those beside the band read as out of reach.
      const lo = Math.max(1, depth - maxDistance)
      const hi = Math.min(word.length, depth + maxDistance)
      rows[row] = depth
      if (lo > 1) rows[row + lo - 1] = outOfReach
      if (hi < word.length) rows[row + hi + 1] = outOfReach
      let least = depth
      for (let j = lo; j <= hi; j++) {
        const cost = word.charCodeAt(j - 1) === code ? 0 : 1
        const edits = Math.min((rows[above + j] as number) + 1, (rows[row + j - 1] as number) + 1, (rows[above + j - 1] as number) + cost)
        rows[row + j] = edits
        if (edits < least) least = edits
      }
      if (least > maxDistance) {
        tooFar = true
        break
      }
    }
    previous = term
    valid = depth
    if (tooFar) {
      // No term starting with this prefix can come within reach: skip them all.
      i = firstAfterPrefix(terms, term.slice(0, depth), i + 1)
      continue
    }
    if (Math.abs(term.length - word.length) <= maxDistance) {
      const distance = rows[depth * width + width - 1] as number
      if (distance <= maxDistance) found.set(term, [i, distance])
    }
    i++
  }
  return found
}

function sharedPrefix(a: string, b: string, limit: number): number {
  let n = 0
  while (n < limit && n < b.length && a.charCodeAt(n) === b.charCodeAt(n)) n++
  return n
}

/** The first position from `from` whose term does not start with `prefix` (terms are sorted, so a binary search). */
function firstAfterPrefix(terms: readonly string[], prefix: string, from: number): number {
  let lo = from
  let hi = terms.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if ((terms[mid] as string).startsWith(prefix)) lo = mid + 1
    else hi = mid
  }
  return lo
}
