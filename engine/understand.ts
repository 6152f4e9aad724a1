/**
 * Query understanding: a question becomes a list of slots, one per concept.
 * A slot matches when any of its alternatives does, so "spending watchdog",
 * "National Audit Office" and "NAO" are one concept, found by any name.
 */
import type { Turn } from '../worker/contract'
import type { Kb } from './kb'
import { toTerm, words } from './text'
import { cleanQuestion } from './clean'

export interface Slot {
  /** Alternatives; each is a sequence of terms that must all appear. */
  alternatives: string[][]
  /** The words the visitor typed for this concept, lower case. */
  typed: string[]
  /** 1 for the question's own words, less for words carried over from earlier turns. */
  weight: number
}

/** Weight of concepts carried over from the previous question into a follow-up. */
const CONTEXT_WEIGHT = 0.5
/** Earlier turns a chain of follow-ups may reach back through. */
const CONTEXT_TURNS = 3

/** Vocabulary phrases by their first term, built once per KB: a question's words look up only the phrases they can start. */
const phrasesByFirstTerm = new WeakMap<Kb, Map<string, Array<{ group: string[][]; phrase: string[] }>>>()

function phrasesStarting(kb: Kb): Map<string, Array<{ group: string[][]; phrase: string[] }>> {
  let index = phrasesByFirstTerm.get(kb)
  if (!index) {
    index = new Map()
    for (const group of kb.vocabulary) {
      for (const phrase of group) {
        const first = phrase[0]
        if (first === undefined) continue
        let list = index.get(first)
        if (!list) index.set(first, (list = []))
        list.push({ group, phrase })
      }
    }
    phrasesByFirstTerm.set(kb, index)
  }
  return index
}

/** Words asking what a name means ("stand for", "short for"): they say what kind of answer is wanted, not what it is about. */
const ASKS_MEANING = /\b(stands?|short) for\b|\b(acronym|abbreviation|initials)\b|\bmeans?\b|\bmeaning( of)?\b|\bdefin(e|ition)( of)?\b/gi

export function slotsFor(text: string, kb: Kb, weight = 1): Slot[] {
  const typed: string[] = []
  const ts: string[] = []
  for (const w of words(text.replace(ASKS_MEANING, ' '))) {
    const t = toTerm(w)
    if (t) {
      typed.push(w)
      ts.push(t)
    }
  }
  const slots: Slot[] = []
  const seen = new Set<string>()
  const add = (alternatives: string[][], from: number, length: number) => {
    const key = alternatives.map((a) => a.join(' ')).sort().join('|')
    if (!seen.has(key)) slots.push({ alternatives, typed: typed.slice(from, from + length), weight })
    seen.add(key)
  }
  const phrases = phrasesStarting(kb)
  for (let i = 0; i < ts.length; ) {
    let best: { group: string[][]; length: number } | undefined
    for (const { group, phrase } of phrases.get(ts[i] as string) ?? []) {
      if (phrase.length > (best?.length ?? 0) && phrase.every((t, k) => ts[i + k] === t)) {
        best = { group, length: phrase.length }
      }
    }
    const length = best?.length ?? 1
    add(best ? best.group : [[ts[i] as string]], i, length)
    i += length
  }
  return slots
}

const LEANS_ON_CONTEXT = /\b(it|its|they|them|their|theirs|he|him|his|she|her|hers|this|that|these|those|there|then|same|one)\b/i
const CONTINUES = /^\s*(and|but|so|also|ok(ay)?|what about|how about|what of|or)\b/i

/** A short question that leans on an earlier one ("who runs it?", "and in London?"). */
export function isFollowUp(question: string): boolean {
  return CONTINUES.test(question) || (LEANS_ON_CONTEXT.test(question) && words(question).length <= 10)
}

/**
 * Slots for a question in its conversation. A follow-up borrows the concepts
 * of the turns it leans on, at a lower weight so its own words still lead.
 */
export function queryFor(question: string, history: Turn[], kb: Kb): Slot[] {
  const slots = slotsFor(question, kb)
  if (!isFollowUp(question)) return slots
  const own = new Set(slots.map(keyOf))
  for (let i = history.length - 1, reached = 0; i >= 0 && reached < CONTEXT_TURNS; i--, reached++) {
    const earlier = cleanQuestion(history[i]?.question ?? '').text
    for (const slot of slotsFor(earlier, kb, CONTEXT_WEIGHT)) {
      if (!own.has(keyOf(slot))) slots.push(slot)
      own.add(keyOf(slot))
    }
    if (!isFollowUp(earlier)) break
  }
  return slots
}

function keyOf(slot: Slot): string {
  return slot.alternatives.map((a) => a.join(' ')).sort().join('|')
}
