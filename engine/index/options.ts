/**
 * MiniSearch options, defined once: the build indexes with them and the Worker
 * loads with them. Terms come from engine/text.ts on both sides.
 */
import type { Options } from 'minisearch'
import { toTerm, words } from '../text'

/** What the build feeds the index for each passage; `id` is the passage's position in the artifact. */
export interface IndexedPassage {
  id: number
  title: string
  heading: string
  text: string
  questions: string
}

export const INDEX_OPTIONS: Options<IndexedPassage> = {
  idField: 'id',
  fields: ['title', 'heading', 'text', 'questions'],
  storeFields: [],
  tokenize: (text) => words(text),
  processTerm: (term) => toTerm(term),
}

/** Field weights at query time: headings and maintainers' questions say what a passage is about. */
export const FIELD_BOOST = { title: 0.6, heading: 1.5, text: 1, questions: 1.2 } as const
