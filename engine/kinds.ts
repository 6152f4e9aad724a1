/**
 * What kind of answer a question wants, read from its wording with the
 * lexicon's cues, and how well a sentence carries that kind of answer: a
 * figure for "how many", a date for "when", a name for "who".
 */
import { COUNT_CLASSES, type AnswerKind, type CountClass, type Lexicon } from './lexicon'
import { irregularPast, isDescribing, NUMBER_WORDS, shortSum, toTerm, words } from './text'
import { STOP_WORDS } from './stop-words'

export type { AnswerKind } from './lexicon'

/** Kinds where a sentence without that kind of content is not an answer. */
export const STRICT_KINDS: ReadonlySet<AnswerKind> = new Set(['percent', 'money', 'amount', 'count', 'time', 'duration', 'reason', 'rating', 'entity', 'person', 'identity', 'definition', 'title'])

/** The kind of answer a question's wording asks for (`kindOf`'s kind). */
export function answerKind(question: string, lexicon: Lexicon): AnswerKind {
  return kindOf(question, lexicon).kind
}

/**
 * The kind of answer a question's wording asks for, the words that cue it
 * ("which company"), and the word among them naming the kind where the cue
 * ends in one ("what date", "which year", "cost"). The answer need not hold
 * that word; it says what the answer is.
 */
export function kindOf(question: string, lexicon: Lexicon): { kind: AnswerKind; cue?: string; word?: string } {
  // A cue in the question's leading part, before a second question word, decides: "which minister admitted … how much work…" asks who.
  // Not a second question joined to the first ("…, and why?"), which may say what is asked as well.
  const leading = LEAD.exec(question)?.[0]
  const lead = leading && !/(?:[,;:?–—-]|\b(?:and|or|but))\s*$/i.test(leading) ? leading : question
  const inLead = lead === question ? undefined : lexicon.kinds.find(({ pattern }) => pattern.test(lead))
  const text = inLead ? lead : question
  const found = inLead ?? lexicon.kinds.find(({ pattern }) => pattern.test(question))
  if (!found) return { kind: 'other' }
  const m = found.pattern.exec(text)
  const cue = m?.[0] ?? ''
  // Their wording ends in whatever is asked about ("what's the NPS", "who was the chair"), not in a word naming the kind,
  // unless the cue is that one word alone, its pattern's first group ("what's it called?").
  if (['person', 'entity', 'identity', 'definition', 'title'].includes(found.kind)) {
    const only = m?.[1]
    return only && words(cue).length === 1 && words(only).length === 1 ? { kind: found.kind, cue, word: only.toLowerCase() } : { kind: found.kind, cue }
  }
  const word = words(cue).at(-1)?.toLowerCase()
  return word ? { kind: found.kind, cue, word } : { kind: found.kind, cue }
}

/**
 * What "what was it?" asks for, after a statement introducing what it asks of ("… set a deadline for the review. What was it?"):
 * the kind of value named by the nearest thing introduced that names one ("a deadline", "one brutal word"), if any.
 */
export function kindOfIt(question: string, statement: string | undefined, lexicon: Lexicon): { kind: AnswerKind; cue?: string; word?: string } | undefined {
  // After a statement, "what was it?" alone; else, or failing that, the question's own first part: "… set a deadline for the review - what was it?"
  const alone = statement === undefined ? null : ASKS_OF_IT.exec(question)
  const own = alone ? null : ENDS_ASKING_OF_IT.exec(question)
  const [told, asking] = alone ? [statement, alone[1]] : own ? [own[1], own[2]] : []
  if (told === undefined || asking === undefined) return undefined
  const said = words(told)
  for (let i = said.length - 2; i >= 0; i--) {
    if (!INTRODUCING.has(said[i] as string)) continue
    // The thing itself: the last of up to three words before any word joining it to more ("a strong word for the workloads").
    const stop = said.findIndex((x, j) => j > i && STOP_WORDS.has(x))
    const end = Math.min(stop < 0 ? said.length : stop, i + 4)
    if (end <= i + 1) continue
    const thing = said[end - 1] as string
    const found = [kindOf(`${asking} was the ${thing}`, lexicon), kindOf(`which ${thing}`, lexicon)].find((k) => VALUE_KINDS.has(k.kind))
    if (found) return found
  }
  return undefined
}

/** A question asking only "what was it?". */
const ASKS_OF_IT = /^\s*(?:so\s+|and\s+)?(what|which)\s+(?:was|is|were|are)\s+(?:it|that|this|they|those)\s*[?.!]*\s*$/i
/** A question whose first part states what its end asks of: "… set a deadline - what was it?" (its first part ends in no mark, so the two meet in one place). */
const ENDS_ASKING_OF_IT = /^(.*[^\s\-–—,;:.?!])\s*[-–—,;:.?!]+\s*(?:so\s+|and\s+)?(what|which)\s+(?:was|is|were|are)\s+(?:it|that|this|they|those)\s*[?.!]*\s*$/is
/** Words introducing a thing ("a deadline", "one brutal word", "their target date"). */
const INTRODUCING: ReadonlySet<string> = new Set(['a', 'an', 'the', 'one', 'its', 'their', 'his', 'her', 'some'])
/** Kinds of value a thing introduced can name. */
const VALUE_KINDS: ReadonlySet<AnswerKind> = new Set(['percent', 'money', 'amount', 'count', 'time', 'duration', 'rating', 'wording', 'title'])

/** A question up to its second question word: "which minister admitted " of "which minister admitted … how much work…" ("when" and "where" more often start a clause than ask). */
const LEAD = /^.*?\b(?:who|whom|whose|what|whats|which|why|how)\b.*?(?=\b(?:who|whom|whose|what|whats|which|why|how)\b)/is

/** Number words as a pattern: those the index reads as figures, and the rest. */
const COUNTING_WORDS = [...NUMBER_WORDS.keys(), 'hundred', 'thousand', 'million', 'billion']
const SPELLED_NUMBERS = ['one', ...COUNTING_WORDS].join('|')
const NUMBER = new RegExp(`\\d|\\b(${SPELLED_NUMBERS}|half|quarter|third)\\b`, 'i')
const SHARE_FIGURE = /\d\s?(%|per ?cent)/i
/** Words giving a share as a fraction. */
const FRACTIONS = 'half|quarter|third|fifth'
const PERCENT = new RegExp(`${SHARE_FIGURE.source}|\\b(${FRACTIONS}|majority|most)\\b`, 'i')
/** A sum as a figure: after a currency sign, with "m" or "bn" joined to it, or in millions or billions of pounds. */
const SUM_FIGURE = /[£$€]\s?\d|\b\d[\d,.]*(m|bn)\b|\b\d[\d,.]*\s?(million|billion)\s+(pounds|quid)\b/i
/** A share given as a figure or a fraction, not only as "most" or "the majority". */
const EXACT_SHARE = new RegExp(`${SHARE_FIGURE.source}|\\b(${FRACTIONS})\\b`, 'i')
const VAGUE_SHARE = 0.5
const MONEY = /£|\$|€|\b\d[\d,.]*\s?(m|bn|k|million|billion)\b/i
/** "The fourth time" says how many times. */
const NTH_TIME = /\b(second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+time\b/i
const TIMES = toTerm('times') as string
/** Terms of the units of money a count may be given in ("how many millions…"). */
const SUM_UNITS: ReadonlySet<string> = new Set(['millions', 'billions', 'pounds', 'quid', 'grand'].map((w) => toTerm(w) as string))
/** Figures that are a share ("84 per cent") or a sum of money ("£3.7bn", "$5m"); "1.2 million people" is a count. */
const SHARE_OR_SUM = /[£$€]\s?\d[\d,.]*\s?(m|bn|k|million|billion)?\b|\b\d[\d,.]*\s?(%|per ?cent\b)/gi
/** A number written as a word ("eight companies"); not "one", which is as often a pronoun ("one of the biggest"). */
const COUNT_WORDS = new RegExp(`\\b(${COUNTING_WORDS.join('|')})\\b`, 'i')
/** Words for a share of a whole: "over half of the cases" says how many of them. */
const SHARE_OF = /^(half|quarter|third|majority)$/
/** Digits that are not just a year. */
const DIGITS = /(?<![\d,.])(?!(19|20)\d\d\b)\d[\d,.]*/
/** A span or how often: "eighteen months", "seven-year", "a 24-hour strike", "an hour", "a year and a half", "once a month", "weekly". */
const DURATION = new RegExp(`\\b(\\d+|${SPELLED_NUMBERS}|a|half a|an)[\\s-](years?|months?|weeks?|days?|decades?|hours?)\\b|\\b(daily|weekly|fortnightly|monthly|quarterly|yearly|annually)\\b`, 'gi')
/** The unit of a span DURATION found: "24-hour" an hour, "weekly" a week, "fortnightly" two weeks. */
function unitOf(m: RegExpMatchArray): string {
  const word = (m[2] ?? m[3] ?? '').toLowerCase()
  return ADVERB_UNITS[word] ?? word.replace(/s$/, '')
}
const ADVERB_UNITS: Record<string, string> = { daily: 'day', weekly: 'week', fortnightly: 'week', monthly: 'month', quarterly: 'month', yearly: 'year', annually: 'year' }
const YEAR = /\b(19|20)\d\d\b/
/** A quoted title: quotation marks round words, the first capitalised. */
const QUOTED_TITLE = /["“'‘]\p{Lu}[^"”'’]*\s[^"”'’]*["”'’]/u
/**
 * Words in quotation marks: what someone said, as they said it. Within single marks an apostrophe between
 * letters ("the board's") is part of the words, and a quotation opens before a letter after a space or a bracket, so
 * a plural's apostrophe ("the officers' union"), "'90s" or "'n'" opens none.
 */
const QUOTATION = /(?:^|[\s(\[—–-])(?:["“][^"“”]+["”]|['‘]\p{L}(?:[^'‘’]|(?<=\p{L})['’](?=\p{L}))+?['’])(?=[\s.,;:!?)\]—–-]|$)/u
const YEARS = /\b(?:19|20)\d\d\b/g
const DECADE = /\b(19|20)\d0s\b/

/** Date patterns by precision, built once per lexicon (they need its month names). */
interface Dates {
  /** "1 June 2014", "1 June" */
  day: RegExp
  /** "June 2014", "June" */
  month: RegExp
  /** A figure that is a day of a month ("26 June"), which counts nothing. */
  dayNumber: RegExp
  /** A month's name and nothing else. */
  monthAlone: RegExp
  /** Where a span starts or ends: "since October 2018", "until 26 June 2021", "since 2014". */
  bound: RegExp
  /** Two dates, each a month of a year with or without its day, joined as the start and end of something ("opened on 9 January 2013 and closed on 22 February 2013", "from March 2014 to June 2015"). */
  openAndClose: RegExp
  /** A month in full or cut short ("Sept", "Oct."), with the day before it and the year after it where given. */
  named: RegExp
  /** The months' names in lower case, January first. */
  monthsLower: string[]
}
const datesOf = new WeakMap<Lexicon, Dates>()

function dates(lexicon: Lexicon): Dates {
  let found = datesOf.get(lexicon)
  if (!found) {
    const months = lexicon.monthNames
    const monthsLower = months.split('|').map((m) => m.toLowerCase())
    // In full, or its first three letters.
    const cut = monthsLower.map((m) => `${escape(m.slice(0, 3))}(?:${escape(m.slice(3))})?`).join('|')
    found = {
      day: new RegExp(`\\b\\d{1,2}(st|nd|rd|th)? (${months})\\b`, 'i'),
      // A month by its place: after a day or a word of time, or before a year; "Theresa May" names nobody's month.
      month: new RegExp(`(?:\\b(?:in|on|by|since|until|till|from|of|early|late|mid|during|last|next|this|that|every|each|between|before|after|\\d{1,2}(?:st|nd|rd|th)?)[\\s-]+)(${months})\\b|\\b(${months})(?:\\s+\\d{1,2}(?:st|nd|rd|th)?,?)?\\s+(?:19|20)\\d\\d\\b`, 'i'),
      dayNumber: new RegExp(`^\\d{1,2}(st|nd|rd|th)? (${months})\\b`, 'i'),
      monthAlone: new RegExp(`^(${months})$`),
      openAndClose: new RegExp(`\\b(?:from|between|opened|began|started)\\b(?:\\s+on)?\\s+((?:\\d{1,2}(?:st|nd|rd|th)?\\s+)?(?:${months})\\s+(?:19|20)\\d\\d)\\b[^.;]{0,40}?\\b(?:to|until|till|and|closed|ended|finished)\\b(?:\\s+on)?\\s+((?:\\d{1,2}(?:st|nd|rd|th)?\\s+)?(?:${months})\\s+(?:19|20)\\d\\d)\\b`, 'i'),
      bound: new RegExp(`\\b(since|until|till)\\s+((early|late|mid|the end of|the start of)[\\s-]+)?(\\d{1,2}(st|nd|rd|th)?\\s+)?((${months})\\s+)?(19|20)\\d\\d\\b`, 'i'),
      named: new RegExp(`\\b(?:(\\d{1,2})(?:st|nd|rd|th)?(?: of)? )?(${cut}|sept)\\.?(?![\\p{L}])(?:,? ((?:19|20)\\d\\d)\\b)?`, 'giu'),
      monthsLower,
    }
    datesOf.set(lexicon, found)
  }
  return found
}

/** A day or month a text names: its month's number, with its day and year where given. */
export interface NamedDate {
  month: number
  day?: number
  year?: number
}

/** A month's number (0 for January) from its name in full or cut short ("sept", "Oct."), read from its first three letters; -1 for a word too short. */
export function monthIndex(name: string, lexicon: Lexicon): number {
  const short = name.toLowerCase().slice(0, 3)
  return short.length < 3 ? -1 : dates(lexicon).monthsLower.findIndex((month) => month.startsWith(short))
}

/** The days and months a text names with a day or a year, the month written in full or cut short ("12 Oct 2017", "sept 2016"). */
export function datesNamed(text: string, lexicon: Lexicon): NamedDate[] {
  const out: NamedDate[] = []
  for (const m of text.matchAll(dates(lexicon).named)) {
    const [, day, name, year] = m as unknown as [string, string | undefined, string, string | undefined]
    // A month with neither day nor year may be a word ("may"); cut short, it needs one of them.
    if (day || year) out.push(namedDate(day, name, year, lexicon))
  }
  return out
}

function namedDate(day: string | undefined, name: string, year: string | undefined, lexicon: Lexicon): NamedDate {
  return { month: monthIndex(name, lexicon), ...(day && { day: Number(day) }), ...(year && { year: Number(year) }) }
}

/** Whether the question, or what the visitor told before it, names a date at least as precise as this one, so that it tells the asker nothing. */
function isAsked(date: NamedDate, asked: readonly NamedDate[]): boolean {
  return asked.some((a) => a.month === date.month && (date.year === undefined || a.year === undefined || a.year === date.year) && (date.day === undefined || a.day === date.day))
}

/**
 * How precise the most precise date in a sentence is: a day 1, a month 0.85,
 * a year 0.7, none 0. A year or month the question or a statement before it names ("after the 2014
 * split", "the PAC said in Sept 2016…") is no answer to when: the asker knows it.
 */
function datePrecision(sentence: string, lexicon: Lexicon, known: ReadonlySet<number> = new Set(), knownDates: readonly NamedDate[] = []): { score: number; pattern: RegExp } | undefined {
  const d = dates(lexicon)
  // The days and months the asker gave are no news; whatever date is left is ("until June").
  const rest = knownDates.length > 0 ? sentence.replace(d.named, (whole, day?: string, name?: string, year?: string) => ((day || year) && isAsked(namedDate(day, name ?? '', year, lexicon), knownDates) ? ' ' : whole)) : sentence
  if (d.day.test(rest)) return { score: 1, pattern: d.day }
  if (d.month.test(rest)) return { score: MONTH_PRECISION, pattern: d.month }
  if (YEAR.test(sentence) && (sentence.match(YEARS) ?? []).some((y) => !known.has(Number(y)))) return { score: 0.7, pattern: YEAR }
  // "In the 1990s": a date, if a loose one.
  if (DECADE.test(sentence)) return { score: 0.6, pattern: DECADE }
  return undefined
}

/** What `datePrecision` gives a date to the month (a day scores more). */
const MONTH_PRECISION = 0.85

/** A short capitalised code right before a figure ("HC 484", "Cm 9613", "No. 5"): the figure numbers a document and counts nothing. */
const NUMBERED_BY = /(?:^|[\s(])\p{Lu}\p{L}{0,2}\.?\s$/u

/** The kind of figure a text names, if a sum ("£450m", "450m") or a share ("70%"): "2 million people" is neither. */
export function figureKind(text: string): AnswerKind | undefined {
  return SHARE_FIGURE.test(text) ? 'percent' : SUM_FIGURE.test(text) ? 'money' : undefined
}

/**
 * What a figure stands for where it is written: a day of a month ("25 June"), a share ("25%"), a sum ("£25m"), a span
 * describing a thing ("a 24-hour strike") or a time taken ("20 yrs", "18 months inside"), else a count ("25 companies").
 */
export type FigureSort = 'day' | 'share' | 'sum' | 'span' | 'time taken' | 'count'

/** The sorts of figure `figure` (as typed: "25", "8000", "3.7bn") is where a text writes it, with or without commas ("8,000"); none where it is not written. */
export function figureSorts(text: string, figure: string, lexicon: Lexicon): Set<FigureSort> {
  const sorts = new Set<FigureSort>()
  // Commas between thousands are read away in both, at the same places, so what stands around a figure is as written.
  const plain = text.replace(THOUSANDS, '$1')
  for (const m of plain.matchAll(new RegExp(`(?<![\\d.,])${escape(figure.replace(/,/g, ''))}(?![\\d]|[.,]\\d)`, 'gi'))) {
    const at = m.index ?? 0
    const before = plain.slice(0, at)
    const after = plain.slice(at + m[0].length)
    // "80/20" may be written as two shares; "2017/18" is a year; "HC 484" numbers a document.
    if (after.startsWith('/') || before.endsWith('/') || NUMBERED_BY.test(before.slice(-5))) continue
    const sumOrShare = SUM_OR_SHARE_AFTER.exec(after)
    sorts.add(
      dates(lexicon).dayNumber.test(plain.slice(at)) ? 'day'
      : sumOrShare ? (/%|cent/i.test(sumOrShare[0]) ? 'share' : 'sum')
      : /[£$€]\s?$/.test(before) || /(?:m|bn)$/i.test(figure) ? 'sum'
      : SPAN_AFTER.test(after) ? (after.startsWith('-') ? 'span' : 'time taken')
      : 'count',
    )
  }
  return sorts
}
const THOUSANDS = /(\d),(?=\d{3}\b)/g

/** Whether a sentence gives a figure that is no year. */
export function holdsFigure(sentence: string): boolean {
  return DIGITS.test(sentence)
}

/**
 * Whether a sentence gives a figure besides those the question itself names: "how many of the 70
 * prisons were in Wales?" is not answered by a sentence that only says there were 70. With `sums`,
 * only a sum or a share counts: "how much of the £40m…" is not answered by "three operators"; without,
 * a sum or a share counts no things ("40 cases, 0.13% of the caseload") unless it is a share of the whole
 * named ("75 per cent of the 300"), and "the fourth time" counts times (`countOf` holds what is counted).
 */
export function givesOtherFigure(sentence: string, named: readonly string[], lexicon: Lexicon, sums = false, countOf: ReadonlySet<string> = new Set()): boolean {
  const { dayNumber } = dates(lexicon)
  const given = new Set(named.map((f) => f.replace(/,/g, '').replace(/(m|bn)$/, '')))
  // "Of the 200 buildings, how many…": a part counts buildings too, so "8,000 staff" (people, a class of `COUNT_CLASSES`) beside "200 buildings" is no part of them.
  const figures = [...sentence.matchAll(new RegExp(DIGITS.source, 'g'))]
  // What a figure counts, read from the few words after it before any punctuation ("8,000 probation staff"): a class, "other" for words of none, nothing when no word follows ("the 200,").
  const wordsAfter = (m: RegExpMatchArray) => (/^[^,.;:()!?]*/u.exec(sentence.slice((m.index ?? 0) + m[0].length))?.[0].match(/[\p{L}'’-]+/gu) ?? []).slice(0, COUNTED_WORDS)
  const sortOf = (next: string[]): CountClass | 'other' | undefined =>
    next.length === 0 ? undefined : (next.map((w) => COUNT_CLASSES.find((c) => lexicon.question[c].test(w.toLowerCase()))).find((c) => c !== undefined) ?? 'other')
  const counts = (m: RegExpMatchArray) => {
    const at = m.index ?? 0
    const after = sentence.slice(at + m[0].length)
    return !dayNumber.test(sentence.slice(at)) && !SPAN_AFTER.test(after) && !SUM_OR_SHARE_AFTER.test(after) && !/[£$€]\s?$/.test(sentence.slice(0, at))
  }
  const wholeFigures = figures.filter((m) => given.has(m[0].replace(/[,.]$/, '').replace(/,/g, '')) && counts(m))
  const wholes = wholeFigures.map((m) => sortOf(wordsAfter(m)))
  const wholeAsked = wholeFigures.some((m) => wordsAfter(m).some((w) => countOf.has(toTerm(w) ?? '')))
  for (const m of figures) {
    const at = m.index ?? 0
    if (dayNumber.test(sentence.slice(at)) || NUMBERED_BY.test(sentence.slice(Math.max(0, at - 5), at))) continue
    // A span ("two years early", "7-year contracts") counts no things.
    if (SPAN_AFTER.test(sentence.slice(at + m[0].length))) continue
    const after = sentence.slice(at + m[0].length)
    // Asked for a sum, only a sum or a share is another figure; asked for a count, neither is, save a share of the whole named.
    const sumOrShare = /[£$€]\s?$/.test(sentence.slice(0, at)) || (sums ? SUM_OR_SHARE_AFTER : SHARE_AFTER).test(after)
    const ofNamed = SHARE_OF_FIGURE.exec(after)?.[1]
    if (sumOrShare !== sums && !(ofNamed !== undefined && given.has(ofNamed.replace(/,/g, '')))) continue
    // Only a figure that says it counts people (or organisations), and not what the question counts, is told apart: "40 moved" may count anything.
    const next = sums ? [] : wordsAfter(m)
    const sort = sortOf(next)
    const asked = next.some((w) => countOf.has(toTerm(w) ?? ''))
    if (sort !== undefined && sort !== 'other' && !asked && wholes.length > 0 && wholes.every((w) => w !== undefined && w !== sort)) continue
    // Where the whole named is written counting what is asked ("476 written responses"), a figure before another noun ("39 events") counts that instead.
    // Not a verb: "40 felt …", "300 support the plans" say what part of the whole did.
    const verb = next[0] !== undefined && (/(?:ed|ing)$/i.test(next[0]) || irregularPast(next[0]) !== undefined || /^(?:the|that|to|a|an|it|them)$/i.test(next[1] ?? ''))
    if (!asked && wholeAsked && next[0] !== undefined && toTerm(next[0]) !== null && !verb) continue
    if (!given.has(m[0].replace(/[,.]$/, '').replace(/,/g, ''))) return true
  }
  if (sums) return FRACTION.test(sentence)
  if (countOf.has(TIMES) && NTH_TIME.test(sentence)) return true
  // "Million" in "£467 million" is the figure's own word, not another figure.
  return [...sentence.matchAll(new RegExp(COUNT_WORDS.source, 'gi'))].some(
    (m) => !SPAN_AFTER.test(sentence.slice((m.index ?? 0) + m[0].length)) && !/\d\s*$/.test(sentence.slice(0, m.index ?? 0)),
  )
}

/** Words after a figure read for what it counts. */
const COUNTED_WORDS = 3

/** What follows a figure making it a share ("12%", "12 per cent"). */
const SHARE_AFTER = /^\s?(?:per ?cent\b|%)/i
/** A share of a figure ("75 per cent of the 300"), that figure. */
const SHARE_OF_FIGURE = /^\s?(?:per ?cent|%)\s+of\s+(?:the\s+)?(\d[\d,]*)/i
/** What follows a figure making it a sum or a share ("467 million", "12%"). */
const SUM_OR_SHARE_AFTER = /^\s?(?:(?:m|bn|k|million|billion|per ?cent)\b|%)/i
/** A share given in words. */
const FRACTION = /(?<!\b(?:first|second|third|fourth|last|final|next|previous|other) )\b(?:half|quarter|third|fifth|tenth)s? of\b/i

/** What follows a figure giving a span of time rather than a count. */
const SPAN_AFTER = /^[\s-]+(years?|yrs?|months?|weeks?|days?|hours?|decades?)\b/i

/** The start of a span of years, just before the figure ending it. */
const YEAR_SPAN_END = /(?:19|20)\d\d[-–/]$/

/** Whether the text just before a figure makes it a document's number ("HC 484") or the end of a span of years ("2021-22"). */
function numberedOrSpan(before: string): boolean {
  return NUMBERED_BY.test(before) || YEAR_SPAN_END.test(before)
}

/** Figures that count something: not years, not days of a month, not the end of a span of years, and not a document's number. */
function countingFigure(sentence: string, lexicon: Lexicon): RegExp | undefined {
  const { dayNumber } = dates(lexicon)
  for (const m of sentence.matchAll(new RegExp(DIGITS.source, 'g'))) {
    const at = m.index ?? 0
    // Not a day of a month, nor a figure joined to the word it describes ("a 24-hour strike"), nor a digit within a name ("K9 Marine").
    // Nor the end of a span of years ("until 2021-22").
    const before = sentence.slice(Math.max(0, at - 5), at)
    if (!dayNumber.test(sentence.slice(at)) && sentence[at + m[0].length] !== '-' && !numberedOrSpan(before) && !/\p{L}/u.test(sentence[at - 1] ?? '')) return DIGITS
  }
  return undefined
}
/**
 * Capitalised runs ("Chris Grayling", "Centre for Crime and Justice Studies") and single names like "MTCnovo" or "NAO".
 * A possessive ends a run: "Working Links' Dorset CRC" is two names, not a person called "Working Links' Dorset".
 */
const NAME_WORD = String.raw`\p{Lu}(?:[\p{L}-]|['’](?!s\b)(?=\p{L}))*`
export const NAMES = new RegExp(String.raw`${NAME_WORD}(?:\s+(?:(?:of|for|and|the)\s+)*${NAME_WORD})*(?:['’]s\b|(?<=s)['’](?!\p{L}))?`, 'gu')

export interface KindContext {
  lexicon: Lexicon
  /** The question's content words as typed. */
  focus: string[]
  /** Head terms (last words) of the question's concepts and their alternatives. */
  asked: ReadonlySet<string>
  /** For "how many X": the terms that stand for X; a figure counting them is the answer. */
  countOf: ReadonlySet<string>
  /** For "how many complaints": the terms a sentence must speak of to count them. */
  countNamed: ReadonlySet<string>
  /** For "how many days…": the unit a span must be given in. */
  unitAsked?: string
  /** "How long after X did Y…": a date to the month (Y's, when the sentence speaks of Y) answers as well as a span. */
  spanBetween?: boolean
  /** "How many people…": a figure counting people of any sort counts what was asked; so of any class of `COUNT_CLASSES`. */
  countsAnyOf?: CountClass | undefined
  /** "How many prisoners…": their class; a figure counting the class's generic word ("people") may count them. */
  countClass?: CountClass | undefined
  /** Years the question, or what the visitor told before it, names: a sentence giving only one of them tells the asker no date. */
  yearsAsked?: ReadonlySet<number>
  /** Days and months the question, or what the visitor told before it, names: a sentence giving only those tells the asker no date. */
  datesAsked?: readonly NamedDate[]
  /** The question asks by when something was due: a date given as a deadline answers it. */
  deadline?: boolean
  /** For "who replaced X" and "who came before X". */
  succession?: { of: string; direction: 'after' | 'before' }
  /** The heading of the passage the sentence is in: it may state the relation the sentence's names are in. */
  heading?: string
  /** The index terms that stand for the question's terms in this passage: where in a sentence the question is. */
  matched: ReadonlySet<string>
  /** The question asks who said or found something: then the one a sentence attributes its words to is the answer. */
  asksAttribution: boolean
  /** A definition asked as what a name's letters stand for ("what does X stand for?"): spelling it out is the answer. */
  lettersAsked?: boolean
  isEnglishWord: (word: string) => boolean
  /** The whole dictionary, the words the sources make names of included: a person's name holds at most one of its words. */
  isDictionaryWord: (word: string) => boolean
}

/** A sentence's words with their offsets and terms. */
interface Token {
  word: string
  term: string | null
  start: number
}

const WORD_AT = /[\p{L}\p{N}£$€%]+(?:[.,'’&][\p{L}\p{N}]+)*/gu

/**
 * What a sentence's kind checks read, worked out once per sentence per
 * isolate: knowledge-base sentences are few and asked about again and again.
 */
interface Facts {
  tokens: Token[]
  /** The tokens' words in lower case. */
  lower: string[]
  /** Per token, whether it is a figure counting something (isCount), for the day-of-month pattern it was worked out with. */
  counts?: { dayNumber: RegExp; at: boolean[] }
  /** Capitalised runs, before any question's focus is taken out. */
  names: Name[]
  /** Offsets of each pattern's matches, by pattern. */
  offsets: Map<RegExp, number[]>
}

const FACTS_KEPT = 20_000
const factsOf = new Map<string, Facts>()

function facts(sentence: string): Facts {
  let found = factsOf.get(sentence)
  if (!found) {
    if (factsOf.size >= FACTS_KEPT) factsOf.clear()
    const matched = [...sentence.matchAll(WORD_AT)]
    const lower = matched.map((m) => m[0].toLowerCase())
    found = {
      lower,
      tokens: matched.map((m, i) => {
        const bare = (lower[i] as string).replace(/^[£$€]/, '')
        // A sum written out has the term words() gives it ("£924 million" is "924m"), so the question's "£924m" is found beside it.
        return { word: m[0], term: toTerm(shortSum(bare, matched[i + 1]?.[0]) ?? bare), start: m.index ?? 0 }
      }),
      names: [...sentence.matchAll(NAMES)].flatMap((m) => (namesKind(sentence, m) ? [] : [{ text: m[0], start: m.index ?? 0, end: (m.index ?? 0) + m[0].length }])),
      offsets: new Map(),
    }
    factsOf.set(sentence, found)
  }
  return found
}

/**
 * Whether capitals name a kind of thing, not one thing: after "a" or "an" and words describing it, as what a verb then
 * tells of ("a probation staff Community Interest Company was part of…"); not a name called so ("an outfit called Tidal
 * Lines was…"), nor one in apposition ("a new company Tidal Lines in 2015", "a rump National Probation Service (NPS)").
 */
function namesKind(sentence: string, m: RegExpMatchArray): boolean {
  const start = m.index ?? 0
  const described = INDEFINITE_BEFORE.exec(sentence.slice(Math.max(0, start - 60), start))
  if (!described || words(described[1] ?? '').some((w) => toTerm(w) === null || CALLED.test(w))) return false
  return VERB_AFTER.test(sentence.slice(start + m[0].length))
}
/** "a" or "an" and up to three words in lower case right before a name. */
const INDEFINITE_BEFORE = /(?<![\p{L}'’-])(?:[Aa]n?)\s+((?:\p{Ll}[\p{L}'’-]*\s+){0,3})$/u
const CALLED = /^(?:called|named|dubbed|known)$/
/** A verb right after the capitals: they are what the clause tells of. */
const VERB_AFTER = /^\s+(?:was|were|is|are|has|had|have|will|would|could|should|might|may|can|became|becomes)\b/

/** Global copies of patterns, for finding every match. */
const globals = new WeakMap<RegExp, RegExp>()

function offsetsOf(sentence: string, pattern: RegExp): number[] {
  const f = facts(sentence)
  let found = f.offsets.get(pattern)
  if (!found) {
    let global = globals.get(pattern)
    if (!global) globals.set(pattern, (global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`)))
    found = [...sentence.matchAll(global)].map((m) => m.index ?? 0)
    f.offsets.set(pattern, found)
  }
  return found
}

function tokens(sentence: string): Token[] {
  return facts(sentence).tokens
}

/** How close (in words) the nearest word of the question is to the text at `offset`, by `placesOf`; Infinity when none is there. */
function distanceToAsked(toks: Token[], place: readonly number[], offset: number, matched: ReadonlySet<string>): number {
  let at = toks.findIndex((t) => t.start >= offset)
  if (at < 0) at = toks.length - 1
  let best = Infinity
  toks.forEach((t, i) => {
    if (t.term !== null && matched.has(t.term)) best = Math.min(best, Math.abs((place[i] as number) - (place[at] as number)))
  })
  return best
}

const QUOTED_TITLES = new RegExp(QUOTED_TITLE.source, 'gu')

/** Each token's place in the sentence, in words, where a quoted title ("Transforming Rehabilitation: a revolution in…") takes one place. */
function placesOf(sentence: string, toks: Token[]): number[] {
  const spans = [...sentence.matchAll(QUOTED_TITLES)].map((m) => [m.index, m.index + m[0].length] as const)
  const place: number[] = []
  let n = -1
  let inSpan = -1
  for (const t of toks) {
    const span = spans.findIndex(([from, to]) => t.start >= from && t.start < to)
    if (span < 0 || span !== inSpan) n += 1
    inSpan = span
    place.push(n)
  }
  return place
}

/** How well matches of `pattern` answer: 1 beside the question's words, `far` elsewhere, 0 when there are none. */
function nearAsked(sentence: string, pattern: RegExp, ctx: KindContext, far: number, window = 6): number {
  const toks = tokens(sentence)
  const at = offsetsOf(sentence, pattern)
  const place = at.length > 0 ? placesOf(sentence, toks) : []
  for (const offset of at) if (distanceToAsked(toks, place, offset, ctx.matched) <= window) return 1
  return at.length > 0 ? far : 0
}

/** A question's focus words in lower case, made once per question: every sentence scored reads them. */
const focusSets = new WeakMap<readonly string[], ReadonlySet<string>>()

function focusSet(focus: readonly string[]): ReadonlySet<string> {
  let found = focusSets.get(focus)
  if (!found) focusSets.set(focus, (found = new Set(focus.map((w) => w.toLowerCase()))))
  return found
}

interface Name {
  text: string
  /** Where it starts and ends in the sentence. */
  start: number
  end: number
}

/**
 * Names in a sentence that the question does not already contain: the
 * answer to "which minister…" is a name the asker did not type. A title
 * ("Dame") is no part of the name for this.
 */
function newNames(sentence: string, focus: string[], lexicon: Lexicon): Name[] {
  const asked = focusSet(focus)
  const out: Name[] = []
  for (const found of facts(sentence).names) {
    const parts = nameParts(found, lexicon)
    if (parts === undefined || parts.every((w) => asked.has(w))) continue
    out.push(found)
  }
  return out
}

/** Each name's parts, with the lexicon they were read with: a sentence's names are read again by every question scoring it. */
const namePartsOf = new WeakMap<Name, { lexicon: Lexicon; parts: string[] | undefined }>()

function nameParts(found: Name, lexicon: Lexicon): string[] | undefined {
  let memo = namePartsOf.get(found)
  if (memo?.lexicon !== lexicon) namePartsOf.set(found, (memo = { lexicon, parts: readNameParts(found, lexicon) }))
  return memo.parts
}

/** The words of a name, in lower case without a possessive, that the question must hold for it to be no new name; undefined for a capital that names nobody. */
function readNameParts(found: Name, lexicon: Lexicon): string[] | undefined {
  const name = found.text
  const isSentenceStart = found.start === 0 && !name.includes(' ') && !/\p{Lu}.*\p{Lu}/u.test(name)
  // A month is capitalised but names nobody ("bought the cafés in May").
  if (isSentenceStart || dates(lexicon).monthAlone.test(name)) return undefined
  const titles = lexicon.personTitles
  return name
    .split(/\s+/)
    .filter((w) => !titles.has(w))
    .map((w) => w.toLowerCase())
    .filter((w) => !['of', 'for', 'and', 'the'].includes(w))
    .map((w) => w.replace(/['’]s?$/, ''))
}

/**
 * The person in a run of capitalised words: the run itself, or its end
 * after a capitalised role ("Prisons Minister Sam Gyimah"), less any letters
 * after the name ("Bob Neill MP").
 */
function personIn(name: Name, ctx: Pick<KindContext, 'lexicon' | 'isEnglishWord' | 'isDictionaryWord'>): Name | undefined {
  let memo = personOf.get(name)
  if (memo?.lexicon !== ctx.lexicon || memo.isEnglishWord !== ctx.isEnglishWord || memo.isDictionaryWord !== ctx.isDictionaryWord) {
    personOf.set(name, (memo = { lexicon: ctx.lexicon, isEnglishWord: ctx.isEnglishWord, isDictionaryWord: ctx.isDictionaryWord, person: readPerson(name, ctx) }))
  }
  return memo.person
}

/** Each name's person, with what it was read with: the dictionary look-ups are repeated by every question scoring the sentence. */
const personOf = new WeakMap<Name, Pick<KindContext, 'lexicon' | 'isEnglishWord' | 'isDictionaryWord'> & { person: Name | undefined }>()

function readPerson(name: Name, ctx: Pick<KindContext, 'lexicon' | 'isEnglishWord' | 'isDictionaryWord'>): Name | undefined {
  const parts = name.text.split(/\s+/)
  // Not "The London CRC": a run led by an article is an institution's name.
  if (!/^(the|a|an)$/i.test(parts[0] ?? '')) while (parts.length > 2 && /^\p{Lu}{2,}$/u.test(parts.at(-1) ?? '')) parts.pop()
  const end = name.start + parts.join(' ').length
  for (let k = 0; k + 2 <= parts.length; k++) {
    const text = parts.slice(k).join(' ')
    if (isPersonName(text, ctx)) return { text, start: end - text.length, end }
  }
  return undefined
}

/** The people a sentence names, as written ("Chris Grayling", "Dame Glenys Stacey"). */
export function peopleIn(sentence: string, ctx: Pick<KindContext, 'lexicon' | 'isEnglishWord' | 'isDictionaryWord'>): string[] {
  return facts(sentence).names.flatMap((n) => personIn(n, ctx)?.text ?? [])
}

/**
 * How many names a sentence gives that the question does not use, leaving out those only saying whose words these are: "which four regions…" needs four.
 * With `people`, only people's names, whoever's words they are: the chief inspector who said something is still who holds the post.
 */
export function namesGiven(sentence: string, ctx: Omit<KindContext, 'matched'>, people = false): number {
  // A run joined by "and" ("Tidal Lines and Harbour Link") may be several.
  return newNames(sentence, ctx.focus, ctx.lexicon)
    .filter((n) => (people ? personIn(n, ctx) !== undefined : !isAttribution(sentence, n, ctx)))
    .reduce((sum, n) => sum + n.text.split(/\s+and\s+/).length, 0)
}

/** Whether a name only says who the sentence's words come from ("HM Inspectorate of Probation said", "according to the BBC"). */
function isAttribution(sentence: string, name: Name, ctx: Pick<KindContext, 'asksAttribution' | 'lexicon'>): boolean {
  if (ctx.asksAttribution) return false
  let memo = attributionOf.get(name)
  if (memo?.lexicon !== ctx.lexicon) attributionOf.set(name, (memo = { lexicon: ctx.lexicon, attribution: attributes(sentence, name, ctx.lexicon) }))
  return memo.attribution
}

/** Whether each of a sentence's names says whose its words are, with the lexicon it was read with: every question scoring the sentence asks. */
const attributionOf = new WeakMap<Name, { lexicon: Lexicon; attribution: boolean }>()

function attributes(sentence: string, name: Name, lexicon: Lexicon): boolean {
  const { after } = around(sentence, name, 0, 2)
  const before = sentence.slice(Math.max(0, name.start - 16), name.start).toLowerCase()
  // "Bronwen Elphick, chief executive of the company, wrote…": a description between the name and its reporting verb.
  const described = /^,[^,.;:]{1,80},\s+(\p{L}+)/u.exec(sentence.slice(name.end))?.[1]
  return after.some((t) => lexicon.reporting.test(t.word)) || /according to( the)?\s*$/.test(before) || (described !== undefined && lexicon.reporting.test(described))
}

/** Whether a person's name stands beside words of the question ("the Justice Secretary, David Gauke,"): the name of the role asked about. */
function besideAsked(sentence: string, name: Name, ctx: Pick<KindContext, 'asked' | 'matched'>): boolean {
  const { before, after } = around(sentence, name, 4, 3)
  return [...before, ...after].some(({ term }) => term !== null && (ctx.asked.has(term) || ctx.matched.has(term)))
}

/** The last `before` words ahead of a name and the first `after` words behind it. */
function around(sentence: string, name: Name, before: number, after: number): { before: Token[]; after: Token[] } {
  const toks = tokens(sentence)
  let next = toks.findIndex((t) => t.start >= name.end)
  if (next < 0) next = toks.length
  let first = toks.findIndex((t) => t.start >= name.start)
  if (first < 0) first = toks.length
  return { before: toks.slice(Math.max(0, first - before), first), after: toks.slice(next, next + after) }
}

/**
 * Whether a name is a person's: two to four capitalised words, none an
 * abbreviation, no linking words, and at most one of them a dictionary word
 * ("Glenys Stacey", "Chris Grayling"), or led by a title ("Dame …"). An
 * institution's name is mostly dictionary words ("Working Links", "Select
 * Committee", "National Probation Service") or carries an abbreviation. The
 * last word counts only if everyday English: a dictionary word the sources only
 * write capitalised is there a surname as often ("Meg Hillier").
 */
export function isPersonName(name: string, ctx: Pick<KindContext, 'lexicon' | 'isEnglishWord' | 'isDictionaryWord'>): boolean {
  const parts = name.replace(/['’]s?$/, '').split(/\s+/)
  if (parts.length < 2) return false
  if (ctx.lexicon.personTitles.has(parts[0] as string)) return true
  if (parts.length > 4 || parts.some((w) => /^\p{Lu}{2,}/u.test(w) || /^(of|for|and|the)$/i.test(w))) return false
  // A word the sources only write capitalised may be a surname at the end; before it, it is a word of a name of words ("Select Committee").
  return parts.filter((w, i) => (i < parts.length - 1 ? ctx.isDictionaryWord : ctx.isEnglishWord)(w.toLowerCase())).length <= 1
}

/** `s` matched as written inside a pattern. */
export const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const LINKS = new Set(['of', 'for', 'and', 'the', 'in', '&'])

/** A name's initials: all of a word in capitals ("HM"), else its first letter; linking words skipped. */
export function initials(ws: readonly string[]): string {
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

/** Whether a sentence spells out a focus word as an abbreviation: "Community Rehabilitation Companies (CRCs)", "Napo (the National Association of Probation Officers)". */
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

/** Whether a sentence describes a focus word: "X, director of …", "X (the …)", "X is …". */
function describes(sentence: string, focus: string[]): boolean {
  return focus.some((word) => describing(caseless(word)).test(sentence))
}

/** What a sentence spelling out the name asked about is worth when it goes on to say nothing of what the thing is. */
const SPELT_IN_PASSING = 0.8
/** What a sentence saying what the thing asked about is or does is worth without spelling its name out. */
const SAID_WHAT_IT_IS = 0.9

/** Whether, after the name asked about (or its letters in brackets), the sentence says what it is or does: "…(CRCs), which manage…", "Napo is the…", "X, a …", "the NPS was created to…". */
function definedAfter(sentence: string, focus: string[]): boolean {
  return focus.some((word) =>
    [...sentence.matchAll(definingAfter(caseless(word)))].some((m) => !/,\s*(?:an?|the)\s+$/i.test(m[0]) || APPOSITIVE_REST.test(sentence.slice((m.index ?? 0) + m[0].length))),
  )
}
const definingAfterCache = new Map<string, RegExp>()
function definingAfter(word: string): RegExp {
  return memo(definingAfterCache, word, () => new RegExp(`\\b${writtenForms(word)}\\)?(?:\\s*,\\s*(?:which|who|that)\\b|\\s*,\\s*(?:an?|the)\\s+(?=\\p{L})|\\s+(?:is|are|was|were)\\s+(?:an?|the|one)\\s|\\s+(?:is|are|was|were)\\s+(?:created|set up|established|formed|responsible|there)\\s+(?:to|for)\\s)`, 'giu'))
}

/** A short noun phrase in lower case closed by a comma: ", the firms running the ferries," is an appositive; ", the Press Association reported" and ", the service was split into…" are not. */
const APPOSITIVE_REST = /^\p{Ll}[\p{L}'’-]*(?:\s+[\p{L}'’-]+){0,5}\s*,/u

/** Whether a sentence names the thing asked about right after words saying what it is ("the Green Paper 'Breaking the Cycle'"). */
function namedAfterWhatItIs(sentence: string, focus: string[]): boolean {
  const name = focus.filter((w) => toTerm(w) !== null).map(caseless)
  return name.length > 0 && appositive(name.join(' ')).test(sentence)
}

/**
 * The whole name, in order (a few small words may stand between its words: "Breaking the Cycle"), written as a name (a capital first,
 * or opening a quotation), right after "the", "a" or "an" and up to three words that are no small words ("the charity Nacro"), built once per name.
 */
function appositive(name: string): RegExp {
  return memo(appositives, name, () => {
    const [first = '', ...rest] = name.split(' ').map((w) => `[${escape(w.charAt(0).toUpperCase())}${escape(w.charAt(0))}]${escape(w.slice(1))}`)
    const capital = `(?:["“‘']${first}|${escape(name.charAt(0).toUpperCase())}${first.slice(first.indexOf(']') + 1)})`
    const between = rest.map((w) => `(?:\\s+[\\p{L}'’-]+){0,2}?\\s+${w}`).join('')
    return new RegExp(`\\b(?:[Tt]he|[Aa]n?)\\s+(?:(?!(?:of|and|or|the|to|in|for|on|by|with|at|from)\\b)[\\p{L}-]+\\s+){1,3}${capital}${between}\\b`, 'u')
  })
}
const appositives = new Map<string, RegExp>()

/**
 * A word to build a case-insensitive pattern of, in lower case: one pattern then serves the word however it
 * is typed ("Stacey", "STACEY"), where compiling one costs more than scoring a passage. As typed where
 * lower-casing changes its length ("İ"), which would change what the pattern matches.
 */
function caseless(word: string): string {
  const lower = word.toLowerCase()
  return lower.length === word.length ? lower : word
}

/**
 * Whether a sentence gives a role just before a word asked about, in lower case after "the" ("the minister Lucy Frazer",
 * "the former deputy harbour master Jo Bluewater"): words naming a post, not a verb ("the board thanked Jo…") nor a stop word.
 */
function titled(sentence: string, focus: string[], lexicon: Lexicon): boolean {
  return focus.some((word) => {
    // The word written as a name, capitalised ("the minister Lucy Frazer", not "the former minister said").
    const found = wordPattern(word).exec(sentence)
    const role = found && found.index > 0 && /^\p{Lu}/u.test(found[0]) ? ROLE_BEFORE.exec(sentence.slice(Math.max(0, found.index - 80), found.index))?.[1] : undefined
    return role !== undefined && words(role).every((w) => !STOP_WORDS.has(w) && !/ed$/.test(w) && !lexicon.reporting.test(w))
  })
}

/** Patterns kept per cache before it starts afresh: a knowledge base's questions name far fewer words. */
const PATTERNS_KEPT = 1000

/** What `cache` holds for `key`, built once by `build`: every sentence scored tests the patterns built per word asked about. */
function memo<T>(cache: Map<string, T>, key: string, build: () => T): T {
  let found = cache.get(key)
  if (found === undefined) {
    if (cache.size > PATTERNS_KEPT) cache.clear()
    cache.set(key, (found = build()))
  }
  return found
}

/** A word as a whole word in any script, whatever its case, built once per word. */
function wordPattern(word: string): RegExp {
  return memo(wordPatterns, word, () => new RegExp(`(?<![\\p{L}\\p{N}])${escape(word)}(?![\\p{L}\\p{N}])`, 'iu'))
}
const wordPatterns = new Map<string, RegExp>()
/** "the", up to four lower-case words, then the name's first words: what comes just before a name titled by its role. */
const ROLE_BEFORE = /\b[Tt]he\s+((?:\p{Ll}[\p{L}-]*\s+){1,4})(?:\p{Lu}[\p{L}'’-]*\s+){0,2}$/u

/** A word as written in its forms: "company" as "Companies (CRCs)" too, not "study" as "studied". */
function writtenForms(word: string): string {
  return /\p{L}y$/u.test(word) ? `${escape(word.slice(0, -1))}(?:y[\\p{L}'’]*|ies)` : `${escape(word)}[\\p{L}'’]*`
}

const describingCache = new Map<string, RegExp>()

/** The pattern of a word described, built once per word. */
function describing(word: string): RegExp {
  return memo(describingCache, word, () => new RegExp(`\\b${writtenForms(word)}\\)?\\s*(,|\\(|\\s(is|was|are|were|stands for|means)\\b)`, 'iu'))
}

/**
 * Whether a token is a figure that counts something: not a year, the end of a
 * span of years ("2021-22"), a day of a month, a share ("40%"), nor a figure joined to the next word ("a 24-hour
 * strike"), which describes that word.
 */
function isCount(sentence: string, t: Token, dayNumber: RegExp): boolean {
  const w = t.word.toLowerCase()
  const rest = sentence.slice(t.start + t.word.length)
  // "Over half of the cases" says how many of them, as a share; "the first half of 2019" is a time.
  if (SHARE_OF.test(w) && /^\s+of\b/.test(rest)) return !/^\s+of\s+((the|that|this)\s+)?((19|20)\d\d|year|month|decade)\b/i.test(rest) && !/\b(first|second|last|latter|former)\s+$/i.test(sentence.slice(0, t.start))
  if (!(/^\d[\d,.]*$/.test(w) || NUMBER_WORDS.has(w)) || /^(19|20)\d\d$/.test(w) || dayNumber.test(sentence.slice(t.start)) || numberedOrSpan(sentence.slice(Math.max(0, t.start - 5), t.start))) return false
  return !/^\s*(%|per ?cent)/i.test(rest) && !rest.startsWith('-')
}

/** Per token of a sentence, whether it is a figure counting something: worked out once per sentence, as every "how many" question scoring it reads it. */
function countsAt(sentence: string, dayNumber: RegExp): boolean[] {
  const f = facts(sentence)
  if (f.counts?.dayNumber !== dayNumber) f.counts = { dayNumber, at: f.tokens.map((t) => isCount(sentence, t, dayNumber)) }
  return f.counts.at
}

/** Stop words that name what a figure counts ("three things", "a lot"): never a word the question counts, as it is never searched for. */
const COUNTED_STOP_WORDS: ReadonlySet<string> = new Set(['thing', 'things', 'lot'])

/** A figure that counts something asked about: "21 Community Rehabilitation Companies", "28,750 offenders"; not a year or a day of a month. */
function countsAsked(sentence: string, asked: ReadonlySet<string>, lexicon: Lexicon): boolean {
  const { tokens: toks, lower: ws } = facts(sentence)
  const counts = countsAt(sentence, dates(lexicon).dayNumber)
  for (let i = 0; i < toks.length; i++) {
    if (!counts[i]) continue
    // "21 Community Rehabilitation Companies".
    if (anyAsked(ws, i + 1, i + 5, asked)) return true
    // "The number of CRCs would fall to 11 (nationally)", but not "members of two rival groups": a figure right before a word other than an adverb counts that word.
    const next = toks[i + 1]
    if (!(next && next.term !== null && !/^\d|ly$/.test(next.word)) && anyAsked(ws, Math.max(0, i - 4), i, asked)) return true
  }
  return false
}

/** Whether a word of `ws` from `from` up to `to` has a term asked about; a loop, as it runs for every figure of every sentence scored. */
function anyAsked(ws: readonly string[], from: number, to: number, asked: ReadonlySet<string>): boolean {
  for (let k = from; k < Math.min(to, ws.length); k++) {
    const t = toTerm(ws[k] as string)
    if (t !== null && asked.has(t)) return true
  }
  return false
}

/** Every figure in the sentence that counts something says it counts another thing than the one asked about: "12 regions" for "how many officers". */
function countsOnlyOthers(sentence: string, ctx: KindContext): boolean {
  const toks = tokens(sentence)
  const counts = countsAt(sentence, dates(ctx.lexicon).dayNumber)
  let any = false
  for (let i = 0; i < toks.length; i++) {
    if (!counts[i]) continue
    any = true
    const joined = joinedAfter(toks, i)
    const last = joined.at(-1) as number
    const next = toks[last]
    // Not a word joined to the next ("200,000 low- and medium-risk offenders"): that describes what is counted.
    const before = toks[last - 1] as Token
    let term = next && sentence.slice(before.start + before.word.length, next.start).trim() === '' && sentence[next.start + next.word.length] !== '-' ? next.term : null
    // "11 of the 21 planned companies", "one of its areas": a share of what comes after "of".
    if (term === null && next?.word.toLowerCase() === 'of') term = countedAfterOf(toks, last + 1, ctx.countOf)
    // A figure followed by a word other than what the question counts counts that word, even one too common to search for ("three things").
    if (term === null && next && COUNTED_STOP_WORDS.has(next.word.toLowerCase())) continue
    if (term === null || ctx.countOf.has(term)) return false
    // "Nine local partners": a describing word right before the noun counts nothing of its own (not a verb's form: "40 including crews").
    const noun = toks[last + 1]
    const describing = next !== undefined && isDescribing(next.word.toLowerCase()) && !/(?:ing|ed)$/i.test(next.word)
    if (describing && noun && sentence.slice(next.start + next.word.length, noun.start).trim() === '' && countedAsked(noun, ctx)) return false
    // Of words joined after the figure ("2,000 staff and managers"), any the question counts (or, asked how many people, any people) says it counts that.
    if (joined.some((j) => countedAsked(toks[j] as Token, ctx))) return false
  }
  return any
}

/**
 * The words after the figure at `i` that say what it counts: the next, and words joined to it by "and" or "or"
 * ("low and medium-risk passengers"), which describe together what the last of them names; not a figure or an
 * adverb after "and" ("12 piers and nearly 200 quays", "19 piers and two quays"), which starts another count.
 */
function joinedAfter(toks: Token[], i: number): number[] {
  const out = [i + 1]
  for (let k = i + 1; /^(and|or)$/i.test(toks[k + 1]?.word ?? ''); k += 2) {
    const word = toks[k + 2]
    const lower = word?.word.toLowerCase() ?? ''
    if (!word || word.term === null || !/^\p{L}/u.test(lower) || NUMBER_WORDS.has(lower) || /ly$/.test(lower)) break
    out.push(k + 2)
  }
  return out
}

/** Whether a word after a figure is what the question counts, or asked how many people, a word for people. */
function countedAsked(t: Token, ctx: KindContext): boolean {
  return (t.term !== null && ctx.countOf.has(t.term)) || (ctx.countsAnyOf !== undefined && ctx.lexicon.question[ctx.countsAnyOf].test(t.word)) || genericOf(t.word, ctx)
}

/** A generic word ("people", "organisations") of the class the thing counted belongs to. */
function genericOf(word: string, ctx: KindContext): boolean {
  return ctx.countClass !== undefined && ctx.lexicon.question[ctx.countClass].test(word) && ctx.lexicon.question.vagueCount.test(word)
}

/**
 * The first word that names something after "of" and any articles, figures or words describing it ("of the 21 planned…", "of the privately owned…"),
 * within a few words; or, a little further, a word of what is asked ("of the 21 Community Rehabilitation Companies" counts companies).
 */
function countedAfterOf(toks: Token[], from: number, asked: ReadonlySet<string>): string | null {
  let first: string | null = null
  for (let j = from; j < Math.min(toks.length, from + 6); j++) {
    const t = toks[j] as Token
    if (t.term !== null && asked.has(t.term)) return t.term
    if (first === null && j < from + 4 && t.term !== null && !/^\d|(ly|ed)$/.test(t.word)) first = t.term
  }
  return first
}

/** A span of time that belongs to something asked about: "seven-year probation contracts". */
function spanOfAsked(sentence: string, asked: ReadonlySet<string>): boolean {
  for (const m of sentence.matchAll(DURATION)) {
    const after = words(sentence.slice((m.index ?? 0) + m[0].length)).slice(0, 4)
    if (after.some((w) => asked.has(toTerm(w) ?? ''))) return true
  }
  return false
}

/**
 * How well a sentence names who came after (or before) a person: someone
 * else in a sentence that says the right way round who took whose place.
 */
function succession(sentence: string, { of, direction }: { of: string; direction: 'after' | 'before' }, ctx: KindContext): number {
  const surname = surnameOf(of, ctx)
  if (!surname) return 0
  const { named: namesIt, cameAfter, cameBefore, verbs } = successionPatterns(caseless(surname), ctx.lexicon)
  if (!namesIt.test(sentence)) return 0
  const others = newNames(sentence, ctx.focus, ctx.lexicon).flatMap((n) => personIn(n, ctx) ?? [])
  if (others.length === 0) return 0
  const [right, wrong] = direction === 'after' ? [cameAfter, cameBefore] : [cameBefore, cameAfter]
  if (right.test(sentence)) return 1
  if (wrong.test(sentence)) return 0
  return verbs.test(sentence) ? 0.4 : 0.2
}

/** Whether a sentence tells of someone coming after the person named ("Y was appointed, taking over from X"): of X it tells the end, not the start. */
export function tellsSuccessorOf(sentence: string, name: string, ctx: Pick<KindContext, 'lexicon' | 'isEnglishWord'>): boolean {
  const surname = surnameOf(name, ctx)
  return surname !== undefined && successionPatterns(caseless(surname), ctx.lexicon).cameAfter.test(sentence)
}

/** A name's last word that is not everyday English ("mcdowell" in "paul mcdowell"), else its last word; titles left out. */
function surnameOf(name: string, ctx: Pick<KindContext, 'lexicon' | 'isEnglishWord'>): string | undefined {
  const named = name.split(/\s+/).filter((w) => !ctx.lexicon.personTitles.has(w))
  return [...named].reverse().find((w) => !ctx.isEnglishWord(w.toLowerCase())) ?? named.at(-1)
}

const successionCache = new Map<string, { named: RegExp; cameAfter: RegExp; cameBefore: RegExp; verbs: RegExp }>()

/** The patterns of a person named, and of someone coming after or before them, built once per name asked about: every sentence scored tests them. */
function successionPatterns(surname: string, lexicon: Lexicon) {
  return memo(successionCache, `${lexicon.succession}\u0000${surname}`, () => {
    const verbs = lexicon.succession
    const n = `${escape(surname)}\\b`
    // "Y replaced X", "X was replaced by Y", "X's successor", "her predecessor X": someone came after X.
    // X is what "was replaced by" tells of, the subject right before it (or before phrases between commas or brackets, or with another name): not in "under X's plan, the trusts were replaced by…".
    const cameAfter = new RegExp(`\\b(${verbs})\\s+(?:[\\p{L}'’]+\\s+){0,3}?${n}|${n}(?:(?:\\s*,[^,.;]{1,80}){1,2}\\s*,|\\s*\\([^)]{0,80}\\)|\\s+and\\s+\\p{Lu}[\\p{L}'’-]*(?:\\s+\\p{Lu}[\\p{L}'’-]*)*)?\\s+(?:was|were|being|had been|has been|have been)(?:\\s+(?:later|then|soon|\\p{L}+ly))?\\s+(?:replaced|succeeded)(?:\\s+as\\s+[\\p{L}\\s]{1,40}?)?\\s+by\\b|${n}['’]s\\s+successor|\\bpredecessor,?\\s+(?:[\\p{L}'’]+\\s+){0,3}?${n}|${n}[^.]*?\\bafter (?:which|whom)\\b`, 'iu')
    // "X replaced Y", "Y was replaced by X", "X's predecessor", "his successor X": someone came before X.
    const cameBefore = new RegExp(`${n}[^.;]{0,140}?\\b(${verbs})\\b|\\b(?:replaced|succeeded) by\\s+(?:[\\p{L}'’]+\\s+){0,3}?${n}|${n}['’]s\\s+predecessor|\\bsuccessor,?\\s+(?:[\\p{L}'’]+\\s+){0,3}?${n}`, 'iu')
    return { named: new RegExp(`\\b${n}`, 'iu'), cameAfter, cameBefore, verbs: new RegExp(`\\b(${verbs}|successor|predecessor)\\b`, 'iu') }
  })
}

/** What a date that is no deadline is worth to "by when?": something, as sources may give a deadline in other words. */
const NOT_A_DEADLINE = 0.3

/** How well a sentence carries the kind of answer asked for, 0 to 1. */
export function kindScore(kind: AnswerKind, sentence: string, ctx: KindContext): number {
  switch (kind) {
    case 'percent':
      // "Most staff" or "the majority" gives no share as a figure or a fraction does.
      if (PERCENT.test(sentence) && !EXACT_SHARE.test(sentence)) return VAGUE_SHARE * nearAsked(sentence, PERCENT, ctx, 0.7)
      return PERCENT.test(sentence) ? nearAsked(sentence, PERCENT, ctx, 0.7) : NUMBER.test(sentence) ? 0.3 : 0
    case 'money':
      return MONEY.test(sentence) ? nearAsked(sentence, MONEY, ctx, 0.7) : NUMBER.test(sentence) ? 0.3 : 0
    case 'amount':
      // "How much more…": a sum of money or a share, whichever the sources give.
      if (MONEY.test(sentence)) return nearAsked(sentence, MONEY, ctx, 0.7)
      if (PERCENT.test(sentence)) return nearAsked(sentence, PERCENT, ctx, 0.7)
      return countingFigure(sentence, ctx.lexicon) ? 0.6 : 0
    case 'count': {
      if (countsAsked(sentence, ctx.countOf.size > 0 ? ctx.countOf : ctx.asked, ctx.lexicon)) return 1
      // "How many officers…" is not answered by "12 regions": a figure naming what it counts counts that.
      if (ctx.countOf.size > 0 && countsOnlyOthers(sentence, ctx)) return 0.3
      // "How many complaints…" is not answered by a sentence that never speaks of complaints.
      if (ctx.countNamed.size > 0 && !tokens(sentence).some((t) => (t.term !== null && ctx.countNamed.has(t.term)) || genericOf(t.word, ctx))) return 0.3
      // Asked how many times, "the fourth time" says.
      if (ctx.countOf.size === 1 && ctx.countOf.has(TIMES) && NTH_TIME.test(sentence)) return 0.8 * nearAsked(sentence, NTH_TIME, ctx, 0.8)
      const figure = countingFigure(sentence, ctx.lexicon)
      // A share or a sum is a count only at a push ("84 per cent of members" says how many of them, not how many there were), unless a sum is what is counted ("how many millions").
      const counted = [...ctx.countOf].some((t) => SUM_UNITS.has(t)) ? sentence : sentence.replace(SHARE_OR_SUM, ' ')
      if (figure) return (countingFigure(counted, ctx.lexicon) ? 0.8 : COUNT_WORDS.test(counted) ? 0.6 : 0.45) * nearAsked(sentence, figure, ctx, 0.8)
      // Digits that are only days of a month or years count nothing ("on 3 December 2020").
      return COUNT_WORDS.test(sentence) ? 0.6 : NUMBER.test(sentence) ? 0.2 : 0
    }
    case 'time': {
      const date = datePrecision(sentence, ctx.lexicon, ctx.yearsAsked, ctx.datesAsked)
      if (!date) return 0
      // Asked by when, a date something happened on is not the date it was due by.
      if (ctx.deadline) return ctx.lexicon.deadline.test(sentence) ? date.score : date.score * NOT_A_DEADLINE
      return date.score * nearAsked(sentence, date.pattern, ctx, 0.6)
    }
    case 'duration': {
      // "How many days' notice…" is not answered by a 24-hour strike: asked in a unit, a span in another answers something else.
      const spans = [...sentence.matchAll(DURATION)]
      if (ctx.unitAsked && spans.length > 0 && spans.every((m) => unitOf(m) !== ctx.unitAsked)) return 0.3
      if (spanOfAsked(sentence, ctx.asked)) return 1
      if (spans.length > 0) return 0.7
      if (dates(ctx.lexicon).bound.test(sentence)) return 0.6
      // "Opened on 9 January 2013 and closed on 22 February 2013" says how long it was open.
      const opened = dates(ctx.lexicon).openAndClose.exec(sentence)
      if (opened && opened[1]?.toLowerCase() !== opened[2]?.toLowerCase()) return 0.6
      if (ctx.spanBetween && (datePrecision(sentence, ctx.lexicon)?.score ?? 0) >= MONTH_PRECISION) return 0.6
      return YEAR.test(sentence) ? 0.3 : 0
    }
    case 'reason':
      return ctx.lexicon.reason.test(sentence) ? 1 : 0
    case 'rating':
      return ctx.lexicon.rating.test(sentence) ? 1 : 0
    case 'entity': {
      const names = newNames(sentence, ctx.focus, ctx.lexicon).filter((n) => !isAttribution(sentence, n, ctx))
      if (names.some((n) => besideAsked(sentence, n, ctx))) return 1
      if (names.some((n) => n.text.includes(' ') || /\p{Lu}.*\p{Lu}/u.test(n.text))) return 0.7
      return names.length > 0 ? 0.5 : 0
    }
    case 'person': {
      if (ctx.succession) {
        const related = succession(ctx.heading ? `${ctx.heading}. ${sentence}` : sentence, ctx.succession, ctx)
        // The heading may say who came after whom; a sentence under it that names no one else does not say who.
        return newNames(sentence, ctx.focus, ctx.lexicon).some((n) => personIn(n, ctx)) ? related : Math.min(related, 0.5)
      }
      // Unlike an organisation, a person who "told MPs" is as often the one asked about as the source of the words.
      const people = newNames(sentence, ctx.focus, ctx.lexicon).flatMap((n) => personIn(n, ctx) ?? [])
      if (people.some((n) => besideAsked(sentence, n, ctx))) return 1
      return people.length > 0 ? 0.6 : 0
    }
    case 'identity': {
      if (describes(sentence, ctx.focus)) return 1
      // "The minister Lucy Frazer…": a role just before the name says who they were.
      if (titled(sentence, ctx.focus, ctx.lexicon)) return 0.9
      // "Who was the chief inspector?" asks for the person in the role: a name beside the role's words.
      const names = newNames(sentence, ctx.focus, ctx.lexicon)
      if (names.some((n) => personIn(n, ctx) && besideAsked(sentence, personIn(n, ctx) as Name, ctx))) return 0.9
      return names.length > 0 ? 0.3 : 0
    }
    case 'title': {
      // A title is quoted ("The future of the Probation Service"); a name the question does not use comes close.
      if (QUOTED_TITLE.test(sentence)) return 1
      const names = newNames(sentence, ctx.focus, ctx.lexicon)
      return names.some((n) => n.text.includes(' ') || /^\p{Lu}{2,}$/u.test(n.text)) ? 0.5 : names.length > 0 ? 0.4 : 0
    }
    case 'wording':
      // "What word did she use…", "how did they describe it": the words are quoted.
      return QUOTATION.test(sentence) ? 1 : 0
    case 'definition':
      // Spelling out the name and then saying what it is or does defines it; saying so without spelling it out, nearly;
      // a name spelt out in passing, in a sentence about something else, comes close; a description of it ("X, the …") less so.
      if (expands(sentence, ctx.focus)) return ctx.lettersAsked || definedAfter(sentence, ctx.focus) ? 1 : SPELT_IN_PASSING
      if (!ctx.lettersAsked && definedAfter(sentence, ctx.focus)) return SAID_WHAT_IT_IS
      return describes(sentence, ctx.focus) || namedAfterWhatItIs(sentence, ctx.focus) ? 0.6 : /\(/.test(sentence) ? 0.3 : 0
    default:
      return 0
  }
}
