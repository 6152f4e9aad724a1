/**
 * What kind of answer a question wants, read from its wording, and whether a
 * sentence has that kind of answer in it. Used to prefer, among sentences
 * that match the topic, the one that actually answers.
 */

export type AnswerKind = 'entity' | 'number' | 'time' | 'reason' | 'definition' | 'other'

export function answerKind(question: string): AnswerKind {
  const q = question.toLowerCase()
  if (/\b(how (much|many|big|large|long|often)|what (%|per ?cent|percentage|proportion|share|number|fraction|amount|sum|figure|value)|how many|what did .* cost|worth)\b|%/.test(q)) {
    return 'number'
  }
  if (/\b(when|what (year|date|month|time)|how long ago|since when)\b/.test(q)) return 'time'
  if (/\b(why|what (caused|led to|was the reason)|reason|because)\b/.test(q)) return 'reason'
  if (/^\s*(what|who) (is|are|was|were|'s|does .* (stand for|mean))\b|\bstand for\b|\bmeaning of\b|\bdefine\b/.test(q)) {
    return /^\s*who\b/.test(q) ? 'entity' : 'definition'
  }
  if (/\b(who|whom|whose|which|name of|what (company|firm|organi[sz]ation|body|union|group|minister|mayor))\b/.test(q)) {
    return 'entity'
  }
  return 'other'
}

const NUMBER = /(\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion|half|quarter|third)\b)/i
const TIME = /\b(19|20)\d\d\b|\b(january|february|march|april|may|june|july|august|september|october|november|december|spring|summer|autumn|winter|year|years|month|months|ago)\b/i
const REASON = /\b(because|due to|so that|as a result|in order to|would lead|led to|leading to|caused|blamed|since|owing to|risk of|aimed at|designed to|to (help|reduce|drive|cut|slash))\b/i
/** Two or more capitalised words in a row, not counting the sentence's first word. */
const NAME = /(?<=\S\s+)(\p{Lu}[\p{L}'’-]+|\p{Lu}{2,})(\s+(of\s+|the\s+|and\s+)?(\p{Lu}[\p{L}'’-]+|\p{Lu}{2,}))+/u
const ACRONYM_OR_NAME = /\b\p{Lu}[\p{Ll}]+\p{Lu}|\b\p{Lu}{2,}\b/u

/** How well a sentence carries the kind of answer asked for, 0 to 1. */
export function kindScore(kind: AnswerKind, sentence: string): number {
  switch (kind) {
    case 'number':
      return NUMBER.test(sentence) ? 1 : 0
    case 'time':
      return TIME.test(sentence) ? 1 : 0
    case 'reason':
      return REASON.test(sentence) ? 1 : 0
    case 'entity':
      return NAME.test(sentence) ? 1 : ACRONYM_OR_NAME.test(sentence) ? 0.5 : 0
    case 'definition':
      return /\(|,\s*(the|a|an|which|who)\b|\b(is|are|was|were|means|stands for)\b/.test(sentence) ? 1 : 0
    default:
      return 0
  }
}
