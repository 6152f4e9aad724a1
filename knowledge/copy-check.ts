/**
 * Finds sentences that copy a run of a seed document's words outside
 * quotation marks. The seeds themselves are not in the repository, so the
 * check reads fingerprints of them: a hash of every run of RUN words.
 */
import { createHash } from 'node:crypto'

/** Consecutive words that make a copy. */
export const RUN = 20

export interface SeedPrints {
  run: number
  /** Per seed file name, the hashes of its runs of `run` words. */
  seeds: Record<string, string[]>
}

function tokens(text: string): string[] {
  return text.normalize('NFKC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []
}

function hash(words: string[]): string {
  return createHash('sha256').update(words.join(' ')).digest('hex').slice(0, 12)
}

/** Fingerprints of seed texts, for knowledge/seed-prints.json. */
export function fingerprint(seeds: Record<string, string>, run = RUN): SeedPrints {
  const out: Record<string, string[]> = {}
  for (const [name, text] of Object.entries(seeds)) {
    const ws = tokens(text)
    const set = new Set<string>()
    for (let i = 0; i + run <= ws.length; i++) set.add(hash(ws.slice(i, i + run)))
    out[name] = [...set].sort()
  }
  return { run, seeds: out }
}

/**
 * The parts of a text outside quotation marks: double quotes of any kind,
 * and single quotes that open after a space or bracket and close before one
 * (an apostrophe inside a word is not a quote).
 */
export function unquoted(text: string): string[] {
  return text
    .replace(/[\u201C\u201D\u201E\u201F]/g, '"')
    .replace(/[\u2018\u2019]/g, "'")
    .split(/"[^"]*"|(?<![\p{L}\p{N}])'[^']*'(?![\p{L}\p{N}])/u)
}

export interface Copy {
  seed: string
  /** Words copied in a row. */
  words: number
  /** The copied run's first words. */
  start: string
}

export type CopyFinder = (text: string) => Copy | undefined

/** A finder of the longest copied run in a text, or undefined when none reaches the fingerprints' run. */
export function copyFinder(prints: SeedPrints): CopyFinder {
  const owner = new Map<string, string>()
  for (const [seed, hashes] of Object.entries(prints.seeds)) for (const h of hashes) owner.set(h, seed)
  return (text) => {
    let best: Copy | undefined
    for (const part of unquoted(text)) {
      const ws = tokens(part)
      let runStart = -1
      let seed = ''
      for (let i = 0; i + prints.run <= ws.length + 1; i++) {
        const found = i + prints.run <= ws.length ? owner.get(hash(ws.slice(i, i + prints.run))) : undefined
        if (found && runStart < 0) {
          runStart = i
          seed = found
        } else if (!found && runStart >= 0) {
          const words = i - 1 - runStart + prints.run
          if (!best || words > best.words) best = { seed, words, start: ws.slice(runStart, runStart + 8).join(' ') }
          runStart = -1
        }
      }
    }
    return best
  }
}
