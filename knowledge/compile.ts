/**
 * Turns knowledge-base files into the artifact: validate, chunk, index.
 * No file I/O here, so tests can compile a knowledge base held in memory.
 */
import { createHash } from 'node:crypto'
import MiniSearch from 'minisearch'
import { ARTIFACT_FORMAT, CHAMPIONS, INDEX_OPTIONS, abbreviationsIn, buildBloom, chunkSection, cleanQuestion, compileLexicon, compileVocabulary, createKb, declinedAsWorded, indexFromMiniSearch, lexiconProblems, listedQuestion, negationsIn, sentences, storeExpansions, terms, timeline, toTerm, topicalText, vocabularyProblems, words, type Artifact, type Dispute, type IndexedPassage, type LexiconData, type PassageRecord, type SourceRecord, type VocabularyData } from '../engine'
import { copyFinder, type SeedPrints } from './copy-check'
import { parseEntry, type Entry } from './parse'

export interface KbFile {
  /** Path shown in messages, e.g. `knowledge/sources/tuc-2016.md`. */
  path: string
  text: string
}

export interface KbInput {
  /** knowledge/sources/*.md */
  files: KbFile[]
  /** knowledge/vocabulary.json */
  vocabulary: KbFile
  /** knowledge/lexicon.json */
  lexicon: KbFile
  /** knowledge/conflicts.json; none when absent. */
  conflicts?: KbFile
  /** Everyday English words, lower case, without names of people or places. */
  dictionary?: readonly string[]
  /** Passages a common term keeps as champions (index/term-index.ts); tests lower it to exercise them on a small KB. */
  championCount?: number
  /** Fingerprints of the seed documents (knowledge/seed-prints.json): sentences copying them are refused. */
  seedPrints?: SeedPrints
}

export type CompileResult = { ok: true; artifact: Artifact } | { ok: false; problems: string[] }

export function compileKb({ files, vocabulary, lexicon, conflicts, dictionary = [], championCount = CHAMPIONS, seedPrints }: KbInput): CompileResult {
  const problems: string[] = []
  const disputes = conflicts ? readConflicts(conflicts, problems) : new Map<string, string>()
  const conflictKeys = new Set(disputes.keys())
  const lexiconData = readJson<LexiconData>(lexicon, problems, (data) =>
    lexiconProblems(data).map(({ path, message }) => `${lexicon.path}:${lineOf(lexicon.text, path.split('.').at(-1)?.replace(/\[\d+\]$/, '') ?? '')}: ${path}: ${message}`),
  )
  const entries: Entry[] = []
  const entryFiles = new Map<Entry, string>()
  const seenIds = new Map<string, string>()
  for (const file of [...files].sort((a, b) => a.path.localeCompare(b.path))) {
    const { entry, id, idLine, problems: found } = parseEntry(file.text, { conflicts: conflictKeys, ...(lexiconData && { kinds: Object.keys(lexiconData.sourceKinds) }) })
    problems.push(...found.map((p) => `${file.path}:${p.line}: ${p.message}`))
    if (id !== undefined) {
      const expected = file.path.replace(/^.*\//, '').replace(/\.md$/, '')
      if (id !== expected) problems.push(`${file.path}:${idLine}: id "${id}" must match the file name "${expected}.md"`)
      const first = seenIds.get(id)
      if (first) problems.push(`${file.path}:${idLine}: duplicate id "${id}" (also in ${first})`)
      seenIds.set(id, file.path)
    }
    if (entry) {
      entries.push(entry)
      entryFiles.set(entry, file.path)
    }
  }
  if (files.length === 0) problems.push('knowledge/sources: no entries found (*.md)')
  const vocabularyData = readJson<VocabularyData>(vocabulary, problems, (data) =>
    vocabularyProblems(data).map(({ at, message }) => `${vocabulary.path}:${lineOf(vocabulary.text, at)}: ${message}`),
  )
  const findCopy = seedPrints && copyFinder(seedPrints)
  for (const entry of entries) {
    const path = entryFiles.get(entry) as string
    for (const section of entry.sections) {
      for (const sentence of findCopy ? sentences(section.text) : []) {
        const copy = findCopy?.(sentence)
        if (copy) {
          problems.push(
            `${path}:${section.line}: a sentence of "${section.heading}" copies ${copy.words} words in a row from seed ${copy.seed} outside quotation marks ("${copy.start} …"): rewrite it in your own words, or quote a short part and say who said it`,
          )
        }
      }
    }
  }
  // A disagreement is shown by giving each side; a key fewer than two sources take a side on shows nothing.
  if (conflicts) {
    const takers = new Map<string, Set<string>>()
    for (const entry of entries) {
      for (const section of entry.sections) {
        const key = section.conflict?.key
        if (key) takers.set(key, (takers.get(key) ?? new Set()).add(entry.meta.id))
      }
    }
    for (const key of conflictKeys) {
      const taken = takers.get(key)?.size ?? 0
      if (taken < 2) problems.push(`${conflicts.path}:${lineOf(conflicts.text, key)}: "${key}" is a side of ${taken === 0 ? 'no' : 'one'} source's passages: mark a passage of each source that disagrees with Conflict: ${key}, or remove the key`)
    }
  }
  if (problems.length > 0 || !vocabularyData || !lexiconData) return { ok: false, problems }

  const sources: SourceRecord[] = entries.map((e) => e.meta)
  const passages: Array<Omit<PassageRecord, 'listed'>> = []
  for (const entry of entries) {
    let n = 0
    for (const section of entry.sections) {
      for (const text of chunkSection(section.text)) {
        n += 1
        const split = sentences(text)
        passages.push({
          id: `${entry.meta.id}#${n}`,
          sourceId: entry.meta.id,
          heading: section.heading,
          text,
          sentences: split,
          sentenceTerms: split.map((s) => [...new Set(terms(s))].join(' ')),
          questions: section.questions,
          ...(section.date && { date: section.date }),
          ...(section.conflict && { conflict: section.conflict.key }),
          ...(section.url && { url: section.url }),
        })
      }
    }
  }

  const index = new MiniSearch<IndexedPassage>(INDEX_OPTIONS)
  const titles = new Map(sources.map((s) => [s.id, s.title]))
  index.addAll(
    passages.map((p, i) => ({
      id: i,
      title: titles.get(p.sourceId) ?? '',
      heading: p.heading,
      text: p.text,
      questions: p.questions.join('\n'),
    })),
  )

  // The period is that of the events reported; sources without event dates fall back on publication.
  const dated = passages.flatMap((p) => (p.date ? [Number(p.date.slice(0, 4))] : []))
  const eventYears = dated.length > 0 ? dated : sources.map((s) => Number(s.published.slice(0, 4)))
  const yearsMentioned = new Set<number>()
  for (const p of passages) for (const m of p.text.matchAll(/\b(19[5-9]\d|20\d\d)\b/g)) yearsMentioned.add(Number(m[1]))
  const sides: Record<string, Dispute> = {}
  passages.forEach((p, i) => {
    if (p.conflict) (sides[p.conflict] ??= { about: disputes.get(p.conflict) ?? '', sides: [] }).sides.push(i)
  })

  const period = { from: Math.min(...eventYears), to: Math.max(...eventYears) }
  const rules = compileLexicon(lexiconData, period)
  // A phrase a question must use, holding words it loses before phrases are matched ("still" of "still trading"), never matches.
  // (A group's phrase is still searched for when another of the group is used.)
  const unmatchable = (vocabularyData.oneWay ?? []).flatMap((o) => o.from).flatMap((phrase) => {
    const kept = words(topicalText(phrase, rules)).map((w) => w.toLowerCase())
    const lost = words(phrase).filter((w) => !kept.includes(w.toLowerCase()))
    return lost.length === 0 ? [] : [`${vocabulary.path}:${lineOf(vocabulary.text, phrase)}: "${phrase}" can never match a question: questions lose "${lost.join(' ')}" before phrases are matched (lexicon question.notTopic)`]
  })
  if (unmatchable.length > 0) return { ok: false, problems: unmatchable }
  const holding = new Map<string, number>()
  for (const p of passages) {
    for (const t of new Set(terms([titles.get(p.sourceId), p.heading, p.text, ...p.questions].join('\n')))) holding.set(t, (holding.get(t) ?? 0) + 1)
  }
  const records: PassageRecord[] = passages.map((p) => ({ ...p, listed: p.questions.map((q) => listedQuestion(q, rules, (t) => holding.get(t) ?? 0)) }))
  // Abbreviations of the sources' names that neither the sources, the vocabulary nor everyday English hold.
  const english = new Set(dictionary)
  const expansions = compileVocabulary(vocabularyData)
  const abbreviations = abbreviationsIn(passages.map((p) => p.text), (word) => {
    const term = toTerm(word)
    return english.has(word) || term === null || holding.has(term) || expansions.has(term)
  })
  // Words of the sources that negate an everyday word, found by a question using that word ("experienced" finds "inexperienced").
  const negations = negationsIn(passages.flatMap((p) => words(p.text)), (word) => english.has(word))
  // Everyday words the sources only ever write capitalised within a sentence ("Wales", "Kent", "Purple Futures") are names there.
  const names = alwaysCapitalised(passages.flatMap((p) => sentences(p.text)), new Set(rules.monthNames.toLowerCase().split('|')))
  // Passages on how things stand: their listed questions ask about now, and they report the period's last events.
  const lastYears = period.to - 1
  const current = passages.flatMap((p, i) => (p.date && Number(p.date.slice(0, 4)) >= lastYears && p.questions.some((q) => rules.question.now.test(q)) ? [i] : []))

  const body: Omit<Artifact, 'version'> = {
    format: ARTIFACT_FORMAT,
    sources,
    passages: records,
    vocabulary: storeExpansions(compileVocabulary({ ...vocabularyData, oneWay: [...(vocabularyData.oneWay ?? []), ...abbreviations, ...negations] })),
    lexicon: lexiconData,
    period: {
      ...period,
      yearsMentioned: [...yearsMentioned].sort((a, b) => a - b),
    },
    conflicts: sides,
    current,
    // Sized for the whole dictionary, so that leaving names out makes no other word read as English.
    dictionary: { ...buildBloom(dictionary.filter((w) => !names.has(w)), undefined, dictionary.length), names: dictionary.filter((w) => names.has(w)).sort() },
    index: indexFromMiniSearch(index, championCount),
    timeline: timeline(sources, records),
  }
  const version = createHash('sha256').update(JSON.stringify(body)).digest('hex').slice(0, 16)
  const artifact = { ...body, version }
  // A listed question the service declines by its wording alone (the future, a person's age) is one no visitor asking it gets answered.
  const { language } = createKb(artifact, 'bundled')
  const texts = new Map(files.map((f) => [f.path, f.text]))
  const declined = entries.flatMap((entry) => {
    const path = entryFiles.get(entry) ?? ''
    return entry.sections.flatMap((section) =>
      section.questions.flatMap((q) => {
        const reason = declinedAsWorded(cleanQuestion(q), language)
        return reason ? [`${path}:${lineOfListed(texts.get(path) ?? '', q, section.line)}: the listed question "${q}" is declined by its wording (${reason}): a visitor asking it gets no answer; ask what the passage tells`] : []
      }),
    )
  })
  if (declined.length > 0) return { ok: false, problems: declined }
  return { ok: true, artifact }
}

/** Line of a listed question ("- …") at or after its section's heading, for messages. */
function lineOfListed(text: string, question: string, from: number): number {
  const lines = text.split('\n')
  const at = lines.findIndex((l, i) => i >= from - 1 && l.replace(/^\s*-\s*/, '').trim() === question)
  return at < 0 ? from : at + 1
}

/** Line of the first occurrence of `"needle"` in a JSON text, for messages; 1 when not found. */
function lineOf(text: string, needle: string): number {
  const at = needle ? text.indexOf(JSON.stringify(needle)) : -1
  return at < 0 ? 1 : text.slice(0, at).split('\n').length
}

function readJson<T>(file: KbFile, problems: string[], check: (data: unknown) => string[]): T | undefined {
  if (file.text === '') {
    problems.push(`${file.path}:1: missing or empty (see knowledge/README.md)`)
    return undefined
  }
  let data: unknown
  try {
    data = JSON.parse(file.text)
  } catch (err) {
    const pos = /position (\d+)/.exec(String((err as Error).message))
    const line = pos ? file.text.slice(0, Number(pos[1])).split('\n').length : 1
    problems.push(`${file.path}:${line}: not valid JSON: ${(err as Error).message}`)
    return undefined
  }
  const found = check(data)
  problems.push(...found)
  return found.length === 0 ? (data as T) : undefined
}

/**
 * knowledge/conflicts.json: `{"key": "What the sources disagree about: their positions", ...}`. Per key, what
 * they disagree about (before the colon), which answers name: "Sources differ on what the contracts were worth:".
 */
function readConflicts(file: KbFile, problems: string[]): Map<string, string> {
  const data = readJson<Record<string, string>>(file, problems, (value) =>
    !value || typeof value !== 'object' || Array.isArray(value)
      ? [`${file.path}:1: expected {"contract-value": "What the contracts were worth: £40m or £55m", ...}`]
      : Object.entries(value).flatMap(([key, what]) => (typeof what === 'string' && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(key) ? [] : [`${file.path}:${lineOf(file.text, key)}: "${key}" must be a slug with a description`])),
  )
  const disputes = new Map<string, string>()
  for (const [key, what] of Object.entries(data ?? {})) {
    const about = DISPUTE.exec(what)?.[1]?.trim()
    if (!about) problems.push(`${file.path}:${lineOf(file.text, key)}: "${key}" must say what the sources disagree about, then a colon and their positions (e.g. "What the contracts were worth: £40m or £55m"): answers name what comes before the colon`)
    disputes.set(key, about ?? '')
  }
  return disputes
}

/** "What the contracts were worth: £40m or £55m": what is disputed, a colon, the positions. */
const DISPUTE = /^([^:]*\p{L}[^:]*):\s*\S/u

/** Words written capitalised at least twice within sentences, never in lower case there, and no month. */
function alwaysCapitalised(texts: readonly string[], months: ReadonlySet<string>): Set<string> {
  const upper = new Map<string, number>()
  const lower = new Set<string>()
  for (const text of texts) {
    // The first word is capitalised as the sentence's start.
    for (const w of (text.match(/\p{L}[\p{L}'’-]*/gu) ?? []).slice(1)) {
      const key = w.toLowerCase()
      if (/^\p{Lu}\p{Ll}+$/u.test(w)) upper.set(key, (upper.get(key) ?? 0) + 1)
      else if (/^\p{Ll}+$/u.test(w)) lower.add(w)
    }
  }
  return new Set([...upper].filter(([w, n]) => n >= 2 && !lower.has(w) && !months.has(w)).map(([w]) => w))
}

