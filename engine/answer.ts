/**
 * The answer path: clean the question, decline what the knowledge base cannot
 * or should not answer, otherwise retrieve and compose a cited answer.
 */
import type { AskResponse, Turn } from '../worker/contract'
import type { Kb } from './kb'
import { cleanQuestion } from './clean'
import { toTerm, words } from './text'
import { compose } from './compose'
import { answerKind, type AnswerKind } from './kinds'
import { isFollowUp, queryFor } from './understand'
import { retrieve, type Retrieval } from './retrieve'
import { suggest } from './suggest'

export type Answer = Omit<AskResponse, 'answerId' | 'permalink' | 'kbVersion'>

/**
 * An answer needs the best passage to hold this share of the question's
 * concepts (weighted by rarity), and at most this share of the question's
 * concepts may be words the knowledge base never uses.
 */
export const MIN_COVERAGE = 0.35
export const MAX_UNKNOWN_SHARE = 0.5

/** Asking how things stand now: the sources stop in their period, so an answer would pass old facts off as current. */
const NOW = /\b(right now|nowadays|these days|today|at the moment|at present|presently|currently|as of now|as things stand|this week|this month|latest figures)\b/i

const SMALL_TALK = /^(hi|hiya|hello|hey|good (morning|afternoon|evening)|thanks?( you)?( very much)?|thank you|cheers|ok(ay)?|great|bye|goodbye)\b[\s!.,]*$/i

/** Questions about the asker's own case, or asking for personal advice: sources about the reforms cannot answer them. */
const PERSONAL = /\b(my|our) (own )?(next )?(case|appointment|probation|officer|offender manager|licen[cs]e|order|sentence|hearing|supervision|court date|tag|brother|sister|son|daughter|husband|wife|partner|friend|dad|mum|father|mother|family)\b|\bcase (ref|reference|number|no)\b|\bhow (do|can|could|should|would) (i|we)\b|\b(can|should|will) (i|we)\b/i

/** Asking for a person's private details: the sources report what people said and did in public, and nothing else about them should be guessed at. */
const PRIVATE_DETAILS =
  /\b(how old (is|was)|what age (is|was)|(where|what (town|city|area)) (does|did) [\p{L} .'-]+ live|home address|phone number|e-?mail address|date of birth|when was [\p{L} .'-]+ born|(is|was) [\p{L} .'-]+ married|net worth|how much (does|did) (?!(the|a|an|each|every|probation|crcs?|companies|firms?|nps|moj|napo)\b)[\p{L}.'-]+( [\p{L}.'-]+)? (earn|get paid|make|take home))\b/iu

export async function ask(kb: Kb, question: string, history: Turn[] = []): Promise<Answer> {
  const { text, instructed } = cleanQuestion(question)
  const period = kb.artifact.period
  const covered = `${period.from === period.to ? period.from : `${period.from} to ${period.to}`}`

  if (SMALL_TALK.test(text)) {
    return decline(kb, undefined, 'Hello! I answer questions about the part-privatisation of probation in England and Wales, with the sources for every answer. Try one of these:')
  }
  if (PERSONAL.test(text)) {
    return decline(kb, undefined, "I can't advise on individual cases or personal situations. Please contact the probation officer or organisation involved. I can answer questions about the probation reforms in England and Wales.")
  }
  if (PRIVATE_DETAILS.test(text)) {
    return decline(kb, undefined, "I don't give personal details about anyone, such as their age, home or pay. I can answer questions about what my sources report on the probation reforms in England and Wales.")
  }
  if (NOW.test(text)) {
    return decline(kb, undefined, `I can't say how things stand now: my sources were published ${covered} and cover probation in England and Wales from the 2014 reforms up to then.`)
  }
  const later = laterYear(text, kb)
  if (later) {
    return decline(kb, undefined, `I can't say what happened in ${later}: my sources were published ${covered} and cover probation in England and Wales from the 2014 reforms up to then.`)
  }
  const slots = queryFor(text, history, kb)
  if (slots.length === 0) {
    const message = instructed
      ? 'I only answer questions about the probation reforms in England and Wales, from my sources. I cannot change how I work or share anything else.'
      : 'Please ask a question in words, for example about the probation reforms, the CRCs or the inspectors’ findings.'
    return decline(kb, undefined, message)
  }
  const retrieval = await retrieve(kb, slots)
  const top = retrieval.hits[0]
  const onTopic = retrieval.unknown < slots.length * MAX_UNKNOWN_SHARE && retrieval.unknownNames.length === 0
  const composed = top && onTopic && top.coverage >= MIN_COVERAGE ? compose(kb, retrieval, kindFor(text, history), focusWords(text)) : undefined
  if (!composed) {
    return decline(kb, retrieval, `I don't know: my sources on the probation reforms in England and Wales (published ${covered}) don't answer that.`)
  }
  return { answer: composed.answer, answered: true, citations: composed.citations }
}

/** A follow-up that does not say what it wants ("and in London?") wants what the question before it did. */
function kindFor(text: string, history: Turn[]): AnswerKind {
  const own = answerKind(text)
  const previous = history.at(-1)
  if (own !== 'other' || !previous || !isFollowUp(text)) return own
  return answerKind(cleanQuestion(previous.question).text)
}

/** The question's content words as typed (stop words dropped). */
function focusWords(text: string): string[] {
  return words(text).filter((w) => toTerm(w) !== null)
}

/** A year after the sources' period that the knowledge base never mentions: answering would pass old facts off as current. */
function laterYear(text: string, kb: Kb): number | undefined {
  const { to, yearsMentioned } = kb.artifact.period
  for (const m of text.matchAll(/\b(20\d\d)s?\b/g)) {
    const year = Number(m[1])
    if (year > to && !yearsMentioned.includes(year)) return year
  }
  return undefined
}

function decline(kb: Kb, retrieval: Retrieval | undefined, message: string): Answer {
  return { answer: message, answered: false, citations: [], suggestions: suggest(kb, retrieval) }
}
