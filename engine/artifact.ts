/**
 * The knowledge-base artifact: what `npm run kb:build` writes and the Worker
 * reads. Passage text is kept once, here, outside the search index; the index
 * refers to passages by their position.
 */
import type { BloomData } from './bloom'
import type { InlineIndex } from './index/term-index'
import type { LexiconData } from './lexicon'
import type { TimelineEvent } from './timeline'
import type { StoredExpansion } from './vocabulary'

/** Bumped whenever the shape below, or the meaning of a value in it (a listed question's `asks`), changes; a Worker refuses any other format. */
export const ARTIFACT_FORMAT = 15

/** Where a source comes from, which tells a visitor how much weight it carries: one of the lexicon's `sourceKinds`. */
export type SourceKind = string

export interface SourceRecord {
  id: string
  title: string
  publisher: string
  kind: SourceKind
  author?: string
  published: string
  url?: string
  via?: string
  seed?: string
  summary: string
}

export interface PassageRecord {
  /** `<sourceId>#<n>`, n counting passages within the source from 1. */
  id: string
  sourceId: string
  heading: string
  text: string
  /** The passage split into sentences at build time, so requests do not redo it. */
  sentences: string[]
  /** Each sentence's distinct terms, space-separated: stemmed once by the build, not by every isolate that reads the passage. */
  sentenceTerms: string[]
  /** Questions the passage answers, as written by the maintainer; used for retrieval and suggestions. */
  questions: string[]
  /** What each of `questions` asks, worked out by the build (retrieve.ts, `listedQuestion`) so requests do not redo it. */
  listed: ListedQuestion[]
  /** When the event the passage reports happened, as precisely as the source gives it (YYYY, YYYY-MM or YYYY-MM-DD). */
  date?: string
  /** Key of a disagreement between sources (knowledge/conflicts.json): every side is shown when one is. */
  conflict?: string
  /** The page of the source this passage comes from, when it is not the source's own url (a chapter of a report). */
  url?: string
}

/** A listed question as retrieval compares it with the question asked. */
export interface ListedQuestion {
  /** Its terms, once the words that shape an answer rather than name a topic are gone. */
  terms: string[]
  /** How many passages hold each term, for its rarity. */
  passages: number[]
  /** The kind of answer it asks for, with `?` when it is a yes-or-no question ("how many…?" is not "were any…?"), and `>` or `<` when it asks who came after someone or before. */
  asks: string
}

/** A disagreement between sources: what it is about, as answers name it, and the passages that are its sides. */
export interface Dispute {
  about: string
  sides: number[]
}

/** A passage as stored: `text` is left out when it equals the sentences joined by spaces, as it almost always does. */
export type StoredPassage = Omit<PassageRecord, 'text'> & { text?: string }

export function storePassage(p: PassageRecord): StoredPassage {
  const { text, ...rest } = p
  return text === p.sentences.join(' ') ? rest : p
}

export function restorePassage(p: StoredPassage): PassageRecord {
  return { ...p, text: p.text ?? p.sentences.join(' ') }
}

export interface Artifact {
  format: number
  /** Content hash of everything below; changes whenever any of it does. */
  version: string
  sources: SourceRecord[]
  passages: PassageRecord[]
  /** Phrases a question may use for the same thing (knowledge/vocabulary.json with the abbreviations and negations the build finds), compiled. */
  vocabulary: StoredExpansion[]
  /** The words the engine reads and writes, from knowledge/lexicon.json. */
  lexicon: LexiconData
  /** Earliest and latest year of the events the passages report, and every year their text mentions. */
  period: { from: number; to: number; yearsMentioned: number[] }
  /** Per disagreement between sources (knowledge/conflicts.json), what it is about ("What the ferry contracts were worth") and the positions of the passages that are its sides. */
  conflicts: Record<string, Dispute>
  /** Positions of passages that say how things stand at the end of the period: dated in its last two years, with listed questions about now. */
  current: number[]
  /**
   * Everyday English words (not names), to tell a paraphrase from a name the sources never mention; and `names`,
   * the dictionary's words the sources only write capitalised ("Assent", "Select"), left out of the bits as names
   * there. Both together are the whole dictionary, which tells a person's name from an institution's.
   */
  dictionary: BloomData & { names: string[] }
  index: InlineIndex
  /** The events the dated passages report, in date order (timeline.ts), computed by the build so serving it costs nothing. */
  timeline: TimelineEvent[]
}

/** The artifact as written to JSON: passages without their redundant text. */
export type StoredArtifact = Omit<Artifact, 'passages'> & { passages: StoredPassage[] }

export function storeArtifact(artifact: Artifact): StoredArtifact {
  return { ...artifact, passages: artifact.passages.map(storePassage) }
}

export class ArtifactError extends Error {
  override name = 'ArtifactError'
}

/** Checks the shape well enough to refuse a wrong or truncated artifact with a message that says why. */
export function assertArtifact(value: unknown): asserts value is StoredArtifact {
  const a = value as Partial<StoredArtifact> | null
  if (!a || typeof a !== 'object') throw new ArtifactError('knowledge-base artifact is not an object')
  if (a.format !== ARTIFACT_FORMAT) {
    throw new ArtifactError(
      `knowledge-base artifact has format ${String(a.format)}; this Worker reads format ${ARTIFACT_FORMAT}. Rebuild it with npm run kb:build`,
    )
  }
  for (const key of ['version', 'sources', 'passages', 'vocabulary', 'lexicon', 'period', 'conflicts', 'current', 'dictionary', 'index', 'timeline'] as const) {
    if (a[key] === undefined) throw new ArtifactError(`knowledge-base artifact lacks "${key}"`)
  }
  if (!Array.isArray(a.passages) || a.passages.length === 0) {
    throw new ArtifactError('knowledge-base artifact has no passages')
  }
}
