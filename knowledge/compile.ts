/**
 * Turns knowledge-base files into the artifact: validate, chunk, index.
 * No file I/O here, so tests can compile a knowledge base held in memory.
 */
import { createHash } from 'node:crypto'
import MiniSearch from 'minisearch'
import { buildBloom } from '../engine/bloom'
import { ARTIFACT_FORMAT, type Artifact, type PassageRecord, type SourceRecord } from '../engine/artifact'
import { chunkSection } from '../engine/chunk'
import { INDEX_OPTIONS, type IndexedPassage } from '../engine/index/options'
import { CHAMPIONS, indexFromMiniSearch } from '../engine/index/term-index'
import { sentences } from '../engine/text'
import { timeline } from '../engine/timeline'
import { copyFinder, type SeedPrints } from './copy-check'
import { parseEntry, type Entry } from './parse'

export interface KbFile {
  /** Path shown in messages, e.g. `knowledge/sources/tuc-2016.md`. */
  path: string
  text: string
}

export type CompileResult = { ok: true; artifact: Artifact } | { ok: false; problems: string[] }

/**
 * `dictionary`: everyday English words, lower case, without names of people or places.
 * `championCount`: passages a common term keeps as champions (term-index.ts); tests lower it to exercise them on a small KB.
 */
export function compileKb(
  files: KbFile[],
  vocabulary: KbFile,
  dictionary: readonly string[] = [],
  championCount = CHAMPIONS,
  { conflicts = { path: 'knowledge/conflicts.json', text: '{}' }, seedPrints }: { conflicts?: KbFile; seedPrints?: SeedPrints } = {},
): CompileResult {
  const problems: string[] = []
  const entries: Entry[] = []
  const seenIds = new Map<string, string>()
  for (const file of [...files].sort((a, b) => a.path.localeCompare(b.path))) {
    const { entry, id, idLine, problems: found } = parseEntry(file.text)
    problems.push(...found.map((p) => `${file.path}:${p.line}: ${p.message}`))
    if (id !== undefined) {
      const expected = file.path.replace(/^.*\//, '').replace(/\.md$/, '')
      if (id !== expected) problems.push(`${file.path}:${idLine}: id "${id}" must match the file name "${expected}.md"`)
      const first = seenIds.get(id)
      if (first) problems.push(`${file.path}:${idLine}: duplicate id "${id}" (also in ${first})`)
      seenIds.set(id, file.path)
    }
    if (entry) entries.push(entry)
  }
  if (files.length === 0) problems.push('knowledge/sources: no entries found (*.md)')
  const groups = parseVocabulary(vocabulary, problems)
  const conflictKeys = parseConflicts(conflicts, problems)
  const findCopy = seedPrints && copyFinder(seedPrints)
  for (const file of files) {
    const entry = entries.find((e) => file.path.endsWith(`/${e.meta.id}.md`))
    for (const section of entry?.sections ?? []) {
      if (section.conflict && !conflictKeys.has(section.conflict.key)) {
        problems.push(`${file.path}:${section.conflict.line}: Conflict "${section.conflict.key}" is not listed in ${conflicts.path}`)
      }
      for (const sentence of findCopy ? sentences(section.text) : []) {
        const copy = findCopy?.(sentence)
        if (copy) {
          problems.push(
            `${file.path}:${section.line}: a sentence of "${section.heading}" copies ${copy.words} words in a row from seed ${copy.seed} outside quotation marks ("${copy.start} …"): rewrite it in your own words, or quote a short part and say who said it`,
          )
        }
      }
    }
  }
  if (problems.length > 0) return { ok: false, problems }

  const sources: SourceRecord[] = entries.map((e) => e.meta)
  const passages: PassageRecord[] = []
  for (const entry of entries) {
    let n = 0
    for (const section of entry.sections) {
      for (const text of chunkSection(section.text)) {
        n += 1
        passages.push({
          id: `${entry.meta.id}#${n}`,
          sourceId: entry.meta.id,
          heading: section.heading,
          text,
          sentences: sentences(text),
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

  const body: Omit<Artifact, 'version'> = {
    format: ARTIFACT_FORMAT,
    sources,
    passages,
    vocabulary: groups,
    period: {
      from: Math.min(...eventYears),
      to: Math.max(...eventYears),
      yearsMentioned: [...yearsMentioned].sort((a, b) => a - b),
    },
    dictionary: buildBloom(dictionary),
    index: indexFromMiniSearch(index, championCount),
    timeline: timeline(sources, passages),
  }
  const version = createHash('sha256').update(JSON.stringify(body)).digest('hex').slice(0, 16)
  return { ok: true, artifact: { ...body, version } }
}

function parseVocabulary(file: KbFile, problems: string[]): string[][] {
  let data: unknown
  try {
    data = JSON.parse(file.text)
  } catch (err) {
    const pos = /position (\d+)/.exec(String((err as Error).message))
    const line = pos ? file.text.slice(0, Number(pos[1])).split('\n').length : 1
    problems.push(`${file.path}:${line}: not valid JSON: ${(err as Error).message}`)
    return []
  }
  const groups = (data as { groups?: unknown })?.groups
  if (!Array.isArray(groups)) {
    problems.push(`${file.path}:1: expected {"groups": [["CRC", "Community Rehabilitation Company"], ...]}`)
    return []
  }
  const lineOf = (needle: string) => {
    const at = file.text.indexOf(JSON.stringify(needle))
    return at < 0 ? 1 : file.text.slice(0, at).split('\n').length
  }
  const out: string[][] = []
  groups.forEach((group, i) => {
    if (!Array.isArray(group) || group.length < 2 || !group.every((p) => typeof p === 'string' && p.trim() !== '')) {
      const first = Array.isArray(group) && typeof group[0] === 'string' ? lineOf(group[0]) : 1
      problems.push(`${file.path}:${first}: group ${i + 1} must list at least two non-empty phrases`)
      return
    }
    out.push(group.map((p: string) => p.trim()))
  })
  return out
}

/** knowledge/conflicts.json: `{"key": "what the sources disagree about", ...}`. */
function parseConflicts(file: KbFile, problems: string[]): Set<string> {
  let data: unknown
  try {
    data = JSON.parse(file.text)
  } catch (err) {
    problems.push(`${file.path}:1: not valid JSON: ${(err as Error).message}`)
    return new Set()
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    problems.push(`${file.path}:1: expected {"contract-value": "what the sources disagree about", ...}`)
    return new Set()
  }
  return new Set(Object.keys(data))
}
