/**
 * Turns an artifact into the in-memory knowledge base the engine reads.
 * Loading is lazy (first request, not start-up) and happens once per isolate
 * per artifact version. Loading only parses: postings are decoded per term
 * when a query first needs them (see index/term-index.ts).
 */
import { assertArtifact, restorePassage, type Artifact, type Dispute, type PassageRecord, type SourceRecord } from './artifact'
import { bloomTest } from './bloom'
import { inlinePostings, TermIndex } from './index/term-index'
import { compileLexicon } from './lexicon'
import { toTerm } from './text'
import type { Language } from './understand'
import { restoreExpansions } from './vocabulary'

/** Where a served knowledge base came from: built into the deploy, or published to storage. */
export type KbSource = 'bundled' | 'storage'

export interface KbInfo {
  /** Content hash of the artifact. */
  version: string
  source: KbSource
  documents: number
  passages: number
}

/** What the engine reads of the artifact. */
export interface KbContent {
  version: string
  sources: SourceRecord[]
  /**
   * Indexed by passage position. A sharded KB fills this in as passage
   * blocks load; retrieval loads the passages of every hit it returns.
   */
  passages: PassageRecord[]
  period: Artifact['period']
  timeline: Artifact['timeline']
}

export interface Kb {
  info: KbInfo
  artifact: KbContent
  index: TermIndex
  sources: ReadonlyMap<string, SourceRecord>
  /** The lexicon, compiled, the vocabulary's expansions and the years mentioned: what understanding reads. */
  language: Language
  /** Per disagreement key, what it is about and the positions of its sides' passages. */
  conflicts: ReadonlyMap<string, Dispute>
  /** Passages saying how things stand at the end of the period (Artifact.current). */
  current: ReadonlySet<number>
  /** Whether a lower-case word is everyday English rather than a name. */
  isEnglishWord: (word: string) => boolean
  /** Whether a lower-case word is in the dictionary at all, names the sources make of its words included ("Select Committee"). */
  isDictionaryWord: (word: string) => boolean
  /** Questions the maintainers wrote, with the passage that answers each: the pool suggestions fall back on. */
  questions: ReadonlyArray<{ passage: number; question: string }>
  /** Makes sure `artifact.passages` holds these positions; nothing to do for a bundled KB. */
  loadPassages(positions: number[]): Promise<void>
}

export interface KbParts {
  content: KbContent
  vocabulary: Artifact['vocabulary']
  lexicon: Artifact['lexicon']
  conflicts: Artifact['conflicts']
  current: Artifact['current']
  index: TermIndex
  dictionary: Artifact['dictionary']
  source: KbSource
  questions: Kb['questions']
  loadPassages: Kb['loadPassages']
}

export function assembleKb({ content, vocabulary, lexicon, conflicts, current, index, dictionary, source, questions, loadPassages }: KbParts): Kb {
  const { from, to, yearsMentioned } = content.period
  const isEnglishWord = bloomTest(dictionary)
  const capitalised = new Set(dictionary.names)
  const isDictionaryWord = (word: string) => isEnglishWord(word) || capitalised.has(word)
  return {
    info: { version: content.version, source, documents: content.sources.length, passages: content.passages.length },
    artifact: content,
    index,
    sources: new Map(content.sources.map((s) => [s.id, s])),
    language: { lexicon: compileLexicon(lexicon, { from, to }), vocabulary: restoreExpansions(vocabulary), yearsMentioned, isEnglishWord, isDictionaryWord, isIndexed: (word) => index.has(toTerm(word) ?? '') },
    conflicts: new Map(Object.entries(conflicts)),
    current: new Set(current),
    isEnglishWord,
    isDictionaryWord,
    questions,
    loadPassages,
  }
}

/** A knowledge base held whole in one artifact, as `npm run kb:build` writes it. */
export function createKb(value: unknown, source: KbSource): Kb {
  assertArtifact(value)
  const { version, sources, vocabulary, lexicon, conflicts, current, period, index, dictionary, timeline } = value
  const passages = value.passages.map(restorePassage)
  return assembleKb({
    content: { version, sources, passages, period, timeline },
    vocabulary,
    lexicon,
    conflicts,
    current,
    index: new TermIndex(index, inlinePostings(index.postings)),
    dictionary,
    source,
    questions: passages.flatMap((p, passage) => p.questions.map((question) => ({ passage, question }))),
    loadPassages: async () => {},
  })
}
