/**
 * Turns an artifact into the in-memory knowledge base the answer code uses.
 * Loading is lazy (first request, not start-up) and happens once per isolate
 * per artifact version.
 */
import MiniSearch from 'minisearch'
import type { KbInfo } from '../contract'
import { decodeBloom } from './bloom'
import { assertArtifact, type Artifact, type SourceRecord } from './artifact'
import { INDEX_OPTIONS, type IndexedPassage } from './index-options'
import { terms } from './text'

export interface Kb {
  info: KbInfo
  artifact: Artifact
  index: MiniSearch<IndexedPassage>
  sources: ReadonlyMap<string, SourceRecord>
  /** Vocabulary groups as term sequences, longest phrases first within each group. */
  vocabulary: string[][][]
  /** Whether a lower-case word is everyday English rather than a name. */
  isEnglishWord: (word: string) => boolean
  /** Every question the maintainers wrote, with the passage that answers it; offered as suggestions. */
  questions: ReadonlyArray<{ passage: number; question: string }>
}

export function createKb(value: unknown, source: KbInfo['source']): Kb {
  assertArtifact(value)
  const artifact = value
  const index = MiniSearch.loadJS<IndexedPassage>(artifact.index, INDEX_OPTIONS)
  const vocabulary = artifact.vocabulary.map((group) =>
    group.map((phrase) => terms(phrase)).filter((t) => t.length > 0).sort((a, b) => b.length - a.length),
  )
  return {
    info: {
      version: artifact.version,
      source,
      documents: artifact.sources.length,
      passages: artifact.passages.length,
    },
    artifact,
    index,
    sources: new Map(artifact.sources.map((s) => [s.id, s])),
    vocabulary,
    isEnglishWord: decodeBloom(artifact.dictionary),
    questions: artifact.passages.flatMap((p, passage) => p.questions.map((question) => ({ passage, question }))),
  }
}
