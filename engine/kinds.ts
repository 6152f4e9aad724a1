/**
 * What kind of answer a question wants, read from its wording, and whether a
 * sentence has that kind of answer in it. Used to prefer, among sentences
 * that match the topic, the one that actually answers.
 */
import { NUMBER_WORDS, toTerm, words } from './text'

export type AnswerKind =
  | 'percent'
  | 'money'
  | 'count'
  | 'time'
  /** "How long …?": a span of time. */
  | 'duration'
  | 'reason'
  | 'entity'
  /** "Which minister …?": a named person. */
  | 'person'
  /** "Who is X?": a sentence that describes X. */
  | 'identity'
  /** "What is X?", "What does X stand for?" */
  | 'definition'
  | 'other'

/** Kinds where a sentence without that kind of content is almost never the answer. */
export const STRICT_KINDS: ReadonlySet<AnswerKind> = new Set(['percent', 'money', 'count', 'time', 'duration', 'entity', 'person', 'identity', 'definition'])

export function answerKind(question: string): AnswerKind {
  const q = question.toLowerCase()
  if (/%|\b(per ?cent|percentage|proportion|share|fraction)\b/.test(q)) return 'percent'
  if (/\b(how much|cost|costs|worth|value of|spend|spent)\b|£/.test(q)) return 'money'
  if (/\bhow long ago\b/.test(q)) return 'time'
  if (/\b(how long|how many (years|months|weeks|days))\b/.test(q)) return 'duration'
  if (/\b(how (many|big|large|often)|what (number|amount|figure|total)|number of)\b/.test(q)) return 'count'
  if (/\b(when|what (year|date|month|time)|since when)\b/.test(q)) return 'time'
  if (/\b(why|what (caused|led to|was the reason)|reason|because)\b/.test(q)) return 'reason'
  if (/^\s*(who is|who's|whos|who are|who was|who were)\b/.test(q)) return 'identity'
  if (/^\s*what (is|are|was|were|'s)\b|\b(stand|stands|short) for\b|\bmeaning of\b|\bdefine\b|\bwhat does .* mean\b/.test(q)) {
    return 'definition'
  }
  if (/\b(which|what|whose|name of( the)?) (\w+ )?(minister|secretary|mayor|inspector|officer|director|spokes(man|woman|person)|person|man|woman|mp|chief|boss|leader|head|journalist|writer|author)\b/.test(q)) {
    return 'person'
  }
  if (/\b(who|whom|whose|which|name of|what (company|firm|organi[sz]ation|body|union|group|outlet|newspaper|paper|website))\b/.test(q)) {
    return 'entity'
  }
  return 'other'
}

/** Number words as a pattern: those the index reads as figures, and the rest. */
const SPELLED_NUMBERS = ['one', ...NUMBER_WORDS.keys(), 'hundred', 'thousand', 'million', 'billion'].join('|')
const NUMBER = new RegExp(`\\d|\\b(${SPELLED_NUMBERS}|half|quarter|third)\\b`, 'i')
const PERCENT = /\d\s?(%|per ?cent)|\b(half|quarter|third|fifth|majority|most)\b/i
const MONEY = /£|\$|€|\b\d[\d,.]*\s?(m|bn|k|million|billion)\b/i
/** A number that is not just a year. */
const COUNT = new RegExp(`\\b(?!(19|20)\\d\\d\\b)\\d[\\d,.]*|\\b(${SPELLED_NUMBERS})\\b`, 'i')
/** Digits that are not just a year. */
const DIGITS = /(?<![\d,.])(?!(19|20)\d\d\b)\d[\d,.]*/
/** A span: "eighteen months", "seven-year", "a year and a half". */
const DURATION = new RegExp(`\\b(\\d+|${SPELLED_NUMBERS}|a|half a)[\\s-](years?|months?|weeks?|days?|decades?)\\b`, 'gi')
const TIME = /\b(19|20)\d\d\b|\b(january|february|march|april|may|june|july|august|september|october|november|december|spring|summer|autumn|winter|year|years|month|months|ago)\b/i
const REASON = /\b(because|due to|so that|as a result|in order to|would lead|led to|leading to|caused|blamed|since|owing to|risk of|aimed at|designed to|to (help|reduce|drive|cut|slash))\b/i
/** Capitalised runs ("Chris Grayling", "Centre for Crime and Justice Studies") and single names like "MTCnovo" or "NAO". */
const NAMES = /\p{Lu}[\p{L}'’-]*(?:\s+(?:(?:of|for|and|the)\s+)*\p{Lu}[\p{L}'’-]*)*/gu
/** Words that make a name an institution rather than a person. */
const INSTITUTION = /\b(company|companies|service|services|ministry|office|inspectorate|probation|rehabilitation|justice|association|union|centre|council|trust|department|hall|court|courts|group|league|national|community|government|parliament|report|journal|hub|model|prisons?|england|wales|london|bbc|ft|tuc|crc|crcs|nps|moj|napo|nao|hmip)\b/i

/**
 * Names in a sentence that the question does not already contain: the
 * answer to "which minister…" is a name the asker did not type.
 */
function newNames(sentence: string, focus: string[]): string[] {
  const asked = new Set(focus.map((w) => w.toLowerCase()))
  const out: string[] = []
  for (const m of sentence.matchAll(NAMES)) {
    const name = m[0]
    const isSentenceStart = m.index === 0 && !name.includes(' ') && !/\p{Lu}.*\p{Lu}/u.test(name)
    if (isSentenceStart) continue
    const parts = name.toLowerCase().split(/\s+/).filter((w) => !['of', 'for', 'and', 'the'].includes(w))
    if (parts.every((w) => asked.has(w.replace(/['’]s$/, '')))) continue
    out.push(name)
  }
  return out
}

function personScore(sentence: string, focus: string[]): number {
  const names = newNames(sentence, focus)
  if (names.some((n) => n.includes(' ') && !INSTITUTION.test(n))) return 1
  return names.length > 0 ? 0.3 : 0
}

function entityScore(sentence: string, focus: string[]): number {
  const names = newNames(sentence, focus)
  if (names.some((n) => n.includes(' ') || /\p{Lu}.*\p{Lu}/u.test(n))) return 1
  return names.length > 0 ? 0.5 : 0
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

const LINKS = new Set(['of', 'for', 'and', 'the', 'in', '&'])

/** A name's initials: all of a word in capitals ("HM"), else its first letter; linking words skipped. */
function initials(ws: string[]): string {
  return ws
    .filter((w) => !LINKS.has(w.toLowerCase()))
    .map((w) => (/^\p{Lu}+$/u.test(w) ? w : (w[0] ?? '')))
    .join('')
    .toLowerCase()
}

/** Whether the first (or, `fromEnd`, the last) few of `ws` have one of `shorts` as their initials. */
function spellsOut(ws: string[], shorts: string[], fromEnd = false): boolean {
  for (let n = 1; n <= Math.min(ws.length, 8); n++) {
    if (shorts.includes(initials(fromEnd ? ws.slice(-n) : ws.slice(0, n)))) return true
  }
  return false
}

/**
 * Whether a sentence spells out one of the focus words as an abbreviation:
 * "Community Rehabilitation Companies (CRCs)", "Napo (the National
 * Association of Probation Officers)".
 */
function expands(sentence: string, focus: string[]): boolean {
  return focus.some((word) => {
    if (word.length < 2 || word.length > 6) return false
    // "CRCs" is the plural of CRC, but "NPS" ends in Service.
    const shorts = [word.toLowerCase(), word.toLowerCase().replace(/s$/, '')]
    // "Name (ABBR)" is spelled out before the brackets; "ABBR (the Name …)" inside them.
    const at = new RegExp(`\\(${escape(word)}s?\\)|\\b${escape(word)}s?\\s*\\((?:the\\s+)?([^)]*)`, 'giu')
    return [...sentence.matchAll(at)].some(([, inside], i, all) =>
      inside !== undefined
        ? spellsOut(inside.split(/[\s,]+/).filter(Boolean), shorts)
        : spellsOut(sentence.slice(0, all[i]?.index).split(/\s+/).filter(Boolean), shorts, true),
    )
  })
}

/**
 * Whether a sentence describes one of the focus words: "X, director of …",
 * "X (the …)", "X is …".
 */
function describes(sentence: string, focus: string[]): boolean {
  return focus.some((word) =>
    new RegExp(`\\b${escape(word)}[\\p{L}'’]*\\)?\\s*(,|\\(|\\s(is|was|are|were|stands for|means)\\b)`, 'iu').test(sentence),
  )
}

/**
 * A figure that counts something the question asks about: "21 Community
 * Rehabilitation Companies", "28,750 offenders". `asked` holds the head
 * terms (last words) of the question's concepts and their alternatives.
 */
function countsAsked(sentence: string, asked: ReadonlySet<string>): boolean {
  const ws = words(sentence)
  return ws.some((w, i) => {
    if (!/^\d[\d,.]*$/.test(w) || /^(19|20)\d\d$/.test(w) || /^(percent|per|cent)$/.test(ws[i + 1] ?? '')) return false
    return ws.slice(i + 1, i + 5).some((next) => {
      const t = toTerm(next)
      return t !== null && asked.has(t)
    })
  })
}

/**
 * A span of time that belongs to something the question asks about:
 * "seven-year probation contracts", "eighteen months after Transforming
 * Rehabilitation".
 */
function spanOfAsked(sentence: string, asked: ReadonlySet<string>): boolean {
  for (const m of sentence.matchAll(DURATION)) {
    const after = words(sentence.slice((m.index ?? 0) + m[0].length)).slice(0, 4)
    if (after.some((w) => asked.has(toTerm(w) ?? ''))) return true
  }
  return false
}

/**
 * How well a sentence carries the kind of answer asked for, 0 to 1. `focus`
 * holds the question's content words as typed, `asked` their terms.
 */
export function kindScore(kind: AnswerKind, sentence: string, focus: string[] = [], asked: ReadonlySet<string> = new Set()): number {
  switch (kind) {
    case 'percent':
      return PERCENT.test(sentence) ? 1 : NUMBER.test(sentence) ? 0.3 : 0
    case 'money':
      return MONEY.test(sentence) ? 1 : NUMBER.test(sentence) ? 0.3 : 0
    case 'count':
      if (countsAsked(sentence, asked)) return 1
      if (DIGITS.test(sentence)) return PERCENT.test(sentence) || MONEY.test(sentence) ? 0.5 : 0.8
      return COUNT.test(sentence) ? 0.6 : NUMBER.test(sentence) ? 0.2 : 0
    case 'time':
      return TIME.test(sentence) ? 1 : 0
    case 'duration':
      if (spanOfAsked(sentence, asked)) return 1
      return sentence.match(DURATION) ? 0.7 : TIME.test(sentence) ? 0.3 : 0
    case 'reason':
      return REASON.test(sentence) ? 1 : 0
    case 'entity':
      return entityScore(sentence, focus)
    case 'person':
      return personScore(sentence, focus)
    case 'identity':
      return describes(sentence, focus) ? 1 : newNames(sentence, focus).length > 0 ? 0.3 : 0
    case 'definition':
      return expands(sentence, focus) || describes(sentence, focus) ? 1 : /\(/.test(sentence) ? 0.3 : 0
    default:
      return 0
  }
}
