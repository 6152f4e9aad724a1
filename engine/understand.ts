/**
 * Understanding a question, once: the cleaned text, its concepts (slots, each
 * with the alternatives the vocabulary gives), the kind of answer wanted, the
 * follow-up it leans on, whether it asks how things stand now, and any reason
 * to decline before looking anything up.
 */
import { addressesAssistant, asksSomething, cleanQuestion, isQuestion, isWordedAsQuestion, stillInsults, type CleanQuestion } from './clean'
import { STOP_WORDS } from './stop-words'
import { NAMES, answerKind, datesNamed, figureKind, initials, isPersonName, kindOf, kindOfIt, monthIndex, type AnswerKind, type NamedDate } from './kinds'
import { COUNT_CLASSES, type CountClass, type Lexicon } from './lexicon'
import { irregularPast, isDescribing, isRoughMeasure, isUnitOfSum, NUMBER_WORDS, spansNamed, terms, toTerm, words, yearsNamed } from './text'
import type { Expansions } from './vocabulary'

export interface Turn {
  question: string
  /** What was answered, as the engine answered it (answer.ts works it out; a client's copy is not trusted). */
  answer?: string
  /** When the event the answer's first quote reports happened. */
  dated?: string
  /** The id of the source the answer's first quote came from. */
  source?: string
}

export interface Slot {
  /** Alternatives; each is a sequence of terms that must all appear. */
  alternatives: string[][]
  /** The words the visitor typed for this concept, lower case. */
  typed: string[]
  /** 1 for the question's own words, less for words carried over from earlier turns. */
  weight: number
  /** The word naming the kind of answer wanted ("date" in "on what date…"): it finds passages, but no sentence answers by holding it. */
  namesKind?: true
  /** A name or year from what the visitor told before asking: it scopes the question, but one the sources never mention is the visitor's own. */
  told?: true
  /** The vocabulary names it as a name ("Hull"), though it may be an everyday word too. */
  named?: true
  /** Carried over from an earlier question a follow-up leans on. */
  carried?: true
  /** From what the visitor told before asking: a passage holding it gains, one lacking it loses nothing of the question it covers. */
  background?: true
  /** From what the visitor said before a question of no words of its own ("… all 28 services. Which one?"): what it is about, not a figure asked for. */
  fromSaid?: true
}

/** A concept the question asks in words of its own: not carried from the conversation, nor background from a story told before it. */
export function isOwnConcept(slot: Slot): boolean {
  return slot.weight === 1 && !slot.background
}

export type DeclineReason = 'greeting' | 'thanks' | 'personal' | 'private' | 'task' | 'later' | 'future' | 'instructed' | 'empty'

export interface Query {
  /** The question with markup, instructions and framing removed. */
  text: string
  /** The input tried to instruct the assistant. */
  instructed: boolean
  /** The input was strewn with runs of symbols or keys struck again and again, as from keys mashed. */
  mashed: boolean
  /** Concepts: the question's own first, then those carried from the turns a follow-up leans on. */
  slots: Slot[]
  kind: AnswerKind
  /** The question's own content words as typed. */
  focus: string[]
  /** A yes/no question ("did…", "was…"): the answer is a statement that settles it. */
  polar: boolean
  /** Asks how things stand now ("still", "currently"): answered with the latest state recorded. */
  now: boolean
  /** Leans on earlier turns, whose concepts it carries. */
  followUp: boolean
  /** A follow-up asking for examples of what was just said ("such as?", "like what?"). */
  examples?: true
  /** For a follow-up, the source the last answer's first quote came from: a conversation tends to stay with it. */
  lastSource?: string
  /** The terms of what a follow-up put its own words in place of ("England" in "… in England?" then "what about Wales?", "Working Links" for "and Sodexo?"): a sentence holding all of them still speaks of it, and answers for both, not for the one asked. */
  replaced?: string[]
  /** Asks what a source said or who said it ("what did the BBC say…", "which paper…"), or only names a source after a question that did ("the BBC said £450m, right?" then "and the Independent?"): who reported a sentence is part of what it says. */
  attribution: boolean
  /** For "how many X": the terms that stand for X (with the vocabulary's alternatives); the figure must count them. */
  countOf: string[]
  /** For "how many complaints": the terms of the thing counted, when the word after "how many" names one (not "people", "more"); a sentence never speaking of it counts something else. */
  countNamed: string[]
  /** "How many people…" counts people of any sort: a figure counting offenders, staff or members (`question.people`) counts what was asked; so "how many groups…" any organisations (`question.organisations`). */
  countsAnyOf?: CountClass
  /** "How many prisoners…": the class of `COUNT_CLASSES` the thing counted belongs to; a figure counting a word the class and `question.vagueCount` share ("50,000 people") may count them. */
  countClass?: CountClass
  /** For "which four regions…": how many things the answer must name. */
  listOf?: number
  /** "When did the first report come out?" asks for the earliest of several dated answers, "the final report" for the latest. */
  order?: 'earliest' | 'latest'
  /** "By what date…", "what deadline…": a date something was due by answers, not when it was set. */
  deadline?: boolean
  /** "Did they strike again?", "what happened next?": only what happened after this date (the last answer's, or one the question names: "again after the May 2013 strike") answers. */
  after?: string
  /**
   * "Was that before or after X?" after a question: the date of the event the last answer told of, and whether
   * the question's own event is compared with it ("…, was that before or after that?": `own`) or it with the
   * event the question names.
   */
  beforeOrAfter?: { dated: string; own: boolean }
  /** "Safer or more at risk?": the terms of each choice offered, one of which the answer holds. */
  choices?: string[][]
  /** The thing asked for ("what was the turnout…" asks for a turnout), as typed, when the wording names it. */
  attribute?: string
  /**
   * The words naming the thing asked for ("share price" in "what's X's share price", "chief executive" in
   * "who was the chief executive of…": the last two of its phrase, not figures), when it names a thing
   * rather than a kind of answer ("the reason", "the cost"): an answer must speak of it.
   */
  sought?: string[]
  /** Whose the thing asked for is, as the question names it after "of" ("Tidal Lines" in "who was the chair of Tidal Lines?"): an answer names the thing with its owner. */
  soughtOf?: string[]
  /** The word naming the sort of thing a "which …" question asks for ("judge" in "which judge was…", the last word of its phrase): a passage that never speaks of that sort does not answer it. */
  sortAsked?: string[]
  /** The nouns that narrow that sort ("insolvency" in "which insolvency firm…"): one the knowledge base holds nowhere says it names no such thing. */
  sortNarrowing?: string[]
  /** For "when did <name> become Y?", the name and the event whose date is asked: a date beside Y but not both is another event's. */
  eventAsked?: { names: string[]; event: string[] }
  /** "When did X take over?": the person whose start is asked, whom a sentence telling of someone coming after them tells of leaving. */
  startOf?: string
  /** "When was the post on X published?", "who wrote the piece on X?": asks about a text, answered by its source's publisher and date, or by its writer where the question asks who wrote it, before what it says. */
  publication?: 'publisher' | 'writer'
  /** "Who was <role> when <event>?": the role and the event, each answered on its own and joined by date. */
  holderAt?: { role: string; event: string }
  /** "Who replaced X", "who came before X": the person asked about and which way. */
  succession?: { of: string; direction: 'after' | 'before' }
  /** Years the question names ("in 2019"): an answer about another year answers something else. */
  years: number[]
  /** Days and months the question, or what the visitor told before it, names with a day or a year: a sentence giving only those tells the asker no date. */
  dates: NamedDate[]
  /** Of those, the spans of a year it names ("2021-22"): an answer naming only other spans ("2020-21") is about another period. */
  spans: string[]
  /** A year named before the question proper sets the scene ("in 2016, which company ran it?"): an answer may come from a sentence about another year. */
  yearSetsScene: boolean
  /** Asks which body ran or owned something in a year: a sentence saying so of an earlier year still answers, as what began then went on. */
  lasting: boolean
  /** A year after the knowledge base's period that it asks about. */
  laterYear?: number
  decline?: DeclineReason
}

/** What understanding reads: the lexicon, the vocabulary, the years the knowledge base mentions, and which words are everyday English. */
export interface Language {
  lexicon: Lexicon
  vocabulary: Expansions
  yearsMentioned: readonly number[]
  isEnglishWord: (word: string) => boolean
  /** Everyday English, or a word the sources only write capitalised: what a person's name has at most one of. */
  isDictionaryWord: (word: string) => boolean
  /** Whether the knowledge base's index holds a word's term: a word the sources use is no slip of the keys. */
  isIndexed: (word: string) => boolean
}

/** Weight of concepts carried over from an earlier question into a follow-up. */
export const CONTEXT_WEIGHT = 0.5
/** A question with at most this many concepts of its own after a statement is about the statement: read with it in full, for a reason to decline too (a personal case, a later year). */
const FEW_OWN_CONCEPTS = 2

/** A year, or a word of letters that is not everyday English: where and when a visitor's story happened. */
const scopes = (w: string, language: Language) => YEAR.test(w) || (/^\p{L}+$/u.test(w) && !language.isEnglishWord(w))
const YEAR = /^(19|20)\d\d$/

/**
 * What a visitor tells before asking ("my son was on probation in Grimsby in 2016.") is background, but
 * where and when it names (names, years) scope the question: those keep full weight, marked as the
 * story's, so that a name the sources never mention (the visitor's own) does not make it unanswerable.
 */
function scene(stated: Slot[], language: Language): Slot[] {
  return stated.map((s) => (s.named || s.typed.every((w) => scopes(w, language)) ? { ...s, weight: 1, told: true as const } : s))
}

/** A concept read as background: a passage holding it gains, one lacking it loses nothing (`Slot.background`). */
function asBackground(slot: Slot): Slot {
  return { ...slot, weight: CONTEXT_WEIGHT, background: true }
}

/**
 * The same for a story told in the question's own sentence ("my son was on probation in Grimsby in 2016,
 * who ran it?"), when the question proper has words of its own: the story's other words are background.
 */
function told(slots: Slot[], text: string, language: Language): Slot[] {
  // An aside in brackets ("(low risk)") is background too.
  if (text.includes('(')) {
    const aside = new Set(words((text.match(/\([^()]*\)/g) ?? []).join(' ')).map(toTerm))
    const outside = new Set(words(text.replace(/\([^()]*\)/g, ' ')).map(toTerm))
    const inAside = (s: Slot) => s.weight === 1 && !s.named && s.typed.every((w) => aside.has(toTerm(w)) && !outside.has(toTerm(w)) && !scopes(w, language))
    if (aside.size > 0 && slots.some((s) => s.weight === 1 && !inAside(s))) slots = slots.map((s) => (inAside(s) ? { ...s, weight: CONTEXT_WEIGHT } : s))
  }
  const story = language.lexicon.question.story.exec(text)?.[1]
  if (!story) return slots
  const asked = new Set(words(text.slice(story.length)).map(toTerm))
  const inStory = (s: Slot) => s.typed.every((w) => !asked.has(toTerm(w)))
  if (slots.every((s) => s.weight < 1 || inStory(s))) return slots
  return slots.map((s) => (s.weight === 1 && inStory(s) && !s.named && !s.typed.every((w) => scopes(w, language)) ? asBackground(s) : s))
}

/** The statement's concepts beside the question's own, those it shares once. */
function withStatement(own: Slot[], stated: Slot[]): Slot[] {
  const seen = new Set(own.map((s) => slotKey(s.alternatives)))
  return [...own, ...stated.filter((s) => !seen.has(slotKey(s.alternatives)))]
}

/** A question word asking something of its own ("where else did they…", "how did they…"), not "how about…", which asks the earlier question again ("why" and "whose" name a kind of their own). */
const ASKS_OWN = /\b(?:where|wheres)\b|\bhow\b(?! about\b)/i
/** "What happened to it?", "what became of them?": what was done, of its own, not the earlier question's kind again. */
const WHAT_HAPPENED = /\bwhat(?: has| had)? (?:happened|happens|became of)\b/i
/** "What did she admit?": after a question asking who, it asks what was done or said, not who again ("and what did Tidal win?" after "how many…" asks how many). */
const ASKS_WHAT_DONE = /^\s*(?:(?:and|so|but|then)\s+)?what (?:did|does|do|has|have|had)\b/i
/** Kinds of answer a question asking who wants. */
const ASKS_WHO: ReadonlySet<AnswerKind> = new Set(['person', 'identity', 'entity'])

/** Earlier turns a chain of follow-ups may reach back through. */
const CONTEXT_TURNS = 3

/** Words pointing back to a place or time already told ("were the routes there…", "who ran it then?"), not "is there…". */
const POINTS_BACK = /\b(there|then|that year|at that time|at the time)\b/i
/** "There" that only says something exists: "is there…", "how many were there", "there was a strike". */
const THERE_EXISTS = /\b(?:is|are|was|were|isn't|aren't|wasn't|weren't) there\b|(?:^|[,;:.?!-]\s*|\b(?:and|but|so|if|that|whether|why|when|what|how many|how much)\s+)there (?:is|are|was|were|be|been|has|had)\b/gi

const LEANS_ON_CONTEXT = /\b(it|its|they|them|their|theirs|he|him|his|she|her|hers|this|that|these|those|there|then|same|one|ones)\b/i
/** Words after "is it" or "is that" that make it framing ("is it true that…"), and after "this" that make it a time ("this year"). */
const FRAMING = 'true|right|fair|correct|possible|the case|so'
const TIMES = 'year|years|month|months|week|weeks|day|days|time|morning|afternoon|evening|summer|winter|spring|autumn|decade|century'
/**
 * Words that stand for something named before, at any length of question: a pronoun among its first four
 * words, before anything it could stand for within the question ("what did they tell the board to do before
 * going ahead with its new timetable?"), but not "it" that only frames ("is it true that…", "how long did it
 * take to…") nor "this" of a time ("this year"); or "that" standing alone ("what did the board make of that?", "after that how many…") or asked about ("was that before or after…?").
 */
const POINTER = new RegExp(String.raw`^\s*(?:[\p{L}\d'’-]+[,;:.?!]*\s+){0,3}(?:(?:it|its|they|them|their|he|him|his|she|her)\b(?<!\b(?:is|was|isn't|wasn't|isnt|wasnt) it\b(?=\s+(?:${FRAMING})\b))(?<!\bit\b(?=\s+(?:take|takes|took)\b))|(?:this|these|those)\b(?!\s+(?:${TIMES})\b))|\bthat(?=\s*(?:one\b|[?.!,]|$))|^\s*(?:was|were|is|did|does|has|had) (?:that|this)\b(?!\s+(?:${FRAMING}|${TIMES})\b)|\b(?:of|about|to|with|for|after|before|by|on|at|from) that\b(?!\s+(?!(?:how|what|who|whom|whose|when|where|why|which|did|does|do|was|were|is|are|had|has|have|will|would|could|can)\b)\p{L})`, 'iu')
/** "…, before or after that?": the pointer follows the comparison, so the question's own event is compared with the last answer's. */
const AGAINST_LAST = /\b(?:before|after|earlier|later) or (?:before|after|earlier|later) (?:that|then|it|this)\b|\b(?:before|after) (?:that|then|it|this) or (?:before|after)\b/i
/** "Was that before or after X?": the pointer is the subject, so the last answer's event is compared with the one the question names. */
const LAST_AGAINST = /\b(?:was|were|is|did|had|has) (?:that|it|this)\b(?:\s+\p{L}+){0,3}?\s+(?:before|after|earlier|later) or (?:before|after|earlier|later)\s+(?!(?:that|then|it|this)\b)\p{L}/iu
/** Whether a text gives a date as precisely as it is known: its month and year ("March 2016"), or its year alone. */
export function statesDate(text: string, date: string, lexicon: Lexicon): boolean {
  return text.includes(lexicon.formatDate(date.slice(0, 7)))
}

/** The visitor's own people ("my mum", "our son"): a pronoun in the same message may mean them. */
const OWN_PEOPLE = /\b(?:my|our)\b/i
/** Pronouns that stand for a person: "when did he get the job?" means a person the last answer named, not the first name in it. */
const PERSONAL = /\b(he|him|his|she|her|hers)\b/i
/** A pronoun standing for a thing, not a person (not in "is it…?", which frames a question). */
const THING = /\b(?:it|its)\b(?<!\bis it)/i
const CONTINUES = /^\s*(and|but|so|also|ok(ay)?|what about|how about|what of|or)\b/i

/** A question word alone, or with its verb: "when?", "why not?", "how much?", "who did?", "who decided?", "who won?"; "how many" with its noun, and either after a preposition ("over how many years?"). */
const BARE = /^\s*(?:(?:over|for|in|by|from|since|until|after|before) )?(who|what|when|where|why|how( (?:much|many)(?: \p{L}+)?| long| often)?|which)( (did|was|were|is|are|not|exactly|said|won|paid|left|led|ran|bought|sold|lost|got|took|made|went|found|gave|told|wrote|began|\p{L}{3,}ed))?\s*[?.!]*\s*$/iu

/** The question word put last, after a word or two: "done by when?", "paid how much?", "ended where?". */
const ECHO = /^\s*(?:[\p{L}'’-]+\s+){1,2}(?:(?:by|from|until|since|in|on|at|for)\s+)?(?:when|where|why|who|how (?:much|many|long))\s*[?.!]*\s*$/iu

/** A phrase of one or two words led by a preposition (and "the"), none of them a stop word: "in 2019?", "in Wales?", "in the north". Not "for my son?" nor "in in in". */
const FRAGMENT = /^\s*(?:in|for|at|during|before|after|since|by|from|under|over)\s+(?:the\s+)?([\p{L}\d'’-]+(?:\s+[\p{L}\d'’-]+)?)(?:\s*[?.!]+)?\s*$/iu

/** A short question that leans on an earlier one ("who runs it?", "and in London?", "when?", "in 2019?"). */
export function isFollowUp(question: string): boolean {
  const fragment = FRAGMENT.exec(question)?.[1]
  const phrase = fragment !== undefined && words(fragment).every((w) => !STOP_WORDS.has(w.toLowerCase()))
  return CONTINUES.test(question) || BARE.test(question) || ECHO.test(question) || EXAMPLES.test(question) || phrase || (LEANS_ON_CONTEXT.test(question) && words(question).length <= 10)
}

/** Asking for examples of what was just said: "such as?", "like what?", "for example?". */
const EXAMPLES = /^\s*(?:and |so |but )?(?:such as|like what|for (?:example|instance)|e\.?g\.?|any examples?|examples?)\s*[?.!]*\s*$/i

/** Kinds of answer a figure gives, whose unit of time ("how much a year?", `question.rate`) says how the figure is counted, not what it is of. */
const RATED_KINDS: ReadonlySet<AnswerKind> = new Set(['money', 'count', 'amount'])

/** A question naming only the kind of answer it wants ("reason?", "which year?", "cost?", "how much a year?"): it has nothing of its own to look up. */
function asksOnlyAKind(text: string, language: Pick<Language, 'lexicon' | 'vocabulary'>): boolean {
  const asked = kindOf(text, language.lexicon)
  const unit = RATED_KINDS.has(asked.kind) ? language.lexicon.question.rate.exec(text)?.[1]?.toLowerCase() : undefined
  return asked.kind !== 'other' && withKindWord(slotsFor(text, language), asked.word, asked.kind).every((s) => s.weight < 1 || (s.typed.length === 1 && s.typed[0] === unit))
}

/** Words a question asking only what came next ("what happened next?", "what happened after that?") runs to. */
const ASKS_NEXT_WORDS = 4

/**
 * Whether a question after others leans on them: a follow-up by its wording, one asking only what came
 * next, or one asking only for a kind of answer, which needs something answered to ask it of.
 */
function leansOnEarlier(text: string, language: Pick<Language, 'lexicon' | 'vocabulary'>, answered = true): boolean {
  return leansByWording(text, language, answered) || POINTER.test(text) || SAYS_WHO.test(text)
}

/**
 * A short question ending on "the" and one thing the last question did not name ("did Napo take the government to court?" then "what
 * happened to the case?"): the thing talked about. Naming it again ("which companies ran the ferries?" then "who runs the ferries?") asks afresh.
 */
function talkedAbout(text: string, last: string): boolean {
  const thing = THE_THING.exec(text)?.[1]
  return thing !== undefined && words(text).length <= THE_THING_WORDS && !terms(last).includes(toTerm(thing) ?? '')
}
const THE_THING = /^\s*(?:who|what|whats|when|where|why|how|which)\b[^?.!]*\bthe\s+(\p{L}+)\s*\?*\s*$/iu
const THE_THING_WORDS = 6

/** Leaning on the earlier question by the question's shape (short, a question word alone, asking only what came next or only a kind), which also asks what the earlier one asked. */
function leansByWording(text: string, language: Pick<Language, 'lexicon' | 'vocabulary'>, answered: boolean): boolean {
  if (isFollowUp(text)) return true
  if (language.lexicon.question.afterLast.test(text) && words(text).length <= ASKS_NEXT_WORDS) return true
  return answered && asksOnlyAKind(text, language)
}

/**
 * Each slip of a function word long enough to survive one (a letter left
 * out, or two neighbours swapped: the commonest slips), with the words it may
 * be a slip of. Not a wrong or an extra letter, which as often make a name
 * ("Frome", "Kent") as a slip.
 */
const FUNCTION_SLIPS: ReadonlyMap<string, readonly string[]> = (() => {
  const out = new Map<string, string[]>()
  const add = (slip: string, word: string) => out.set(slip, [...new Set([...(out.get(slip) ?? []), word])])
  for (const w of STOP_WORDS) {
    if (!/^\p{L}{4,}$/u.test(w)) continue
    for (let i = 0; i < w.length; i++) {
      add(w.slice(0, i) + w.slice(i + 1), w)
      if (i + 1 < w.length && w[i] !== w[i + 1]) add(w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2), w)
    }
  }
  return out
})()

/** Longest word the index-word path reads: one letter restored at each place is 26 lookups a place. */
const LONGEST_SLIPPED = 14

/**
 * A word typed with a slip, as the word it was meant to be, when only one
 * reading fits: a function word ("happend", "becuase"), or a word of the
 * sources with a letter left out ("mnister", "oners"), spelt right so that it
 * can say what kind of answer is asked. Only a word that is neither English nor
 * in the sources nor in the vocabulary ("Herts"), so a name stays as typed.
 */
function unslipped(lower: string, language: Pick<Language, 'isEnglishWord' | 'isIndexed' | 'vocabulary'>, searches: { left: number }): string | undefined {
  if (lower.length < 4 || !/^\p{L}+$/u.test(lower) || STOP_WORDS.has(lower) || language.isEnglishWord(lower) || language.isIndexed(lower)) return undefined
  // "ther" may be "there", "their" or "other": a slip with two readings is left as typed.
  const functionWords = FUNCTION_SLIPS.get(lower)
  if (functionWords) return functionWords.length === 1 ? functionWords[0] : undefined
  if (lower.length > LONGEST_SLIPPED || language.vocabulary.has(toTerm(lower) ?? '')) return undefined
  searches.left -= 1
  if (searches.left < 0) return undefined
  const meant = new Set<string>()
  for (let i = 0; i <= lower.length && meant.size < 2; i++) {
    for (const c of LETTERS) {
      const w = lower.slice(0, i) + c + lower.slice(i)
      if (language.isEnglishWord(w) && language.isIndexed(w)) meant.add(w)
    }
  }
  return meant.size === 1 ? [...meant][0] : undefined
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz'

/** Unknown words of one text read for a word of the sources they may be a slip of: a text of many is no question mistyped, and each costs 26 lookups a letter. */
const SLIPS_READ_PER_TEXT = 4

/** Slips already read, by language: a follow-up reads its earlier questions several times. */
const slipsRead = new WeakMap<object, Map<string, string | undefined>>()
const SLIPS_KEPT = 2000

/** A capitalised word not at a sentence's start is a name, not a slip ("Heer", "Doig"). */
const startsSentence = (before: string) => /(?:^|[.?!:;]\s+)$/.test(before)

/** The question without the framing people put around it ("hi, quick one:", "can I ask…"), and words typed with a slip put right. */
function unframed(text: string, language: Pick<Language, 'lexicon' | 'isEnglishWord' | 'isIndexed' | 'vocabulary'>): string {
  const { lexicon } = language
  let read = slipsRead.get(language)
  if (!read || read.size > SLIPS_KEPT) slipsRead.set(language, (read = new Map()))
  const known = read
  const searches = { left: SLIPS_READ_PER_TEXT }
  let out = lexicon.spellOut(text).replace(/[\p{L}\d'’-]+/gu, (w, at: number, whole: string) => {
    if (/\p{Lu}/u.test(w) && !startsSentence(whole.slice(0, at))) return w
    const lower = w.toLowerCase()
    if (known.has(lower)) return known.get(lower) ?? w
    const meant = unslipped(lower, language, searches)
    // Only a full reading is kept: one cut short by the limit may read otherwise in a shorter question.
    if (searches.left >= 0) known.set(lower, meant)
    return meant ?? w
  })
  for (let previous = ''; previous !== out; ) {
    previous = out
    out = lexicon.question.filler.replaceAll(out, '').trim()
  }
  return out || text
}

/** The text without the words that shape the answer ("now", "stand for") or say whose case it is ("my mate"), which name no topic: what phrases are matched in. */
export function topicalText(text: string, lexicon: Lexicon): string {
  const { someoneElse, ownCase } = lexicon.question
  // What the visitor tells of someone's own case ("his order", "her licence") sets the scene; it is no topic.
  const told = someoneElse.test(text) ? ownCase.replaceAll(text, ' ') : text
  return someoneElse.replaceAll(lexicon.notTopic.replaceAll(told, ' '), ' ')
}

/**
 * Slots for a text: its content words, with the longest vocabulary phrase at
 * each position standing for one concept. Words that say how things stand now
 * or ask what a name means shape the answer, not its topic, and are left out.
 */
export function slotsFor(text: string, language: Pick<Language, 'lexicon' | 'vocabulary'>, weight = 1): Slot[] {
  const { lexicon, vocabulary } = language
  const topical = topicalText(text, lexicon)
  const all = words(topical)
  const typed: string[] = []
  const ts: string[] = []
  // Where each term's word is among all the words, stop words included.
  const at: number[] = []
  all.forEach((w, position) => {
    const t = isUnitOfSum(w, all[position - 1]) || isRoughMeasure(w, all[position + 1]) ? null : toTerm(w)
    if (t) {
      typed.push(w)
      ts.push(t)
      at.push(position)
    }
  })
  const slots: Slot[] = []
  const seen = new Set<string>()
  for (let i = 0; i < ts.length; ) {
    let best: { alternatives: string[][]; length: number; words: number; name?: true } | undefined
    for (const { phrase, words: exact, alternatives, name } of vocabulary.get(ts[i] as string) ?? []) {
      // A phrase written out word for word ("went under") beats the bare term it shrinks to ("went").
      // Of two phrases as long, one written out word for word ("Worthing") beats the stem it shares ("worth").
      const size = exact ? exact.length + 0.5 : phrase.length
      if (best && (phrase.length < best.length || (phrase.length === best.length && size <= best.words))) continue
      const start = exact ? (at[i] as number) - exact.findIndex((w) => toTerm(w) !== null) : 0
      const matches = exact ? start >= 0 && exact.every((w, k) => all[start + k] === w) : phrase.every((t, k) => ts[i + k] === t)
      if (matches) best = { alternatives, length: phrase.length, words: size, ...(name && { name }) }
    }
    const length = best?.length ?? 1
    const alternatives = best?.alternatives ?? [[ts[i] as string]]
    const key = slotKey(alternatives)
    if (!seen.has(key)) slots.push({ alternatives, typed: typed.slice(i, i + length), weight, ...(best?.name && { named: true as const }) })
    seen.add(key)
    i += length
  }
  return slots
}

export function slotKey(alternatives: string[][]): string {
  return alternatives.map((a) => a.join(' ')).sort().join('|')
}

/**
 * "Is X still the minister?" as "who is the minister now?": who holds the post now settles it, whoever X
 * is. Not the visitor's own case ("is my brother still…"), nor a question that goes on to ask more
 * ("…, and what is he paid?"), which the rewriting would drop.
 */
function roleNow(plain: string, typed: string, lexicon: Lexicon): string | undefined {
  const m = lexicon.question.roleNow.exec(plain)
  if (!m?.[1] || QUESTION_WORD_AFTER.test(plain.slice(plain.toLowerCase().indexOf(m[1].toLowerCase()) + m[1].length))) return undefined
  if (lexicon.question.personal.test(typed) || lexicon.question.someoneElse.test(typed)) return undefined
  return `who is the ${m[1]} now?`
}

/** A question word, or "and", after the role: the question asks more than who holds it. */
const QUESTION_WORD_AFTER = /\b(who|whom|whose|what|whats|when|where|which|why|how|and)\b/i

/** A year after the events the sources report: answering would pass older facts off as that year's. */
function laterYear(text: string, language: Language, polar: boolean): number | undefined {
  const { to } = language.lexicon.period
  for (const [, from, until, y] of text.matchAll(/\b(?:(since|after|beyond)|(until|till|to|through))?\s*(20\d\d)s?\b/gi)) {
    const year = Number(y)
    // "Were the contracts meant to run until 2025?" checks a plan made within the period: the end it names is the claim.
    if (polar && until) continue
    if (year > to) return year
    // "Since 2022" asks about the years after it, when the sources stop there.
    if (from && year === to) return to + 1
  }
  return undefined
}

/**
 * `leaning` reads a question after others as leaning on them whatever its wording: the answer path
 * asks so again when a short question's own words find no answer (answer.ts).
 */
export function understand(question: string, history: readonly Turn[], language: Language, leaning = false): Query {
  const { lexicon } = language
  const cleaned = cleanQuestion(question)
  const { text, main } = readQuestion(cleaned, language)
  // "When was the TUC's post on breaches published?" asks about a text, not an event: its source's publisher and date answer, and the words naming
  // the text, its publishing, its publisher ("which paper…") and its writer ("which journalist…") are no topic. With nothing else left, what the visitor
  // told before it ("… gave a long interview. Who was the journalist?") or the question it leans on says which text; failing both ("when was the post
  // published?" after an answer), it is asked as written.
  const aboutText = lexicon.question.publicationAsked.test(main) ? [lexicon.question.publicationWords, lexicon.question.publisherAsked, lexicon.question.writerAsked].reduce((t, p) => p.replaceAll(t, ' '), text) : undefined
  const textSlots = aboutText === undefined ? [] : slotsFor(aboutText, language)
  // What the visitor said before the question, read as the question is: once, whichever use needs it.
  let statementRead: string | undefined
  const statement = () => (statementRead ??= unframed(cleaned.context as string, language))
  const answered = history.at(-1)?.answer !== undefined
  const leansOnHistory = history.length > 0 && (leaning || leansOnEarlier(text, language, answered) || talkedAbout(text, history.at(-1)?.question ?? ''))
  const namesText = () => cleaned.context !== undefined && !isPleasantry(cleaned.context, lexicon) && slotsFor(statement(), language).some((s) => s.weight === 1)
  const publication = textSlots.some((s) => s.weight === 1) || (aboutText !== undefined && (namesText() || leansOnHistory))
  const itself = publication ? { kind: 'other' as const } : kindOf(main, lexicon)
  // "… set a deadline for the review. What was it?" asks for what the statement introduced.
  const asked = itself.kind === 'other' || itself.kind === 'definition' ? (kindOfIt(main, cleaned.context, lexicon) ?? itself) : itself
  // "Such as?" asks for examples of what it follows: no words of its own.
  const own = EXAMPLES.test(text) ? [] : told(withKindWord(publication ? textSlots : slotsFor(text, language), asked.word, asked.kind), text, language)
  const noWordsOfItsOwn = own.every((s) => s.weight < 1)
  // "When did that come out?" after another question: words of publishing alone name nothing to look up, so what it follows counts in full beside them.
  const publishingOnly = () => !publication && slotsFor(lexicon.question.publicationWords.replaceAll(text, ' '), language).every((s) => s.weight < 1)
  // A question with no words of its own after what the visitor said ("… at £600m. Over how many years?") asks about what they said, rather than about an earlier turn; small talk ("Thanks.") says nothing.
  const said = cleaned.context && noWordsOfItsOwn && !isPleasantry(cleaned.context, lexicon) ? statement() : undefined
  const followUp = said === undefined && leansOnHistory
  // A question of its own shape that only points back with a pronoun takes the earlier question's concepts, not what it asked nor when.
  const shaped = followUp && leansByWording(text, language, answered)
  // With no words of its own but the one naming the kind of answer ("when?", "how long were they for?"), a follow-up asks the earlier question's concepts as its own.
  const chain = followUp ? chainOf(history, language) : []
  // "… sailed from Hapend in 2016. Who ran the routes there?": "there" and "then" point back to where and when the statement told, and only to that, unless the question names its own year or asks about now.
  const toldScene = said === undefined && cleaned.context !== undefined && POINTS_BACK.test(main.replace(THERE_EXISTS, ' ')) && !lexicon.question.now.test(text)
  // A question after a statement reads the statement too, at half weight. One of few words of its own ("… reviewed the night routes. What did it
  // recommend?") is about the statement; one with words enough of its own reads it as background: a passage holding its words gains, one lacking
  // them is no worse an answer. A follow-up of its own words keeps leaning on the conversation instead.
  const fewOwn = own.filter((s) => s.weight === 1).length <= FEW_OWN_CONCEPTS
  const leans = said === undefined && !toldScene && cleaned.context !== undefined && !isPleasantry(cleaned.context, lexicon) && (fewOwn || !followUp) && asked.kind !== 'definition' && !lexicon.question.now.test(text)
  const ownYears = yearsNamed(text)
  const statedYears = toldScene && ownYears.length === 0 ? yearsNamed(cleaned.context as string) : []
  const stated = leans || toldScene ? scene(slotsFor(statement(), language, CONTEXT_WEIGHT), language).map((s) => (leans && !fewOwn ? { ...s, background: true as const } : s)) : []
  const statedScene = toldScene ? stated.filter((s) => s.told && (statedYears.length > 0 || !s.typed.every((w) => YEAR.test(w)))) : []
  const context = said === undefined && !leans && !toldScene && followUp ? withContext(own, chain, history.at(-1)?.answer, language, noWordsOfItsOwn || publishingOnly() ? 1 : CONTEXT_WEIGHT, text) : undefined
  const slots = said !== undefined ? [...own, ...slotsFor(said, language).map((s) => ({ ...s, fromSaid: true as const }))] : leans ? withStatement(own, stated) : toldScene ? withStatement(own, statedScene) : (context?.slots ?? own)
  // A remark after the question ("… before the reforms? their 2014 landscape review") is background, as a story told before it is, save the names and
  // years of it the sources hold, which weigh in full: a sign-off ("Regards, Priya Sharma") names no one the question is about.
  const remarked = cleaned.remark && !isPleasantry(cleaned.remark, lexicon) ? scene(slotsFor(unframed(cleaned.remark, language), language), language).map((s) => (s.told && s.typed.every((w) => language.isIndexed(w)) ? s : asBackground(s))) : []
  const previousText = chain[0]?.text
  const polar = lexicon.question.polar.test(main)
  let kind = asked.kind
  // A follow-up only naming a source after a question on what one said ("the BBC said about £450m, right?" then "and the Independent?",
  // and then "and the Guardian?") asks for that source's version: `saidBy` is that question.
  const saidBy = followUp && namesOnly(text, own, language) ? chain.find((turn) => asksWhoSaid(turn.text, lexicon))?.text : undefined
  // "And in Wales?" asks what the earlier question asked; "was it reversed?" asks a yes or no of its own.
  // "What happened next?" asks for what came after, of the kind asked before.
  const asksOwn = ASKS_OWN.test(main) || (WHAT_HAPPENED.test(main) && !lexicon.question.afterLast.test(main))
  if (kind === 'other' && previousText !== undefined && !polar && shaped && !asksOwn) {
    const earlier = answerKind(previousText, lexicon)
    if (!(ASKS_WHAT_DONE.test(main) && ASKS_WHO.has(earlier))) kind = earlier
    // After a check of one source's figure, the other's figure, of the kind the check named.
    if (kind === 'other' && saidBy !== undefined && lexicon.question.polar.test(saidBy)) kind = figureKind(saidBy) ?? kind
  }
  const years = statedYears.length > 0 ? statedYears : ownYears
  // "What about in Wales?" after "who runs it now?" (or after a chain of follow-ups leading back to it) asks about now too, unless it names a year of its own.
  const now = lexicon.question.now.test(text) || (years.length === 0 && shaped && chainAsksNow(chain, lexicon))
  // "When was that?" after "who was chief inspector in 2018?" asks for a date: a year the conversation named is no part of it,
  // unless it dated the event asked about ("when did the strike happen in 2014?", then "what month was that?").
  const dating = asked.kind === 'time' && context !== undefined && ownYears.length === 0 && !chain.some((turn) => answerKind(turn.text, lexicon) === 'time') ? slots.filter((s) => !(s.carried && s.typed.every((w) => YEAR.test(w)))) : slots
  const query: Query = {
    text,
    instructed: cleaned.instructed,
    mashed: cleaned.mashed,
    slots: withStatement(dating, remarked),
    kind,
    focus: words(topicalText(text, lexicon)).filter((w) => toTerm(w) !== null),
    polar,
    now,
    followUp,
    attribution: asksWhoSaid(text, lexicon) || saidBy !== undefined,
    years,
    dates: datesNamed(cleaned.context ? `${cleaned.context} ${text}` : text, lexicon),
    spans: spansNamed(statedYears.length > 0 ? (cleaned.context as string) : text),
    // A year the statement told sets the scene as "in 2016, who ran it?" does.
    yearSetsScene: years.length > 0 && (lexicon.question.sceneYear.test(text) || statedYears.length > 0),
    // A follow-up naming another year ("in 2017?") asks the lasting state its question asked.
    lasting: years.length > 0 && kind === 'entity' && (lexicon.question.lasting.test(text) || (followUp && namesOnly(text, own, language) && chain.some((turn) => lexicon.question.lasting.test(turn.text)))),
    ...(publication && { publication: lexicon.question.writerAsked.test(main) ? ('writer' as const) : ('publisher' as const) }),
    ...counted(text, own, language),
    ...(context && context.replaced.length > 0 && { replaced: context.replaced }),
  }
  const after = lexicon.question.successorOf.exec(text)
  const before = lexicon.question.predecessorOf.exec(text)
  const named = (after ?? before)?.slice(1).find((g) => g !== undefined)
  // "who came after him?", "who did she replace?": the first person the last answer named, or, after a statement, the first the visitor named in it.
  const last = history.at(-1)
  // A pronoun alone, or with the time it asks about ("who replaced him that July?"), not "her deputy".
  const pointer = named !== undefined && PERSONAL.test(words(named)[0] ?? '') && (words(named).length === 1 || POINTER_TIME.test(named))
  const of = pointer ? pronounsPerson(cleaned.context, last, language) : named
  // Only a person's name: it has a word that is not everyday English. About now, only a post's holder is a successor: "who is running the routes now that Bluewater has gone?" asks how things stand.
  if (of && words(of).some((w) => !language.isEnglishWord(w)) && (!now || kind === 'person' || kind === 'identity')) {
    // Whoever came before or after someone is a person, however the question puts it.
    query.succession = { of: of.trim(), direction: after ? 'after' : 'before' }
    query.kind = 'person'
    // "Grayling's successor", "took over … after X left" name the relation asked, as "date" names a kind of answer: the sentence giving it may say "replaced".
    query.slots = query.slots.map((slot) => (slot.typed.every((w) => SUCCESSION_WORDS.test(w)) ? { ...slot, weight: KIND_WORD_WEIGHT, namesKind: true } : slot))
    // A name a pronoun stood for is what the question asks about, as if typed.
    if (of !== named) {
      const own = slotsFor(of, language)
      const keys = new Set(own.map((slot) => slotKey(slot.alternatives)))
      // The rest of a story the pronoun's person came from only sets the scene for who held the post: a passage holding it gains, one lacking it loses nothing.
      const scenery = pointer && leans ? new Set(stated.map((slot) => slotKey(slot.alternatives))) : new Set<string>()
      const kept = query.slots.filter((slot) => !keys.has(slotKey(slot.alternatives))).map((slot) => (scenery.has(slotKey(slot.alternatives)) ? asBackground(slot) : slot))
      query.slots = [...kept, ...own]
    }
  } else if (of && query.kind === 'person' && !now && answerKind(`who was the ${of}`, lexicon) !== 'person') {
    // "Who took over from Working Links?": whatever came after a body, not a person or a post, is a body too.
    query.kind = 'entity'
  }
  if (query.kind === 'time') {
    if (lexicon.question.earliest.test(main)) query.order = 'earliest'
    else if (lexicon.question.latest.test(main)) query.order = 'latest'
    if (lexicon.question.deadline.test(main)) query.deadline = true
  }
  const choices = choicesIn(main)
  if (choices) query.choices = choices
  const listed = lexicon.question.listAsked.exec(main)?.[1]?.toLowerCase()
  if (listed) query.listOf = Number(NUMBER_WORDS.get(listed) ?? listed)
  const attribute = lexicon.question.attribute.exec(text)?.[1]?.toLowerCase()
  if (attribute) query.attribute = attribute
  if (kind === 'time') {
    // Of someone named ("when did Ann Lee become…"), the name and the event; a thing's change ("become law") is put in many other words.
    const [subject, event] = lexicon.question.eventAsked.exec(main)?.slice(1) ?? []
    // "When did she start?": the person the pronoun stands for.
    const meant = (who: string | undefined) => (who && PERSONAL.test(who) && words(who).length === 1 ? pronounsPerson(cleaned.context, last, language) : who)
    const names = words(meant(subject) ?? '').filter((w) => toTerm(w) !== null && !/\d/.test(w) && !language.isEnglishWord(w))
    if (names.length > 0 && event) query.eventAsked = { names, event: words(event) }
    const started = meant(lexicon.question.startAsked.exec(main)?.[1]?.trim())
    if (started && words(started).some((w) => !language.isEnglishWord(w.toLowerCase()))) query.startOf = started
  }
  const dated = history.at(-1)?.dated
  const startsFrom = monthStartedFrom(text, lexicon)
  // "Before or after that?" asks when, against the last answer's date, not what came after it. Which event is compared with which is read from
  // where the pointer stands; a question with both or neither, or naming a year ("before or after 2016?"), or a last answer not giving its date, gets no order.
  if (followUp && dated && lexicon.question.beforeOrAfter.test(text)) {
    const own = AGAINST_LAST.test(text)
    const last = history.at(-1)?.answer ?? ''
    if (own !== LAST_AGAINST.test(text) && query.years.length === 0 && statesDate(last, dated, lexicon)) query.beforeOrAfter = { dated, own }
  } else if (startsFrom) {
    // "Did they strike again after the November 2013 walkout?": the month named is where the answer starts, not what it is about.
    query.after = startsFrom.month
    // Its year is no year asked about, unless the question names it again ("again in 2013, after the May 2013 strike?").
    const year = Number(startsFrom.month.slice(0, 4))
    if (yearsNamed(text).filter((y) => y === year).length === 1) query.years = query.years.filter((y) => y !== year)
    if (query.years.length === 0) query.yearSetsScene = false
    // Its words find the event it starts from, which is no answer: background, as a story told before the question is.
    const typed = new Set(words(startsFrom.typed).map(toTerm))
    query.slots = query.slots.map((s) => (isOwnConcept(s) && s.typed.every((w) => typed.has(toTerm(w))) ? asBackground(s) : s))
  } else if (followUp && dated && lexicon.question.afterLast.test(text)) query.after = dated
  if (followUp && EXAMPLES.test(text)) query.examples = true
  const lastSource = history.at(-1)?.source
  if (followUp && lastSource) query.lastSource = lastSource
  // A follow-up's pronouns ("when she resigned") need the earlier turns, which the join does not read.
  const holder = followUp ? null : lexicon.question.holderAt.exec(text)
  if (holder?.[1] && holder[2] && (query.kind === 'person' || query.kind === 'identity')) query.holderAt = { role: holder[1], event: holder[2] }
  const sought = soughtIn(main, lexicon)
  if (sought) {
    query.sought = sought.words
    if (sought.of.length > 0) query.soughtOf = sought.of
  }
  // The last word names the sort; those before it narrow it ("old jetty", "insolvency firm"): a passage need not repeat them, but a knowledge base
  // that holds a narrowing noun nowhere names no such thing. Not a describing word ("struggling", "local"), nor the sort of a publisher, whose sources never say it.
  const sortSaid = words(lexicon.question.sortAsked.exec(main)?.slice(1).find((g) => g !== undefined) ?? '')
  const narrows = (w: string) => !STOP_WORDS.has(w) && !lexicon.question.grading.test(w) && !isDescribing(w) && !NUMBER_WORDS.has(w) && !/\d/.test(w)
  // A general noun last ("which court option…") names no sort of its own: a narrowing word before it does ("which other option" keeps "option").
  const wordBefore = sortSaid.at(-2)
  const sortWords = wordBefore !== undefined && narrows(wordBefore) && lexicon.question.generalThing.test(sortSaid.at(-1) as string) ? sortSaid.slice(0, -1) : sortSaid
  // "One" or a number word last ("which one was that?", "which other two…") stands for things named elsewhere: no sort.
  const lastSaid = sortWords.at(-1)
  const sort = lastSaid !== undefined && !/^ones?$/.test(lastSaid) && !NUMBER_WORDS.has(lastSaid) ? lastSaid : undefined
  const narrowing = query.attribution || lexicon.question.publisherAsked.test(main) ? [] : sortWords.slice(0, -1).filter(narrows)
  // A sort the cue for the kind of answer names ("which company", "which minister") is answered by a name, however its passage puts the sort.
  // Of people, though, a particular role ("which judge…") is one the passage must speak of, unless it is as loose as "minister" (`question.vagueRole`).
  const cued = words(asked.cue ?? '').some((w) => w.toLowerCase() === sort)
  if (sort && (!cued || (query.kind === 'person' && !lexicon.question.vagueRole.test(sort)))) query.sortAsked = [sort]
  if (narrowing.length > 0) query.sortNarrowing = narrowing
  // What the visitor said is read for what no question may ask (their own case, a later year, the future) as the question is.
  const whole = said !== undefined ? `${said} ${text}` : toldScene || (leans && fewOwn) ? `${cleaned.context} ${text}` : text
  const later = laterYear(whole, language, polar)
  if (later !== undefined) query.laterYear = later
  // For a personal case, also the question as typed (a request, "can i ask to be moved…", is no politeness to strip), and with what the
  // visitor told of someone the question asks about by a pronoun ("my uncle's on licence. can he ask to be moved?").
  const toldOf = cleaned.context !== undefined && PERSONAL.test(text) && lexicon.question.someoneElse.test(cleaned.context) ? [`${cleaned.context} ${text}`] : []
  // "Who announced her appointment?" after naming someone asks of that person's post, not of anyone's own case; not where the
  // visitor speaks of their own people ("my mum reckons her officer was rude. should she complain?"), whom the pronoun may mean.
  const pointed = PERSONAL.test(text) && !OWN_PEOPLE.test(question) ? pronounsPerson(cleaned.context, last && { question: last.question }, language) : undefined
  const person = pointed && isPersonName(pointed, language) ? pointed : undefined
  const asOf = (t: string) => (person ? t.replace(/\b(?:his|her|hers)\b/gi, `${person}'s`).replace(/\b(?:he|him|she)\b/gi, person) : t)
  const decline = declineReason(query, lexicon, whole, [...[whole, cleaned.text].map(asOf), ...toldOf])
  if (decline) query.decline = decline
  return query
}

/** Weight of the word naming the kind of answer wanted ("date" in "what date…"): searched for, but not a concept the answer must hold. */
const KIND_WORD_WEIGHT = 0.5

function withKindWord(slots: Slot[], word: string | undefined, kind: AnswerKind): Slot[] {
  if (!word) return slots
  // "Called" names a title when nothing else is asked ("what's it called?", after a question); beside a thing ("what were the operators called?") it stays a concept, which the coverage gate weighs.
  if (kind === 'title' && slots.some((s) => s.weight === 1 && !(s.typed.length === 1 && s.typed[0] === word))) return slots
  // A date does not carry the word "date" or "year" ("in 2014"), nor a quotation the word "phrase", nor a title "called"; a span or a sum may carry its unit ("two years early", "cost £5m").
  const aside = kind === 'time' || kind === 'wording' || kind === 'title' ? { namesKind: true as const } : {}
  return slots.map((s) => (s.typed.length === 1 && s.typed[0] === word ? { ...s, weight: KIND_WORD_WEIGHT, ...aside } : s))
}

/** Words a noun phrase naming what is asked for may run to: more, and it is no noun phrase. */
const ATTRIBUTE_WORDS = 4
/** The words of that phrase an answer must hold: the thing and the word that says which ("chief executive", not any executive). */
const SOUGHT_WORDS = 2

/**
 * The words naming the thing the wording says is asked for: those after "what was the", "who is the"
 * or "how much" up to the first that names no topic, at most ATTRIBUTE_WORDS of them; its last two
 * (not figures) when its last names a thing, not a kind of answer ("the reason"), and no clause after
 * it says which one is meant ("the executive who said…": what they did, not their title, picks them out).
 */
function soughtIn(text: string, lexicon: Lexicon): { words: string[]; of: string[] } | undefined {
  const found = lexicon.question.thingAsked.exec(text)
  const rest = found?.slice(1).find((g) => g !== undefined)
  if (!found || !rest) return undefined
  // "What was the outcome of the board's review?" asks for an outcome, a kind of answer, not for the review.
  const owner = (found[0] ?? '').slice(0, -rest.length)
  const ownerWords = words(owner)
  if (/\p{L}(?:'s|s')\s*$/u.test(owner) && ownerWords.some((w, i) => ownerWords[i + 1]?.toLowerCase() === 'of' && lexicon.question.generalThing.test(w))) return undefined
  const ws = words(lexicon.notTopic.replaceAll(rest, ' '))
  // A stop word ends the phrase, and so does a participle with words after it ("the CRC covering Somerset" asks for a CRC), one in "-ed" before a small word
  // ("the plan announced in May" asks for a plan; "the Ofsted report" for a report); "ferry licensing" is licensing, a "colour-coded chart" a chart.
  const joined = new Set([...rest.matchAll(/-(\p{L}+)/gu)].map((m) => (m[1] ?? '').toLowerCase()))
  const participle = (w: string, i: number) => (/\p{L}{3,}ed$/u.test(w) || irregularPast(w) !== undefined) && !joined.has(w.toLowerCase()) && toTerm(ws[i + 1] ?? '') === null
  const end = ws.findIndex((w, i) => toTerm(w) === null || (i > 0 && i < ws.length - 1 && (/\p{L}{3,}ing$/u.test(w) || participle(w, i))))
  // Figures and words that grade rather than say which ("the main", "the first") name nothing an answer must repeat.
  const run = (end < 0 ? ws : ws.slice(0, end)).filter((w) => !/\d/.test(toTerm(w) ?? '') && !lexicon.question.grading.test(w))
  const head = run.at(-1)
  if (!head || run.length > ATTRIBUTE_WORDS || RELATIVE.test(ws[end] ?? '') || lexicon.question.generalThing.test(head)) return undefined
  // Asked for a name ("the name of the colour-coded tool"), the answer names the thing, and need not describe it as the question does.
  if (/\bname of\b/i.test(text)) return { words: [head], of: [] }
  // Whose it is: the words after "of" ("the chair of the Tidal Lines board when…"), up to the next word that names no topic.
  const after = ws[end]?.toLowerCase() === 'of' ? ws.slice(end + 1).filter((w, i) => !(i === 0 && /^the$/i.test(w))) : []
  const stop = after.findIndex((w) => toTerm(w) === null)
  const of = (stop < 0 ? after : after.slice(0, stop)).slice(0, ATTRIBUTE_WORDS)
  return { words: run.slice(-SOUGHT_WORDS), of }
}

/** Content words on each side of a closing "… A or B?" (at most CHOICE_WORDS each): the choices the visitor offers. */
function choicesIn(text: string): string[][] | undefined {
  const m = /^(.*)\bor\b(.*?)[\s?.!]*$/i.exec(text)
  if (!m) return undefined
  const before = words(m[1] ?? '')
  const run: string[] = []
  for (let i = before.length - 1; i >= 0 && run.length < CHOICE_WORDS; i--) {
    const t = toTerm(before[i] as string)
    if (t === null) break
    run.unshift(t)
  }
  const after: string[] = []
  for (const w of words(m[2] ?? '')) {
    const t = toTerm(w)
    if (t !== null) after.push(t)
    // Stop words may lead the second choice ("or more at risk"); once it has begun, one ends it.
    else if (after.length > 0) break
    if (after.length === CHOICE_WORDS) break
  }
  // Figures offered as choices ("ended 2 years or 14 months early", "£450m a year or £700m a year") start at their figures, whatever words follow them.
  const near = before.slice(-FIGURE_CHOICE_WORDS)
  const figureAt = /^\d/.test(after[0] ?? '') ? near.map((w) => /^[£$€]?\d/.test(w)).lastIndexOf(true) : -1
  const first = figureAt >= 0 ? near.slice(figureAt).flatMap((w) => toTerm(w) ?? []) : run
  return first.length > 0 && after.length > 0 ? [first, after] : undefined
}

/** Words a choice offered in "… A or B?" runs to. */
const CHOICE_WORDS = 3
/** Words back a figure offered as a choice may stand, with its unit ("£450m a year or…"). */
const FIGURE_CHOICE_WORDS = 4

/** A word that looks like a plural noun ("offices", "places"), not one ending in "ss" or "us" ("process", "serious"). */
const PLURAL = /^\p{L}{2,}[^su']s$/u

/** Units of time: "weekly" and "monthly" say how often, not how something was done. */
const TIME_UNIT = /^(?:hour|day|week|month|quarter|year)$/

/** A relative pronoun after the thing asked for. */
const RELATIVE = /^(who|whom|that|which)$/

/** Words that say one holder followed another ("successor", "took over", "after X left"), not what the holder did. */
const SUCCESSION_WORDS = /^(successor|predecessor|took|take|taken|taking|over|stepped|step|left|gone|quit|retired|resigned|departed|moved)s?$/i

/**
 * For "how many …": the terms of what it counts (with the alternatives of the concepts they belong to), and of the
 * thing it names, when it names one rather than any count ("people", "more"): its first word, or a plural after up to
 * three words describing it ("new trainee probation officers"), a vague first word ("extra") only qualifying them;
 * whether it counts things of any sort of a class ("how many people", `question.people`; "how many groups",
 * `question.organisations`); and the class of the thing named ("prisoners" are people: `countClass`).
 */
function counted(text: string, slots: Slot[], { lexicon, isEnglishWord }: Language): Pick<Query, 'countOf' | 'countNamed' | 'countsAnyOf' | 'countClass'> {
  const m = lexicon.question.countOf.exec(text)
  if (!m) return { countOf: [], countNamed: [] }
  // A hyphenated word ("pre-sentence") is typed as its parts, each a concept of its own.
  const termsOf = (words: string[]) => {
    const parts = words.flatMap((w) => w.split('-'))
    return slots.filter((s) => s.typed.some((w) => parts.includes(w))).flatMap((s) => s.alternatives.map((alt) => alt.at(-1) as string))
  }
  // The words after "how many" (one alternative of the pattern matched, so its groups in order).
  const typed = m.slice(1).flatMap((w) => (w === undefined ? [] : [w.toLowerCase()]))
  // "How many staff worked…", "how many were consistently…": a past participle or an adverb says what they did, not what is counted.
  const doing = (w: string) => /\p{L}{3,}(ed|ly)$/u.test(w)
  // A vague first word before a word searched for ("how many extra resettlement staff") only qualifies what the rest names.
  const vague = typed[0] !== undefined && lexicon.question.vagueCount.test(typed[0]) && !COUNT_CLASSES.some((c) => lexicon.question[c].test(typed[0] as string))
  const qualified = vague && typed[1] !== undefined && !doing(typed[1]) && !typed[1].endsWith('ing') && !lexicon.question.vagueCount.test(typed[1]) && termsOf([typed[1]]).length > 0
  const ws = qualified ? typed.slice(1) : typed
  const [first, second] = ws
  // An adverb ("consistently": an English word of five letters or more and "-ly") or a verb first ("took part", "felt the merger…", "supported the plans") says what was done, not what
  // is counted: that is what an "of" opening the clause before "how many" named ("of the 476 responses, how many…"). Not a word of
  // another "-ly" ("supply", "early", "weekly"), nor a form that may describe before a word of the topic ("written replies", "qualified officers").
  const adverb = (w: string) => /^\p{L}{5,}ly$/u.test(w) && isEnglishWord(w.slice(0, -2)) && !TIME_UNIT.test(w.slice(0, -2))
  const done = (w: string) => {
    const past = irregularPast(w)
    return past === 'past' || ((past === 'either' || /\p{L}{3,}ed$/u.test(w)) && (second === undefined || toTerm(second) === null))
  }
  if (first !== undefined && (adverb(first) || done(first))) {
    const of = /(?:^|[,;:.!?]\s*)(?:out )?of (?:the|its|their|all|these|those)\s+(?:[\d,.]+\s+)?([^,;:.!?]+?)\s*,?\s*$/iu.exec(text.slice(0, lexicon.question.countOf.indexIn(text)))
    const named = words(of?.[1] ?? '')
    const stop = named.findIndex((w) => toTerm(w) === null)
    const whole = termsOf(stop < 0 ? named : named.slice(0, stop))
    if (whole.length > 0) return { countOf: whole, countNamed: whole }
    // With nothing named, a verb asks how many people did it ("how many took part"); an adverb ("how many exactly?") may count anything.
    return adverb(first) ? { countOf: [], countNamed: [] } : { countOf: [toTerm('people') as string], countNamed: [], countsAnyOf: 'people' }
  }
  // A hyphenated first word describes the thing counted ("pre-sentence reports"), which the next word names; unless that says what they did ("ex-offenders reoffended").
  // So does a plural after a first word that is neither plural nor a word for people or organisations ("harbour offices", "trainee places"): the first describes it.
  const describes =
    first?.includes('-') ||
    (first !== undefined && second !== undefined && !PLURAL.test(first) && !COUNT_CLASSES.some((c) => lexicon.question[c].test(first)) && PLURAL.test(second) && termsOf([second]).length > 0)
  // Two or three words may describe it ("late night crossings", "new trainee probation officers"), when none is plural, a word for people or organisations, or vague ("extra");
  // a word searched for, or one inside a phrase that is ("serious further offence reviews").
  const inPhrase = (i: number) => i > 0 && slots.some((s) => s.typed.includes(ws[i - 1] as string) && s.typed.includes(ws[i + 1] as string))
  const describer = (w: string | undefined, i: number) =>
    w !== undefined && !PLURAL.test(w) && !COUNT_CLASSES.some((c) => lexicon.question[c].test(w)) && !lexicon.question.vagueCount.test(w) && (termsOf([w]).length > 0 || inPhrase(i))
  const thing = (w: string | undefined) => w !== undefined && PLURAL.test(w) && !doing(w) && !lexicon.question.vagueCount.test(w) && termsOf([w]).length > 0
  const described = describes ? undefined : [2, 3].find((k) => ws.slice(0, k).every(describer) && thing(ws[k]))
  const head = described !== undefined ? ws[described] : describes && second && !doing(second) && !lexicon.question.vagueCount.test(second) ? second : first
  const named = head && !lexicon.question.vagueCount.test(head) ? head : undefined
  const anyOf = head && !named ? COUNT_CLASSES.find((c) => lexicon.question[c].test(head)) : undefined
  const countClass = named ? COUNT_CLASSES.find((c) => lexicon.question[c].test(named)) : undefined
  return {
    countOf: termsOf([...(qualified ? typed.slice(0, 1) : []), first, second && !doing(second) ? second : undefined, ...(described !== undefined ? ws.slice(2, described + 1) : [])].flatMap((w) => (w ? [w] : []))),
    countNamed: named ? termsOf([named]) : [],
    ...(anyOf && { countsAnyOf: anyOf }),
    ...(countClass && { countClass }),
  }
}

/**
 * What `understand` would decline a question for by its wording before reading its concepts (small talk, a personal
 * case, private details, a task, a year after the sources, the future): for a text only checked, at a fraction of the cost.
 */
export function declinedAsWorded(cleaned: CleanQuestion, language: Language): DeclineReason | undefined {
  const { text, main } = readQuestion(cleaned, language)
  return declinedByWording(text, text, [text, cleaned.text], laterYear(text, language, language.lexicon.question.polar.test(main)), language.lexicon)
}

/**
 * A cleaned question as it is read: unframed ("is X still the minister?" as "who is the minister now?"), and its main clause
 * ("When the board set out its plans, how were the operators to be paid?" asks how, not when: what is asked is read from there).
 */
function readQuestion(cleaned: CleanQuestion, language: Language): { text: string; main: string } {
  const plain = unframed(cleaned.text, language)
  const text = roleNow(plain, cleaned.text, language.lexicon) ?? plain
  return { text, main: language.lexicon.question.leadingClause.replaceAll(text, '') }
}

/** Reasons to decline that the question's wording alone gives: nothing to look up, or nothing that should be. */
function declineReason(query: Query, lexicon: Lexicon, whole: string, personalReads: readonly string[]): DeclineReason | undefined {
  const { text } = query
  const worded = declinedByWording(text, whole, personalReads, query.laterYear, lexicon)
  if (worded) return worded
  const own = query.slots.filter((s) => s.weight === 1)
  // What is left of an instruction once it is removed ("… word for word") asks nothing.
  if (query.instructed && (!isWordedAsQuestion(text) || stillInsults(text))) return 'instructed'
  // Words among mashed keys ("ferries?? //// ]]]] %%%") are a question only when worded as one.
  if (query.mashed && !isWordedAsQuestion(text)) return 'empty'
  // A follow-up with no words of its own ("when did that happen?") asks about the earlier question's.
  if (own.length === 0 && !(query.followUp && query.slots.length > 0)) return query.instructed ? 'instructed' : 'empty'
  // One word said over and over is not a question; "give me a timeline" asks for the whole story.
  if (own.length === 1 && words(text).length >= 4 && !isQuestion(text) && !lexicon.question.periodOverview.test(text)) return 'empty'
  // Nor are figures alone, not put as a question ("1", "2014 99"); a follow-up may ask them of the earlier question.
  if (!query.followUp && !isQuestion(text) && own.every((s) => s.typed.every((w) => /^\d[\d,.]*$/.test(w)))) return query.instructed ? 'instructed' : 'empty'
  return undefined
}

/** Small talk or thanks ("hello", "cheers, that helps"): no statement to read a question with, and nothing to answer. */
export function isPleasantry(text: string, lexicon: Lexicon): boolean {
  return lexicon.question.smallTalk.test(text) || lexicon.question.thanks.test(text)
}

/** The reasons to decline that need no concept of the question read. */
function declinedByWording(text: string, whole: string, personalReads: readonly string[], later: number | undefined, lexicon: Lexicon): DeclineReason | undefined {
  if (lexicon.question.thanks.test(text)) return 'thanks'
  if (lexicon.question.smallTalk.test(text)) return 'greeting'
  // Insults at the assistant or its makers that ask nothing ("whoever built this is a clown, get lost") are abuse, whatever topic words they hold.
  if (stillInsults(text) && addressesAssistant(text) && !asksSomething(text)) return 'instructed'
  // Someone the visitor knows ("my brother crews the night ferry") makes a personal case only with advice or a judgement
  // asked about it ("can he…", "will he get banned", "is that fair"); "…who runs it now?" asks how things stand.
  // So does someone's own order, licence or officer ("my mum reckons her officer was rude. should she complain?").
  const { personal, someoneElse, adviceAsked, ownCase } = lexicon.question
  const personalCase = (t: string) => personal.test(t) || (adviceAsked.test(t) && (someoneElse.test(t) || ownCase.test(t)))
  if (personalReads.some(personalCase)) return 'personal'
  if (lexicon.question.privateDetails.test(whole)) return 'private'
  // "Can you help me write a cover letter…" asks for work, not for what the sources say.
  if (lexicon.question.taskAsked.test(whole)) return 'task'
  // "What will happen in 2030?" asks for a forecast; "what happened in 2024?" for what came after the sources.
  if (later !== undefined) return lexicon.question.futureTense.test(whole) ? 'future' : 'later'
  if (lexicon.question.future.test(whole)) return 'future'
  return undefined
}

/** Whether a follow-up points back with a pronoun ("who took over its contracts?"): it may mean something the last answer named. */
function pointsBack(text: string): boolean {
  return (isFollowUp(text) && LEANS_ON_CONTEXT.test(text)) || SAYS_WHO.test(text)
}

/** Asking whose claim the last answer was ("who said so?", "says who?", "according to whom?"). */
const SAYS_WHO = /\b(?:said|says|say|claimed|claims|reported|reports) so\b|^\s*(?:says|said) who\b|\baccording to whom?\b/i

/**
 * Whether answering `question` reads the last answer: a follow-up, once
 * cleaned and unframed as `understand` reads it. One pointing back may mean
 * something the last answer named; one asking for the same kind of answer
 * again is answered with something the last answer did not say.
 */
export function readsLastAnswer(question: string, language: Language): boolean {
  return leansOnEarlier(unframed(cleanQuestion(question).text, language), language)
}

/**
 * The names in an answer's first sentence, those of several words first
 * ("Working Links", "Chris Grayling"), then single words that are not
 * everyday English ("Seetec"): what a pronoun in the next question may
 * stand for. A name before a reporting verb ("The Gazette said") says who
 * told it, not what it is about, unless `tellers` are wanted too.
 */
function namesIn(answer: string, language: Language, tellers = false): string[] {
  const runs = nameRunsIn(answer, language, tellers).map((n) => n.run)
  return [...runs.filter((run) => /\s/.test(run)), ...runs.filter((run) => !/\s/.test(run))]
}

/** The names in an answer's first sentence, as `namesIn` reads them, in the order they come, each with whether the word before it places it, or a list it is in. */
function nameRunsIn(answer: string, language: Language, tellers = false): { run: string; placed: boolean }[] {
  const first = answer.split(/(?<=[.!?])\s+(?=\p{Lu})|\s*\[\d+\]/u)[0] ?? ''
  const months = new RegExp(`^(${language.lexicon.monthNames})$`, 'i')
  const runs: { run: string; placed: boolean }[] = []
  let end = 0
  for (const m of first.matchAll(NAMES)) {
    const between = first.slice(end, m.index ?? 0)
    end = (m.index ?? 0) + m[0].length
    const next = words(first.slice((m.index ?? 0) + m[0].length))[0] ?? ''
    if (!tellers && language.lexicon.reporting.test(next)) continue
    // A capital that only starts the sentence ("In May", "Under Chris Grayling's") is not part of a name, nor is a month or a possessive 's.
    const parts = m[0].replace(/['’]s?$/, '').split(/\s+/)
    const dropped: string[] = []
    while (parts.length > 0 && (STOP_WORDS.has((parts[0] as string).toLowerCase()) || months.test(parts[0] as string))) dropped.push(parts.shift() as string)
    if (parts.length === 0) continue
    const after = (dropped.at(-1) ?? words(between).at(-1) ?? '').toLowerCase()
    // A name joined to a placed one in a list ("in Wales and south-west England", "in Dorset, Devon and Cornwall") is placed too.
    const listGoesOn = LISTED_ON.test(between) && /^\s*(?:,|and\b|or\b)/.test(first.slice(end))
    const placed = PLACES.has(after) || (runs.at(-1)?.placed === true && (JOINED.test(between) || listGoesOn))
    runs.push({ run: parts.join(' '), placed })
  }
  return runs.filter(({ run }) => /\s/.test(run) || !language.isEnglishWord(run.toLowerCase()))
}

/** Words placing a name as where, when or of what something is, rather than what a sentence is about. */
const PLACES: ReadonlySet<string> = new Set(['in', 'at', 'for', 'from', 'across', 'during', 'within', 'outside', 'under', 'of', 'between', 'into', 'with', 'on', 'around', 'near'])
/** What joins a name to the one before it in a list ("Wales and south-west England", "Dorset, Devon and Cornwall"): a comma only where the list goes on after it. */
const JOINED = /^\s*,?\s*(?:and|or)\s+(?:[\p{Ll}-]+\s+){0,2}$/u
/** A comma alone between two names: a list only where another name follows with a comma or "and". */
const LISTED_ON = /^\s*,\s*$/

/** After "who won X?" or "which company…?", the name answering it: the first in the answer that the question did not name ("MTCnovo, …, had won the London CRC"). */
function answeringName(asked: string, answer: string, language: Language): string | undefined {
  if (!SEEKS_SOMEONE.has(answerKind(asked, language.lexicon))) return undefined
  const typed = new Set(words(asked))
  // Not one placed by a preposition ("… offenders in Wales, the Working Links companies"): what answers is what the sentence is about.
  const untyped = nameRunsIn(answer, language).filter(({ run }) => !words(run).every((w) => typed.has(w)))
  return (untyped.find(({ placed }) => !placed) ?? untyped[0])?.run
}


/**
 * The month a question asks what came after (`question.laterThan`: "again after the November 2013 walkout"), as typed
 * and as the knowledge base dates events ("2013-11", or "2013-11-05" with a day); none for a year alone, as what came
 * after an event of 2015 may have come in 2015.
 */
function monthStartedFrom(text: string, lexicon: Lexicon): { typed: string; month: string } | undefined {
  const typed = lexicon.question.laterThan.exec(text)?.slice(1).find((g) => g !== undefined)
  const [, day, name, year] = /^(?:(\d{1,2})(?:st|nd|rd|th)?\s+)?(?:(\p{L}+)\.?\s+)?(\d{4})$/u.exec(typed?.trim().toLowerCase() ?? '') ?? []
  const m = name ? monthIndex(name, lexicon) : -1
  if (!typed || !year || m < 0) return undefined
  const month = `${year}-${String(m + 1).padStart(2, '0')}`
  return { typed, month: day ? `${month}-${day.padStart(2, '0')}` : month }
}
/** After a pronoun, the time a question about a person asks about: "him that July", "her in 2019". */
const POINTER_TIME = /^\S+\s+(?:(?:that|this|last|next|in|back in)\s+\S+|then|(?:19|20)\d\d)\s*$/i

/** The first name in what the visitor told, typed as they type: the first run of words the sources use that are no everyday English ("grayling", "jeremy wright"), not initials ("nps"). */
function personTold(told: string, language: Language): string | undefined {
  const run: string[] = []
  for (const typed of words(told)) {
    const w = typed.replace(/['’]s?$/, '')
    const name = !language.isEnglishWord(w.toLowerCase()) && language.isIndexed(w) && /[aeiouy]/i.test(w) && w.length > 1
    if (name) run.push(w)
    else if (run.length > 0) break
  }
  return run.length > 0 ? run.join(' ') : undefined
}

/** The person "he" or "she" stands for: the first the visitor named in what they told before the question, else `personPointed`'s. */
function pronounsPerson(told: string | undefined, last: Turn | undefined, language: Language): string | undefined {
  return (told && personTold(told, language)) || personPointed(last, language)
}

/**
 * The person "he" or "she" in a follow-up stands for: one the last question named in full, unless it asked for
 * someone ("who was Chris Grayling?" is about him; "who replaced Ken Clarke?", "what did Ken Clarke's successor do?" about
 * whoever did), else the first person its answer named.
 */
function personPointed(last: Turn | undefined, language: Language): string | undefined {
  const { question } = language.lexicon
  const seeks = (q: string) => SEEKS_SOMEONE.has(answerKind(q, language.lexicon)) || question.successorOf.test(q) || question.predecessorOf.test(q)
  const asked = last && !seeks(last.question) ? personTold(last.question, language) : undefined
  if (asked && isPersonName(asked, language)) return asked
  return last?.answer ? personNamed(last.answer, language) : undefined
}

/** Kinds of answer that are someone the question did not name. */
const SEEKS_SOMEONE: ReadonlySet<AnswerKind> = new Set(['person', 'entity'])

/** The first person an answer names ("he", "she" in the next question stand for them). */
function personNamed(answer: string, language: Language): string | undefined {
  // A person named with their organisation ("Frances Crook of the Howard League") is the name before "of".
  const person = (names: string[]) => names.map((n) => n.split(/\s+of\s+/)[0] as string).find((n) => isPersonName(n, language))
  // Failing anyone else, the person who said it ("The Justice Secretary, Chris Grayling, told MPs…"): "who replaced him?" means them.
  return person(namesIn(answer, language)) ?? person(namesIn(answer, language, true))
}

/** An earlier question as a follow-up reads it: cleaned and unframed, with its own concepts. */
interface EarlierTurn {
  text: string
  own: Slot[]
}

/** The questions a follow-up leans on, latest first: back through a chain of follow-ups to the question that began it, at most CONTEXT_TURNS. */
function chainOf(history: readonly Turn[], language: Language): EarlierTurn[] {
  const chain: EarlierTurn[] = []
  for (let i = history.length - 1; i >= 0 && chain.length < CONTEXT_TURNS; i--) {
    const text = unframed(cleanQuestion(history[i]?.question ?? '').text, language)
    chain.push({ text, own: slotsFor(text, language) })
    if (!leansOnEarlier(text, language)) break
  }
  return chain
}

/** Whether a chain of questions asks about now; a turn naming a year of its own ends the chain's "now". */
function chainAsksNow(chain: readonly EarlierTurn[], lexicon: Lexicon): boolean {
  for (const { text } of chain) {
    if (lexicon.question.now.test(text)) return true
    if (yearsNamed(text).length > 0) return false
  }
  return false
}

/** Words that say where, when or for whom ("in", "for"): "and in London?" asks the earlier question of London instead of what it placed there. */
const PLACING = /\b(in|at|for|from|across|during|within|outside|under|by)\s+(?:the\s+)?([\p{L}\d'-]+)/giu

/** What each placing word puts in place in a text, lower case. */
function placed(text: string): Map<string, string[]> {
  const out = new Map<string, string[]>()
  for (const m of text.toLowerCase().matchAll(PLACING)) {
    const [, word, what] = m as unknown as [string, string, string]
    out.set(word, [...(out.get(word) ?? []), what])
  }
  return out
}

const isFigure = (word: string) => /^\d/.test(word)
/** An ordinal ("second", "3rd", "last"): what "and the second?" puts in place of is the earlier "first", not a name. */
const ORDINAL = /^(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|next|previous|latest|earliest|final|initial|original|\d+(?:st|nd|rd|th))$/i
/** The sort of a word a follow-up may put in place of another of the same sort: a figure, an ordinal, or any other word. */
const sortOfWord = (word: string) => (ORDINAL.test(word) ? 'ordinal' : isFigure(word) ? 'figure' : 'word')

/** Whether a question asks what a source said or who said it ("what did the BBC say…", "which paper…"). */
function asksWhoSaid(text: string, lexicon: Lexicon): boolean {
  return words(text).some((w) => lexicon.reporting.test(w)) || lexicon.question.publisherAsked.test(text)
}

/**
 * The words of an earlier question that a follow-up places something else
 * with the same word instead of: "and in 2016?" replaces "in 2014", not "in
 * charge"; "and in London?" replaces "in Wales", not "in 2019". A figure
 * replaces only a figure, an ordinal only an ordinal, a word only a word.
 */
function replacedBy(question: string, earlier: string): Set<string> {
  const now = placed(question)
  const out = new Set<string>()
  for (const [word, what] of placed(earlier)) {
    const instead = now.get(word) ?? []
    for (const w of what) if (!instead.includes(w) && instead.some((x) => sortOfWord(x) === sortOfWord(w))) out.add(w)
  }
  return out
}

/** A question word, or a verb: what a follow-up that only names something has none of. */
const ASKS = /\b(who|whom|whose|what|when|where|why|how|which|did|does|do|is|was|were|are|has|have|had|will|would|can|could|should|say|says|said)\b/i

/**
 * A follow-up that only names something ("and the inspectors?", "what about
 * Seetec?", "and 2020?", or a phrase led by a preposition naming a name or a
 * figure, "in Wales?"): it opens as a continuation, has no question word or
 * verb of its own, no pronoun pointing back ("and its owners?"), and names a
 * thing, not a kind of answer ("and the cost?").
 */
function namesOnly(question: string, own: Slot[], { lexicon, isEnglishWord }: Pick<Language, 'lexicon' | 'isEnglishWord'>): boolean {
  // "In the end?", "in practice?" name nothing.
  const fragment = !CONTINUES.test(question) && FRAGMENT.test(question)
  if (fragment && !own.some((s) => s.typed.some((w) => /\d/.test(w) || !isEnglishWord(w.toLowerCase())))) return false
  const opening = CONTINUES.exec(question) ?? (fragment ? /^/.exec(question) : null)
  const rest = question.slice(opening?.[0].length ?? 0)
  // "And its owners?" asks more of the same thing, which its pronoun points back to.
  if (!opening || ASKS.test(rest) || LEANS_ON_CONTEXT.test(rest)) return false
  return own.some((s) => s.weight === 1 && !s.namesKind && !s.typed.every((w) => lexicon.question.generalThing.test(w)))
}

/**
 * The words of an earlier question that a follow-up naming something else
 * stands in for: of the things it named, the last of the follow-up's sort. A
 * figure stands for a figure ("and 2020?"), an ordinal for an ordinal ("and the second?"); a word, for a name (a capitalised
 * run such as "Working Links", whole, or a word that is not everyday English,
 * such as "Napo") or a thing placed with "in", "for"… ("in Wales"). Which of
 * several named things is meant, the words cannot say: the last is taken, save initials right after another name.
 */
function lastNamed(earlier: EarlierTurn, slots: Slot[], language: Language, sort: ReturnType<typeof sortOfWord>, own: ReadonlySet<string>, initialsAsked: boolean, before = Infinity): string[] {
  const ws = words(earlier.text).map((w) => w.toLowerCase())
  // An earlier follow-up that only named something ("and the inspectors?") named it whatever its words.
  const named = namesOnly(earlier.text, earlier.own, language)
  const runs = namesIn(earlier.text, language).map((run) => words(run).map((w) => w.toLowerCase()))
  const placedWords = new Set([...placed(earlier.text).values()].flat())
  const nameOf = (w: string): string[] | undefined => {
    if (sort !== 'word' || sortOfWord(w) !== 'word') return sortOfWord(w) === sort ? [w] : undefined
    return runs.find((run) => run.includes(w)) ?? (named || placedWords.has(w) || (/\p{L}/u.test(w) && !language.isEnglishWord(w)) ? [w] : undefined)
  }
  // Initials right after another name ("the Kent CRC") name the kind of thing that name is of: unless the follow-up names initials
  // itself ("and the NPS?"), the other name is meant.
  const head = (slot: Slot, at: number) => !initialsAsked && isInitials(slot) && at > 0 && nameOf(ws[at - 1] as string) !== undefined
  let best: { words: string[]; at: number; head: boolean } | undefined
  for (const slot of slots) {
    for (const w of slot.typed) {
      // What the follow-up names again is no earlier thing it replaces.
      if (own.has(w)) continue
      const name = nameOf(w)
      const at = ws.lastIndexOf(w)
      const isHead = head(slot, at)
      if (name && at >= 0 && at < before && (!best || (best.head && !isHead) || (best.head === isHead && at > best.at))) best = { words: name, at, head: isHead }
    }
  }
  return best?.words ?? []
}

/** Whether a one-word slot is initials the vocabulary spells out ("CRC"). */
function isInitials(slot: Slot): boolean {
  return slot.typed.length === 1 && slot.alternatives.some((alt) => alt.length > 1 && initials(alt) === (slot.typed[0] as string).toLowerCase())
}

/**
 * The words of an earlier question a follow-up puts something else in place of: one thing,
 * by the word placing it, or else, for a follow-up that only names something, the last thing
 * of its sort the earlier question named (never the name a pronoun stands for, appended to `carried` only).
 */
function substitution(question: string, own: Slot[], earlier: EarlierTurn, carried: Slot[], language: Language): Set<string> {
  const replaced = replacedBy(question, earlier.text)
  if (replaced.size > 0 || !namesOnly(question, own, language)) return replaced
  const sorts = new Set(own.flatMap((s) => s.typed.map(sortOfWord)))
  const sort = sorts.size === 1 ? [...sorts][0] ?? 'word' : 'word'
  const ownWords = new Set(own.flatMap((s) => s.typed))
  // After "what did the BBC say about the cost of TR?", "and the Independent?", one name, stands for whoever said it: a name before the reporting word.
  const saying = own.length === 1 ? words(earlier.text).findIndex((w) => language.lexicon.reporting.test(w)) : -1
  const initialsAsked = own.some(isInitials)
  const speaker = saying > 0 ? lastNamed(earlier, carried, language, sort, ownWords, initialsAsked, saying) : []
  return new Set(speaker.length > 0 ? speaker : lastNamed(earlier, carried, language, sort, ownWords, initialsAsked))
}

/** A follow-up borrows the concepts of the turns it leans on, at a lower weight so its own words still lead; one pointing back also borrows the names the last answer gave. */
function withContext(own: Slot[], chain: readonly EarlierTurn[], lastAnswer: string | undefined, language: Language, weight: number, question: string): { slots: Slot[]; replaced: string[] } {
  const slots = [...own]
  const seen = new Set(own.map((s) => slotKey(s.alternatives)))
  const pointing = lastAnswer !== undefined && pointsBack(question)
  const person = pointing && PERSONAL.test(question) ? personPointed({ question: chain[0]?.text ?? '', answer: lastAnswer }, language) : undefined
  // The first name: what a sentence is about usually comes first ("Working Links, …, went bust").
  const answering = pointing && !person ? answeringName(chain[0]?.text ?? '', lastAnswer, language) : undefined
  // "It" is no person: after "who brought in X?", "when did it start?" asks of X, not of whoever did ("Bluewater Ferries", holding an everyday word, may be a company).
  const someone = (name: string) => isPersonName(name, language) && words(name).every((w) => !language.isEnglishWord(w))
  const thing = THING.test(question)
  const named = !pointing ? '' : (person ?? (answering !== undefined && !(thing && someone(answering)) ? answering : undefined) ?? namesIn(lastAnswer, language).find((n) => !(thing && someone(n))) ?? '')
  const mineReplaced: string[] = []
  // A person a pronoun stands for ("when did she leave?") is what the question asks about, as if typed.
  if (person) {
    for (const slot of slotsFor(person, language)) {
      const key = slotKey(slot.alternatives)
      if (!seen.has(key)) slots.push({ ...slot, carried: true })
      seen.add(key)
    }
  }
  chain.forEach((earlier, i) => {
    const carried = slotsFor(earlier.text + (i === 0 && named ? ` ; ${named}` : ''), language, weight)
    // The later turn of the chain puts its own in place of what this one named, as this question does: "and the inspectors?" had put them in place of "the NAO".
    const later = chain[i - 1]
    const replaced = later ? substitution(later.text, later.own, earlier, carried, language) : new Set<string>()
    if (mineReplaced.length === 0) {
      const mine = substitution(question, own, earlier, carried, language)
      for (const w of mine) replaced.add(w)
      mineReplaced.push(...mine)
    }
    // "And in 2019?" after "who was minister in 2016?" asks the earlier question again with its year changed, "and the second?" with its ordinal: the rest weighs as it did there.
    const again = i === 0 && mineReplaced.length > 0 && own.length > 0 && own.every((s) => s.typed.every((w) => YEAR.test(w) || ORDINAL.test(w))) && namesOnly(question, own, language)
    const kindWord = again ? kindOf(earlier.text, language.lexicon).word : undefined
    for (const slot of carried) {
      const key = slotKey(slot.alternatives)
      const weight = slot.typed.length === 1 && slot.typed[0] === kindWord ? KIND_WORD_WEIGHT : 1
      if (!seen.has(key) && !slot.typed.some((w) => replaced.has(w))) slots.push({ ...slot, carried: true, ...(again && { weight }) })
      seen.add(key)
    }
  })
  return { slots, replaced: mineReplaced.flatMap((w) => toTerm(w) ?? []) }
}
