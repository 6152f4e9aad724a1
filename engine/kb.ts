/**
 * Turns an artifact into the in-memory knowledge base the answer code uses.
 * Loading is lazy (first request, not start-up) and happens once per isolate
 * per artifact version. Loading only parses: postings are decoded per term
 * when a query first needs them (see term-index.ts).
 */
import type { KbInfo } from '../worker/contract'
import { assertArtifact, restorePassage, type Artifact, type PassageRecord, type SourceRecord } from './artifact'
import { bloomTest, type BloomData } from './bloom'
import { inlinePostings, TermIndex } from './index/term-index'
import { terms } from './text'

/** What the answer code reads of the knowledge base. */
export interface KbContent {
  version: string
  sources: SourceRecord[]
  /**
   * Indexed by passage position. A sharded KB fills this in as passage
   * blocks load; retrieval loads the passages of every hit it returns.
   */
  passages: PassageRecord[]
  vocabulary: string[][]
  period: Artifact['period']
  timeline: Artifact['timeline']
}

export interface Kb {
  info: KbInfo
  artifact: KbContent
  index: TermIndex
  sources: ReadonlyMap<string, SourceRecord>
  /** Vocabulary groups as term sequences, longest phrases first within each group. */
  vocabulary: string[][][]
  /** Whether a lower-case word is everyday English rather than a name. */
  isEnglishWord: (word: string) => boolean
  /** Questions the maintainers wrote, with the passage that answers it; offered as suggestions. */
  questions: ReadonlyArray<{ passage: number; question: string }>
  /** Makes sure `artifact.passages` holds these positions; nothing to do for a bundled KB. */
  loadPassages(positions: number[]): Promise<void>
}

export interface KbParts {
  content: KbContent
  index: TermIndex
  dictionary: BloomData
  source: KbInfo['source']
  questions: Kb['questions']
  loadPassages: Kb['loadPassages']
}

export function assembleKb({ content, index, dictionary, source, questions, loadPassages }: KbParts): Kb {
  const vocabulary = content.vocabulary.map((group) =>
    group.map((phrase) => terms(phrase)).filter((t) => t.length > 0).sort((a, b) => b.length - a.length),
  )
  return {
    info: { version: content.version, source, documents: content.sources.length, passages: content.passages.length },
    artifact: content,
    index,
    sources: new Map(content.sources.map((s) => [s.id, s])),
    vocabulary,
    isEnglishWord: bloomTest(dictionary),
    questions,
    loadPassages,
  }
}

/** A knowledge base held whole in one artifact, as `npm run kb:build` writes it. */
export function createKb(value: unknown, source: KbInfo['source']): Kb {
  assertArtifact(value)
  const { version, sources, vocabulary, period, index, dictionary, timeline } = value
  const passages = value.passages.map(restorePassage)
  return assembleKb({
    content: { version, sources, passages, vocabulary, period, timeline },
    index: new TermIndex(index, inlinePostings(index.postings)),
    dictionary,
    source,
    questions: passages.flatMap((p, passage) => p.questions.map((question) => ({ passage, question }))),
    loadPassages: async () => {},
  })
}
