/**
 * The answer engine's public surface, documented in engine/README.md: text
 * analysis, the knowledge-base artifact and its index (written by the build,
 * read by the Worker), and the three stages of an answer. No Workers, HTTP or
 * file-system imports: the build (knowledge/) and the Worker (worker/) both
 * use it, and only through this module.
 */

// Answering: understand → retrieve → compose, and the whole path.
export { answer, composeContext, conversation, firstSentence, saidBefore, warmUp, warmUpQuestions, type Answer, type Asked } from './answer'
export { understand, declinedAsWorded, slotsFor, topicalText, type DeclineReason, type Language, type Query, type Slot, type Turn } from './understand'
export { retrieve, listedQuestion, type Hit, type Retrieval } from './retrieve'
export { compose, plan, type Citation, type ComposeContext, type Composed, type Plan, type Shortfall } from './compose'
export { cleanQuestion } from './clean'

// The knowledge base as the engine holds it.
export { createKb, type Kb, type KbInfo, type KbSource } from './kb'
export { kbFromArtifact, isManifest, partKey, partNames, splitArtifact, type Manifest, type ShardStore } from './index/shards'

// The artifact: its format, and the build's writers.
export { ARTIFACT_FORMAT, storeArtifact, type Artifact, type Dispute, type ListedQuestion, type PassageRecord, type SourceKind, type SourceRecord } from './artifact'
export { INDEX_OPTIONS, type IndexedPassage } from './index/options'
export { CHAMPIONS } from './index/term-index'
export { indexFromMiniSearch } from './index/write'
export { buildBloom } from './bloom'
export { chunkSection } from './chunk'
export { timeline, type TimelineCitation, type TimelineEvent } from './timeline'

// The data about the subject: the lexicon and the vocabulary.
export { compileLexicon, lexiconProblems, MESSAGE_KEYS, type AnswerKind, type Lexicon, type LexiconData } from './lexicon'
export { abbreviationsIn, compileVocabulary, negationsIn, restoreExpansions, storeExpansions, vocabularyProblems, type StoredExpansion, type VocabularyData } from './vocabulary'

// Text analysis, the same for the build and for questions; and the isolate's bounded cache.
export { normalize, sentences, terms, toTerm, wordCount, words } from './text'
export { Lru } from './lru'
