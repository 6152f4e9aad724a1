/**
 * The answer engine's public surface (documented in engine/README.md): text
 * analysis, the knowledge-base artifact and its index, and the three stages
 * of an answer. No Workers, HTTP or file-system imports: the build
 * (knowledge/) and the Worker (worker/) both use it.
 */
export { answer, type Answer } from './answer'
export { ARTIFACT_FORMAT, SOURCE_KINDS, type Artifact, type PassageRecord, type SourceKind, type SourceRecord } from './artifact'
export { compose, type Citation, type Composed } from './compose'
export { kbFromArtifact, splitArtifact, type Manifest, type ShardStore } from './index/shards'
export { createKb, type Kb, type KbInfo, type KbSource } from './kb'
export { compileLexicon, lexiconProblems, type AnswerKind, type Lexicon, type LexiconData } from './lexicon'
export { retrieve, type Hit, type Retrieval } from './retrieve'
export { normalize, sentences, terms, words } from './text'
export { understand, type Query, type Slot, type Turn } from './understand'
export { compileVocabulary, vocabularyProblems, type VocabularyData } from './vocabulary'
