/**
 * The answer path: clean the question, decline what the knowledge base cannot
 * or should not answer, otherwise retrieve and compose a cited answer.
 */
import type { AskResponse, Turn } from '../contract'
import type { Kb } from '../kb/load'
import { cleanQuestion } from './clean'
import { compose } from './compose'
import { answerKind } from './question-type'
import { queryFor } from './query'
import { retrieve, type Retrieval } from './retrieve'
import { suggest } from './suggest'

export type Answer = Omit<AskResponse, 'answerId'>

/**
 * Share of a question's concepts (weighted by rarity) that the best passage
 * must hold to be an answer: less when every word of the question is known
 * to the knowledge base, more when some are not (the question may be about
 * something else that merely shares a few words).
 */
export const MIN_COVERAGE = { allKnown: 0.35, someUnknown: 0.6 } as const

const PERSONAL_CASE = /\b(my|our) (own )?(next )?(case|appointment|probation|officer|offender manager|licen[cs]e|order|sentence|hearing|supervision|court date|tag)\b|\bcase (ref|reference|number|no)\b/i

export async function ask(kb: Kb, question: string, history: Turn[] = []): Promise<Answer> {
  const { text, instructed } = cleanQuestion(question)
  const period = kb.artifact.period
  const covered = `${period.from === period.to ? period.from : `${period.from} to ${period.to}`}`

  if (PERSONAL_CASE.test(text)) {
    return decline(kb, undefined, "I can't help with individual cases. Please contact your probation officer or the organisation supervising you. I can answer questions about the probation reforms in England and Wales.")
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
  const needed = retrieval.unknown > 0 ? MIN_COVERAGE.someUnknown : MIN_COVERAGE.allKnown
  const composed = top && top.coverage >= needed ? compose(kb, retrieval, answerKind(text)) : undefined
  if (!composed) {
    return decline(kb, retrieval, `I don't know: my sources on the probation reforms in England and Wales (published ${covered}) don't answer that.`)
  }
  return { answer: composed.answer, answered: true, citations: composed.citations }
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
