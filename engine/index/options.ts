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

/**
 * BM25+ parameters, MiniSearch's `bm25` search option. Its defaults are k 1.2, b 0.7 and d 0.5 (a floor
 * for any match); a later saturation (k 2), more length normalisation (b 0.8) and no floor rank passages
 * that hold a question's terms better: Cranfield nDCG@10 0.371 -> 0.386 (chosen on Cranfield itself,
 * so a tuning figure), and on the knowledge base's tuning sets facts +1, declines +3.
 */
export const BM25 = { k: 2, b: 0.8, d: 0 } as const
