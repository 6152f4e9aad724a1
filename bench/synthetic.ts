/**
 * Synthetic knowledge bases for the bench: Markdown entries in the real
 * format, so they go through the real build. Sentences come from a bigram
 * model of the real sources' text (the real KB's word distribution), with
 * invented place, company and people names mixed in so the vocabulary grows
 * with the size of the knowledge base as real text does. Deterministic from
 * the seed.
 */
import type { KbFile } from '../knowledge/compile'

/** Small, fast, seedable PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const SECTIONS_PER_SOURCE = 40
const SYLLABLES = 'ab al an ar ash bar ber bury by caster ch den don ell en er ford gate ham hurst ing kirk lan ley lin mar mer mont mor ness ort ow shire stock ton vale wick win wood worth'.split(' ')

/** Section bodies (no headings, no question lists) of the real sources. */
export function realText(files: KbFile[]): string[] {
  const bodies: string[] = []
  for (const f of files) {
    const body = f.text.replace(/^---[\s\S]*?\n---\n/, '')
    for (const section of body.split(/^## .*$/m).slice(1)) {
      // The section's prose only: not its Questions, nor its Date:, Conflict: and URL: lines.
      const prose = section.replace(/\nQuestions:[\s\S]*$/, '').replace(/^(Date|Conflict|URL):.*$/gm, '')
      bodies.push(prose.replace(/\s+/g, ' ').trim())
    }
  }
  return bodies.filter(Boolean)
}

interface Model {
  starts: string[]
  next: Map<string, string[]>
}

function bigrams(bodies: string[]): Model {
  const starts: string[] = []
  const next = new Map<string, string[]>()
  for (const body of bodies) {
    const tokens = body.split(' ')
    tokens.forEach((t, i) => {
      if (i === 0 || /[.!?]["')]?$/.test(tokens[i - 1] ?? '')) starts.push(t)
      const following = tokens[i + 1]
      if (following === undefined) return
      const list = next.get(t) ?? []
      list.push(following)
      next.set(t, list)
    })
  }
  return { starts, next }
}

/**
 * `passages` passages' worth of entries (one passage per section: sections
 * are kept under the 150-word chunking limit) and the vocabulary file.
 */
export function syntheticKb(realFiles: KbFile[], passages: number, seed: number, answerable: (question: string) => boolean = () => true): KbFile[] {
  const random = rng(seed)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T
  const model = bigrams(realText(realFiles))
  // Zipf-like draws from a lexicon of invented names that grows with the KB.
  const lexicon = Array.from({ length: Math.max(200, Math.round(passages * 0.6)) }, () => {
    const n = 2 + Math.floor(random() * 3)
    const word = Array.from({ length: n }, () => pick(SYLLABLES)).join('')
    return word.charAt(0).toUpperCase() + word.slice(1)
  })
  const name = () => lexicon[Math.floor(lexicon.length * random() ** 2.5)] as string

  const sentence = (): string => {
    const out = [pick(model.starts)]
    while (out.length < 40) {
      const last = out[out.length - 1] as string
      if (out.length > 6 && /[.!?]["')]?$/.test(last)) break
      const options = model.next.get(last)
      if (!options) break
      let word = pick(options)
      if (/^[A-Z][a-z]{3,}$/.test(word) && random() < 0.35) word = name()
      out.push(word)
    }
    const text = out.join(' ')
    return /[.!?]["')]?$/.test(text) ? text : `${text}.`
  }
  const section = (): string => {
    const parts: string[] = []
    let words = 0
    const target = 50 + Math.floor(random() * 90)
    while (words < target) {
      const s = sentence()
      if (words + s.split(' ').length > 145) break
      parts.push(s)
      words += s.split(' ').length
    }
    return parts.join(' ')
  }

  const files: KbFile[] = []
  let made = 0
  for (let n = 1; made < passages; n++) {
    const count = Math.min(SECTIONS_PER_SOURCE, passages - made)
    const id = `synthetic-${String(n).padStart(5, '0')}`
    const year = 2014 + (n % 6)
    const lines = [
      '---',
      `id: ${id}`,
      `title: "${name()} ${pick(['probation review', 'inspection report', 'CRC update', 'court findings', 'union briefing'])} ${n}"`,
      `publisher: "${name()} ${pick(['Inspectorate', 'Council', 'Gazette', 'Trust'])}"`,
      `kind: ${pick(['inspectorate', 'news', 'union', 'parliament'])}`,
      `published: "${year}-${String(1 + (n % 12)).padStart(2, '0')}"`,
      `url: "https://example.org/synthetic/${n}"`,
      `summary: "Synthetic entry ${n} for the bench."`,
      '---',
      '',
    ]
    for (let s = 0; s < count; s++) {
      let body = section()
      while (body.split(' ').length < 45) body = `${body} ${sentence()}`
      const heading = sentence().replace(/[.!?]["')]?$/, '').split(' ').slice(0, 8).join(' ')
      lines.push(`## ${heading}`, '', body, '', 'Questions:')
      // Listed questions the service would decline by their wording (a later year, "the future") are drawn again, a few times at most: the build refuses them.
      for (let q = 0; q < 2; q++) {
        for (let tries = 0; tries < 10; tries++) {
          const question = `What about ${sentence().split(' ').slice(1, 6).join(' ').replace(/[.!?,;:"')(]+/g, '')}?`
          if (!answerable(question)) continue
          lines.push(`- ${question}`)
          break
        }
      }
      lines.push('')
    }
    files.push({ path: `synthetic/sources/${id}.md`, text: lines.join('\n') })
    made += count
  }
  return files
}
