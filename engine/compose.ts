/**
 * Composition: the answer is knowledge-base sentences, the one that supplies
 * what was asked first, then at most two that add something asked; a fact
 * two sources state is one sentence with both citations, and every side of a
 * disagreement between sources is shown. Each citation quotes one contiguous
 * span of a passage. Nothing is written here that is not a sentence of the
 * knowledge base, bar the lexicon's framing ("As of …").
 */
import type { Dispute, PassageRecord, SourceRecord } from './artifact'
import { answerKind, escape, figureKind, figureSorts, givesOtherFigure, holdsFigure, isPersonName, kindScore, namesGiven, peopleIn, STRICT_KINDS, tellsSuccessorOf, type AnswerKind, type FigureSort, type KindContext } from './kinds'
import type { Lexicon, Pattern } from './lexicon'
import { holdsConcept, LISTED_MATCH, type Hit, type Retrieval } from './retrieve'
import { STOP_WORDS } from './stop-words'
import { jaccard, spansNamed, terms, toTerm, words, yearsNamed } from './text'
import { isOwnConcept, statesDate, type Query, type Slot } from './understand'

export interface Citation {
  /** The number of the `[n]` marker in the answer. */
  n: number
  sourceId: string
  passageId: string
  title: string
  publisher: string
  published: string
  /** The page of the source the quote is on; absent when the source has no address. */
  url?: string
  kind: SourceRecord['kind']
  /** When the event the quote reports happened, as precisely as the source gives it. */
  date?: string
  /** One contiguous span of the passage, as written. */
  quote: string
}

export interface Composed {
  answer: string
  citations: Citation[]
  /** For a question about now: the date of the latest state recorded. */
  asOf?: string
}

/** What composition reads besides the retrieval and the query. */
export interface ComposeContext {
  lexicon: Lexicon
  isEnglishWord: (word: string) => boolean
  isDictionaryWord: (word: string) => boolean
  /** Passages saying how things stand at the end of the period. */
  current: ReadonlySet<number>
  /** The last answer in the conversation, for a follow-up: what it said is not said again while something else answers. */
  said?: string
  /** Per disagreement key, what the sources disagree about ("What the contracts were worth"): answers name it before its sides. */
  disputes: ReadonlyMap<string, Pick<Dispute, 'about'>>
}

/**
 * An answer needs the best passage (or one scoring nearly as well, NEAR_BEST)
 * to hold this share of the question's concepts (weighted by rarity), and at
 * most this share of the question's own concepts may be words the knowledge
 * base never uses.
 */
export const MIN_COVERAGE = 0.35
export const MAX_UNKNOWN_SHARE = 0.4
/** The share of a one- or two-concept question the best passage must hold. */
const SHORT_COVERAGE = 0.7
/** With n concepts, the best passage must hold SPREAD / n of them (between MIN_COVERAGE and SHORT_COVERAGE). */
const SPREAD = 1.35
/** A yes/no question carries the claim it checks ("was the firm British?"), in words the passage that settles it need not use: its best passage need hold only this share of the usual bar. */
const POLAR_COVERAGE = 0.8
/** Passages scoring this share of the best's are as much the question's: the one holding more of it shows the sources speak to it. */
const NEAR_BEST = 0.85
/** A yes/no question's year is the claim it checks: a sentence naming another year settles it nearly as well as one naming it. */
const POLAR_OTHER_YEAR = 0.95
/** A sentence naming no year, from a passage whose event came before the year a lasting state is asked at ("who ran it in 2016?"). */
const LASTING_EARLIER = 0.95
/** Coverages this close are equal. */
const TIE = 1e-9
/** Of the question's own concepts, what a sentence without a date must hold for its passage's event date to answer "when". */
const DATED_COVERAGE = 0.8
/** Words that give a figure roughly. */
export const APPROXIMATELY = /\b(?:about|around|roughly|approximately|nearly|almost|some|over|under|(?:more|less|fewer) than|up to|at least)/

/** A strict kind's sentence must carry the kind at least this well ("£3.7bn" for "how much"). */
const KIND_FLOOR = 0.5
/** Below it, a sentence only roughly has the kind asked ("in six" for "how many organisations"): a count by the way, not a date to the month. */
const ROUGH_KIND = 0.7
/** Share of the question a sentence giving no reason in so many words must hold to answer "why": "it went into administration" says why another took over. */
const REASON_UNMARKED = 0.5
/** Kinds of answer that, asked of a figure the question names, give another figure: a part of it. */
const PART_OF_FIGURE: ReadonlySet<AnswerKind> = new Set(['count', 'amount'])
/** Kinds of answer given of a part: one about a named part ("the Wales contract") is not answered by a figure or a rating for the whole. */
const PART_KINDS: ReadonlySet<AnswerKind> = new Set(['money', 'count', 'percent', 'amount', 'rating'])
/** The answering sentence of a yes/no question must hold this share of the question's own concepts (weighted by rarity): less than any other answer (HOLDS), as a yes/no question carries the claim it checks, often in words the settling sentence need not repeat. */
const SETTLES = 0.15
/** Any other answering sentence must hold at least a quarter of them. */
const HOLDS = 0.25
const MAX_ADDED = 2
/** An added sentence of the first one's passage goes on with the same account: it need hold only this share of the question. */
const HOLDS_GOING_ON = 0.15
/** An added sentence scores at least this share of the first: the one giving what was asked in other words than the question's may score well under a sentence echoing them. */
const ADD_FLOOR = 0.34
/** Kinds of answer no rival sentence is added for (at the `CLOSE` share of the first's score, as a disagreement is): a definition is one passage's to give. */
const UNRIVALLED_KINDS: ReadonlySet<AnswerKind> = new Set(['definition'])
/** For an open question, another sentence of the first one's passage holding this share of what the first holds says more of the answer. */
const SAYS_MORE = 0.25
/** For a follow-up, a sentence of the kind asked holding this share of the question with what it carries over answers it, whatever it holds of its own words. */
const FOLLOWED = 0.6
/** A follow-up's answer may pass over what the last answer said for a sentence scoring this share of it. */
const NEARLY = 0.7
/** The same, for a follow-up with no words of its own. */
const NEARLY_UNWORDED = 0.5
const MAX_WORDS = 90
/** Other sides of a disagreement shown beside the first. */
const MAX_SIDES = 3
/** The sorts of figure that are a span of time, however written. */
const SPANS: ReadonlySet<FigureSort> = new Set(['span', 'time taken'])
/** Sentence score: weights of its passage's score (as a share of the best's), its listed question's closeness (squared) and its passage's coverage, beside what the sentence itself holds. */
const RELEVANCE = 0.5
const LISTED = 1
/** How much more a sentence counts for holding one of the choices a question offers ("safer or more at risk?"). */
const CHOICE = 0.3
/** How much more a sentence giving examples counts when a follow-up asks for them ("such as?"). */
const EXAMPLES_GIVEN = 0.5
const HELD = 0.2
/** A definition asked of a name's letters: "what does X stand for?", "what does X mean?", "X is short for what?". */
const LETTERS_ASKED = /\b(?:stands?|short)\s+for\b|\bmean\b|\bmeaning\b|\b(?:acronym|abbreviation|initials|letters)\b/i

/** A sentence opening with a word pointing to what came before ("It", "They", "The same report"): not "Her Majesty's…", "It was reported that…" nor "This year". */
const POINTER = String.raw`(?!(?:her|his) majesty|it (?:is|was) \p{L}+ed that|th(?:is|at) (?:year|month|week)\b)(?:it|its|they|their|he|his|she|her|this|these|those|such|the same)\b`
/** A sentence opening by referring to what came before ("It", "The same report", "The NAO also…", "At the same time"), or pointing back to its time ("… at that time"). */
const REFERS_BACK = new RegExp(String.raw`^${POINTER}|^(?:\S+\s+){1,4}also\b|^at the same time\b|\bat that time\b`, 'iu')
/** A sentence that cannot stand alone: its subject or comparison is in the sentence before ("The same notice…", "By comparison…"). */
const LEANS_BACK = new RegExp(String.raw`^${POINTER}|^(?:by|in) (?:comparison|contrast)\b`, 'iu')
/** Whether a sentence, not its passage's first, cannot stand alone (`LEANS_BACK`). */
function leansBack(c: Candidate): boolean {
  return c.position > 0 && LEANS_BACK.test(c.sentence)
}
/** How much of what the sentence before names a sentence referring back to it holds. */
const REFERRED = 0.5
/** What a sentence is worth that still speaks of what a follow-up put its own words in place of. */
const REPLACED = 0.8
/** For a question wanting a kind of answer, how much the sentence's score depends on carrying it. */
const KIND_WEIGHT = 0.5
/** For a follow-up, a sentence's bonus for coming from the source the last answer quoted first. */
const STAYS = 0.15
/** For a follow-up, what a passage naming none of the names carried from the conversation (one-word vocabulary names, Slot.named) loses. */
const AWAY = 0.3
/** A sentence answering at least this share as well as the first may bring in its disagreement. */
const CLOSE = 0.8
/** How much a side's first sentence is preferred: where its source's claim is. */
const SIDE_LEAD = 0.3
/** A sentence holding less than this share of what the best holds of the question answers something else. */
const LOOSE = 0.3
/** Sentences sharing the same figures and this share of their terms state the same thing. */
const SAME_FIGURED_FACT = 0.26
/** Runs of two or more capitalised words: the names a sentence may give. */
const CAPITALISED_RUN = /\b\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)+/gu
/** Kinds of answer that are a way of telling, not a value a sentence holds or lacks. */
const TOLD_KINDS: ReadonlySet<AnswerKind> = new Set(['definition', 'reason', 'identity', 'wording'])
/** A listed question this close to the one asked is the same question, word for word but for slips and stop words. */
const LISTED_VERBATIM = 0.95
/** Sentences this alike (shared terms over all terms) state the same thing. */
const SAME_FACT = 0.5
/** Passages considered: those scoring within this share of the best. */
const PASSAGE_FLOOR = 0.3
/** The weight of a sentence about another year than the one asked about. */
const YEAR_MISS = 0.75
/** The weight of a sentence that names other years than the one asked about (or, asked who ran something then, only a later one): it speaks of another time, so it cannot answer. */
const YEAR_OTHER = 0
/** For "now" questions: passages saying how things stand need only hold this share of what the best passage holds, and their answering sentence half this share of the question. */
const NOW_CURRENT = 0.15
/** For "now" questions: passages this close to the best in coverage may give the latest state. */
const NOW_COVERAGE = 0.7
/** For "now" questions: the share of the question a sentence on how things stand must hold to settle what became of a part it names. */
const NOW_SETTLES = 0.5
/** For "is X still…?": the concepts after "still" a sentence on how things stand must hold to settle it ("running" and "routes"). */
const STILL_CONCEPTS = 2

export interface Candidate {
  hit: Hit | undefined
  passage: number
  record: PassageRecord
  source: SourceRecord
  position: number
  sentence: string
  terms: Set<string>
  /** Indexes of the question's own slots this sentence holds. */
  covers: Set<number>
  /** Indexes of slots held only by the sentence before, which this one refers back to ("… at that time"). */
  before: Set<number>
  /** Weighted share of all the query's slots this sentence holds. */
  coverage: number
  /** Weighted share of the question's own slots. */
  ownCoverage: number
  kind: number
  /** 1 when the sentence is about the year the question names (or it names none), less otherwise. */
  yearFit: number
  /** Its passage speaks of the sort of thing a "which …" question asks for ("judge"), of any part a question for no kind of answer names, and of whose the thing asked for is ("Harbour Link" in "the chair of Harbour Link"). */
  sortHeld: boolean
  score: number
}

/** Each sentence's terms, per passage record: the same for every question, so an isolate works them out once. */
const sentenceTerms = new WeakMap<PassageRecord, Array<Set<string>>>()

function termsOfSentences(record: PassageRecord): Array<Set<string>> {
  let found = sentenceTerms.get(record)
  if (!found) sentenceTerms.set(record, (found = record.sentenceTerms.map((line) => new Set(line ? line.split(' ') : []))))
  return found
}

/**
 * The same, without the source's own name where it says who reported the
 * sentence ("…, Civil Service World reported", "according to The Guardian"):
 * those words say who said it, not what it is about.
 */
const unattributedTerms = new WeakMap<PassageRecord, Array<Set<string>>>()

function termsOfSentencesUnattributed(record: PassageRecord, source: SourceRecord, reporting: Lexicon['reporting']): Array<Set<string>> {
  let found = unattributedTerms.get(record)
  if (!found) {
    const name = source.publisher.toLowerCase()
    found = record.sentences.map((sentence, i) => {
      const lower = sentence.toLowerCase()
      const at = lower.indexOf(name)
      const end = at + name.length
      const whole = at >= 0 && !/[a-z0-9]/.test(lower[at - 1] ?? ' ') && !/[a-z0-9]/.test(lower[end] ?? ' ')
      const attributed = whole && (words(lower.slice(end)).slice(0, 2).some((w) => reporting.test(w)) || /according to( the)?\s*$/.test(lower.slice(0, at)))
      return attributed ? new Set(terms(sentence.slice(0, at) + ' ' + sentence.slice(end))) : (termsOfSentences(record)[i] as Set<string>)
    })
    unattributedTerms.set(record, found)
  }
  return found
}

/** Whether each sentence of a passage (after its first) opens by referring to what came before, per passage record: the same for every question. */
const referring = new WeakMap<PassageRecord, boolean[]>()

function refersBack(record: PassageRecord): boolean[] {
  let found = referring.get(record)
  if (!found) referring.set(record, (found = record.sentences.map((sentence, position) => position > 0 && REFERS_BACK.test(sentence))))
  return found
}

/** The first of the index terms that can stand for a term which a sentence's terms hold. */
function firstHeld(at: readonly string[], own: ReadonlySet<string>): string | undefined {
  for (const d of at) if (own.has(d)) return d
  return undefined
}

/** Whether a sentence's terms hold every term of an alternative, each as any index term that stands for it. Loops, not closures: this runs per slot per sentence scored. */
function holdsAlternative(alt: ReadonlyArray<readonly string[]>, own: ReadonlySet<string>): boolean {
  for (const at of alt) if (firstHeld(at, own) === undefined) return false
  return true
}

/** Whether a sentence's terms hold a slot: all of one alternative. */
function holdsSlot(alternatives: ReadonlyArray<ReadonlyArray<readonly string[]>>, own: ReadonlySet<string>): boolean {
  for (const alt of alternatives) if (holdsAlternative(alt, own)) return true
  return false
}

/** The terms of a sentence that make up the question's concepts it holds whole: of each slot, the alternatives all of whose terms it holds. */
function heldTerms(present: ReadonlyArray<ReadonlyArray<ReadonlyArray<readonly string[]>>>, own: ReadonlySet<string>): Set<string> {
  const out = new Set<string>()
  for (const alternatives of present) {
    for (const alt of alternatives) {
      if (holdsAlternative(alt, own)) for (const at of alt) out.add(firstHeld(at, own) as string)
    }
  }
  return out
}

/** Whether a passage found holds the word as written. This and isSlip are functions, not closures in Scorer: a bundle keeping names (wrangler's default) renames each closure as it is made. */
function isWritten(w: string, retrieval: Retrieval): boolean {
  const t = toTerm(w) ?? w
  return retrieval.hits.some((h) => h.termsFor(t).includes(t))
}

/** Whether a word is a slip: one the sources hold only as another, one slip away ("diffrent"), not a name. */
function isSlip(w: string, retrieval: Retrieval): boolean {
  return retrieval.slips.includes(w) || (!isWritten(w, retrieval) && retrieval.hits.some((h) => h.termsFor(toTerm(w) ?? w).length > 0))
}

/** Each knowledge-base sentence's figures, kept: a chosen sentence is compared with every other candidate, per question. */
const FIGURES_KEPT = 20_000
const figuresOf = new Map<string, ReadonlySet<string>>()

function figures(sentence: string): ReadonlySet<string> {
  let found = figuresOf.get(sentence)
  if (!found) {
    if (figuresOf.size >= FIGURES_KEPT) figuresOf.clear()
    figuresOf.set(sentence, (found = new Set(sentence.match(/\d[\d,.]*\d|\d/g) ?? [])))
  }
  return found
}

/** Whether one sentence states the same fact as another, as a corroboration would: its figures, and enough of its words (fewer when it has figures). */
function sameFigures(c: Candidate, o: Candidate, lexicon: Lexicon): boolean {
  // Figures first: comparing them is cheaper than comparing the words, and most sentences lack another's.
  const numbers = figures(c.sentence)
  const theirs = figures(o.sentence)
  for (const f of numbers) if (!theirs.has(f)) return false
  if (jaccard(o.terms, c.terms) < (numbers.size > 0 ? SAME_FIGURED_FACT : SAME_FACT)) return false
  // And the months of their dates: "rose by £2 in July 2016" and "in September 2016" state different facts.
  const theirMonths = datedMonths(o.sentence, lexicon)
  return datedMonths(c.sentence, lexicon).every((m) => theirMonths.includes(m))
}

/** The months a sentence dates things by, written as dates are: capitalised, after a day or before a year ("1 July", "July 2016"; not "may" nor "Theresa May"). */
function datedMonths(sentence: string, lexicon: Lexicon): string[] {
  let pattern = monthPatterns.get(lexicon)
  if (!pattern) monthPatterns.set(lexicon, (pattern = new RegExp(`(?<=\\b\\d{1,2}(?:st|nd|rd|th)?\\s)(?:${lexicon.monthNames})\\b|\\b(?:${lexicon.monthNames})(?=\\s+(?:19|20)\\d\\d\\b)`, 'g')))
  return sentence.match(pattern) ?? []
}
const monthPatterns = new WeakMap<Lexicon, RegExp>()

/** A sentence's words as an answer's length counts them, its spaces plus one: counted, not split into an array. */
function wordsIn(sentence: string): number {
  let n = 1
  for (let at = sentence.indexOf(' '); at >= 0; at = sentence.indexOf(' ', at + 1)) n++
  return n
}

/** The positions of the slots that pass `test`: a loop, as each flatMap is a call into the runtime, and a scorer makes several per question. */
function slotsWhere(slots: readonly Slot[], test: (slot: Slot, i: number) => boolean): number[] {
  const out: number[] = []
  for (let i = 0; i < slots.length; i++) if (test(slots[i] as Slot, i)) out.push(i)
  return out
}

class Scorer {
  readonly weights: number[]
  readonly total: number
  readonly fullTotal: number
  readonly ownTotal: number
  readonly strict: boolean
  /** What kind scoring reads: its heading set per passage and its `matched` set per sentence, where a copy per passage cost more than scoring one. */
  readonly ctx: KindContext
  /** A follow-up's names carried from the conversation (Slot.named). */
  readonly names: Slot[]
  /** The question's own slots holding the words that name the thing asked for ("share", "price"): an answer holds them all. */
  readonly sought: number[]
  /** The question asks which ranks top or bottom. */
  readonly ranked: boolean
  /** The question's own slots that are a year a lasting state is asked at ("who ran it in 2016?"): not held by a sentence, but settled by its date. */
  readonly when: Set<number>
  /** The question's own slots that are figures it names (not years, nor the end of a span of years such as "2017-18"): an answer holds them all. */
  readonly figures: number[]
  /** Per figure named, what it stands for in the question ("25 companies" a count): the same digits as another sort ("25 June") are not it. */
  readonly figureSort: Map<number, FigureSort>
  /** Of those, the figures offered as choices ("16 or 21?"): an answer holds one of them. */
  readonly offered: number[]
  /** The question's own slots its answer's passage must hold: the sort of thing a "which …" question asks for ("judge"), or the part a question for no kind of answer names ("what happened to the Bluewater contract?"). */
  readonly sort: number[]
  /** The best passage wins by listing the question word for word, asking for the same kind of answer (a follow-up's carried words aside: it must be asked alone). */
  readonly verbatim: boolean
  /** The question's own slots naming whoever the event whose date is asked befell ("X" in "when did X become Y?"). */
  readonly eventWho: number[]
  /** The event's words as the question puts them ("become"), and the other words a sentence may tell it in ("was named"). */
  private readonly eventAsked: RegExp | undefined
  private readonly eventTold: Pattern | undefined
  private readonly whoPatterns: RegExp[]
  /** The question's own slots naming whose the thing asked for is ("Tidal Lines" in "the chair of Tidal Lines"): the answer names the thing beside them, in a passage that names them. */
  readonly owner: number[]
  /** The question's own slots naming which part it asks about ("Wales" in "the Wales CRC contract"): a figure for a part holds them. */
  readonly part: number[]
  /** The question asks who did something to the thing it names ("who owned the Merseyside CRC?"). */
  readonly doneTo: boolean

  constructor(
    readonly retrieval: Retrieval,
    readonly query: Query,
    context: ComposeContext,
  ) {
    // Within a sentence, one rare word should not outweigh the rest of the question.
    // "Who ran it in 2016?": the year says when, which the sentence's date settles (yearFit); a sentence is not about the owner for naming 2016.
    this.when = new Set(slotsWhere(retrieval.slots, (slot) => query.lasting && slot.typed.length === 1 && query.years.includes(Number(slot.typed[0]))))
    this.weights = retrieval.slotWeights.map((w, i) => (this.when.has(i) ? 0 : Math.sqrt(w)))
    // What the visitor told before asking counts only where a sentence holds it.
    const behind = (i: number) => retrieval.slots[i]?.background === true
    this.total = this.weights.reduce((a, b, i) => a + (behind(i) ? 0 : b), 0)
    this.fullTotal = retrieval.slotWeights.reduce((a, b, i) => a + (behind(i) ? 0 : b), 0)
    this.ownTotal = this.weights.reduce((a, w, i) => a + (retrieval.slots[i]?.weight === 1 && !behind(i) ? w : 0), 0)
    this.strict = STRICT_KINDS.has(query.kind) && !(query.kind === 'definition' && asksOfEverydayThing(query.focus, retrieval.hits, context))
    // Of the thing a question names as asked for ("the chief executive of the London CRC"), the part is named before any clause after it.
    const part = PART_KINDS.has(query.kind)
      ? [...partNames(query.text, context.lexicon, context.isEnglishWord), ...recipientNames(query.text, context, retrieval.slots)]
      : query.sought
        ? partsAsked(query.text, context)
        : []
    // Not a word the sources hold only as another, one slip away ("diffrent"): a slip, not a name.
    this.part = slotsWhere(retrieval.slots, (slot) => isOwnConcept(slot) && slot.typed.some((w) => part.includes(w) && !isSlip(w, retrieval)))
    const sought = query.sought ?? []
    this.doneTo = WHO_KINDS.has(query.kind) && WHO_DID.test(query.text)
    this.sought = slotsWhere(retrieval.slots, (slot) => isOwnConcept(slot) && slot.typed.some((w) => sought.includes(w)))
    this.ranked = RANKED.test(query.text)
    // Whose it is, where both it and its owner are written as the sources write them: a word found only as another, one slip away, is not looked for where it stands.
    const owner = query.soughtOf ?? []
    const soughtWritten = this.sought.every((i) => retrieval.slots[i]?.typed.every((w) => !isSlip(w, retrieval)))
    this.owner = soughtWritten ? slotsWhere(retrieval.slots, (slot, i) => slot.weight === 1 && !this.sought.includes(i) && slot.typed.some((w) => owner.includes(w) && !isSlip(w, retrieval))) : []
    const sortsAsked = new Map(retrieval.slots.flatMap((slot) => (slot.typed.length === 1 && /^\d/.test(slot.typed[0] as string) ? [[slot.typed[0] as string, figureSorts(query.text, slot.typed[0] as string, context.lexicon)]] : [])))
    this.figures = slotsWhere(retrieval.slots, (slot) => {
      const typed = slot.typed.length === 1 ? (slot.typed[0] as string) : ''
      const escaped = typed.replace(/[.,]/g, '\\$&')
      // Not a year, nor the end of a span of years ("2017-18"), nor a figure given roughly ("about 4,000"), which any near figure answers.
      const figure =
        /^\d[\d,.]*(m|bn)?$/.test(typed) &&
        !/^(19|20)\d\d$/.test(typed) &&
        !new RegExp(`\\d[-/]${escaped}\\b`).test(query.text) &&
        !new RegExp(`${APPROXIMATELY.source}\\s*[£$€]?${escaped}`, 'i').test(query.text) &&
        // Nor, asked which of them, the whole the answer is one of ("which of all 21 companies…", "out of the 21, which…").
        (PART_OF_FIGURE.has(query.kind) || !new RegExp(`\\b(?:(?:which|what|who)(?:\\s+(?:one|two|three|four|five|six|seven|eight|nine|ten|\\d+))?\\s+of|out\\s+of)\\s+(?:all\\s+)?(?:the\\s+)?${escaped}\\b`, 'i').test(query.text))
      // Nor how many names "which 2 companies…" asks for, nor a span the visitor gives of their own life ("lived here 20 yrs"), nor one they said before asking.
      return slot.weight === 1 && !slot.fromSaid && figure && query.listOf !== Number(typed) && !(sortsAsked.get(typed)?.size === 1 && sortsAsked.get(typed)?.has('time taken'))
    })
    this.figureSort = new Map(
      this.figures.flatMap((i) => {
        const sorts = sortsAsked.get(retrieval.slots[i]?.typed[0] ?? '')
        return sorts?.size === 1 ? [[i, [...sorts][0] as FigureSort]] : []
      }),
    )
    // "Some say 70%, others 80%: which is it?" offers every figure it names, as "70% or 80%?" does, but for a whole ("16 of the 21 CRCs"), which still stands.
    const choices = context.lexicon.question.whichRight.test(query.text)
      ? this.figures.flatMap((i) => (retrieval.slots[i]?.typed ?? []).filter((w) => !new RegExp(`\\bof\\s+(?:the\\s+)?£?${escape(w)}\\b`, 'i').test(query.text)).map((w) => w.replace(/,/g, '')))
      : [...offeredFigures(query.text), ...(query.choices?.every((choice) => /^\d/.test(choice[0] ?? '')) ? query.choices.map((choice) => choice[0] as string) : [])]
    this.offered = this.figures.filter((i) => retrieval.slots[i]?.typed.some((w) => choices.includes(w.replace(/,/g, ''))))
    const sort = [...(query.sortAsked ?? []), ...(query.sortNarrowing ?? []).filter((w) => retrieval.unknownWords.includes(w))]
    // Asked about a part for no kind of answer ("what happened to the Bluewater contract?"), the answer's passage speaks of that part.
    const partOfOther = query.kind === 'other' && !query.polar && !query.sought ? partsAsked(query.text, context).filter((w) => !isSlip(w, retrieval)) : []
    this.sort = slotsWhere(retrieval.slots, (slot) => slot.weight === 1 && !slot.namesKind && slot.typed.some((w) => sort.includes(w) || partOfOther.includes(w)))
    // Only a name the passages found hold as written counts: a word taken for one ("officialy") may be a slip.
    const { names = [], event = [] } = query.eventAsked ?? {}
    const named = names.filter((w) => isWritten(w, retrieval))
    this.eventWho = named.length > 0 ? slotsWhere(retrieval.slots, (slot) => slot.weight === 1 && slot.typed.some((w) => named.includes(w))) : []
    this.eventAsked = named.length > 0 && event.length > 0 ? new RegExp(`\\b${event.map(escape).join('\\s+')}\\b`, 'i') : undefined
    this.eventTold = context.lexicon.events.get(event.join(' ').toLowerCase())
    const listed = retrieval.hits[0]?.listed
    this.verbatim = !query.followUp && listed !== undefined && listed.sameKind && listed.similarity >= LISTED_VERBATIM
    this.whoPatterns = named.map((w) => new RegExp(`\\b${escape(w)}\\b`, 'i'))
    // Not when the follow-up names a name of its own ("and Kernowline?"), nor when it asks what came before or after: another passage may date it.
    const ownName = retrieval.slots.some((slot) => slot.named && !slot.carried && slot.weight === 1)
    this.names = query.followUp && !ownName && !query.after && !query.beforeOrAfter ? retrieval.slots.filter((slot) => slot.carried && slot.named) : []
    const { unitAsked, spanBetween } = spanAsked(query.text)
    // Every field named, none spread: a context built by spreading was slow to read and to copy.
    this.ctx = {
      lexicon: context.lexicon,
      isEnglishWord: context.isEnglishWord,
      isDictionaryWord: context.isDictionaryWord,
      focus: query.focus,
      asked: new Set(retrieval.slots.flatMap((slot) => slot.alternatives.map((alt) => alt.at(-1) as string))),
      // "Which paper said…", "which magazine ran the story…": whoever a sentence's words come from is the answer.
      asksAttribution: query.attribution,
      lettersAsked: query.kind === 'definition' && LETTERS_ASKED.test(query.text),
      countOf: new Set(query.countOf),
      countNamed: new Set(query.countNamed),
      countsAnyOf: query.countsAnyOf,
      countClass: query.countClass,
      unitAsked,
      spanBetween,
      // The years of the days and months the visitor gave are theirs too: "in Sept 2016 … until when?" is not answered by 2016.
      yearsAsked: new Set([...query.years, ...query.dates.flatMap((d) => (d.year === undefined ? [] : [d.year]))]),
      datesAsked: query.dates,
      deadline: query.deadline,
      succession: query.succession,
      heading: undefined,
      matched: new Set(),
    }
  }

  /**
   * Whether the sentence tells the event asked about in other words, after a name it befell and with no other person
   * named between them ("Jo Lee … was named chair", not "… named chair, succeeding Jo Lee", nor "Jo Lee and Kit Moss was named").
   */
  toldAfterName(sentence: string): boolean {
    const toldAt = this.eventTold?.indexIn(sentence) ?? -1
    if (toldAt < 0) return false
    return this.whoPatterns.some((name) => {
      const found = name.exec(sentence)
      if (!found || found.index >= toldAt) return false
      const between = sentence.slice(found.index + found[0].length, toldAt)
      return !(between.match(CAPITALISED_RUN) ?? []).some((run) => isPersonName(run, this.ctx))
    })
  }

  /** Whether a sentence writing a figure named writes it as the same sort of figure somewhere ("25 companies", not only "25 June"). */
  sameSort(i: number, sentence: string): boolean {
    const sort = this.figureSort.get(i)
    if (sort === undefined) return true
    const sorts = figureSorts(sentence, this.retrieval.slots[i]?.typed[0] ?? '', this.ctx.lexicon)
    // "A 12-month term" and "12 months" are the same span.
    return sorts.size === 0 || sorts.has(sort) || (SPANS.has(sort) && [...sorts].some((s) => SPANS.has(s)))
  }

  /** Every sentence of a passage, scored; `relevance` is the passage's own standing (0 to 1, more for a listed match). */
  sentences(hit: Hit | undefined, side: { passage: number; record: PassageRecord; source: SourceRecord }, relevance: number): Candidate[] {
    const { slots } = this.retrieval
    // Per slot, its alternatives as the index terms that can stand for each of their terms here; those that cannot all be here are dropped.
    const present = slots.map((slot) => slot.alternatives.map((alt) => alt.map((t): readonly string[] => (hit ? hit.termsFor(t) : [t]))).filter((alt) => alt.every((at) => at.length > 0)))
    const { ctx } = this
    ctx.heading = side.record.heading
    // Passage-wide: a sentence naming the judge need not say "judge" where its passage does; nor the chair's company, where its passage names it.
    const sortHeld = [...this.sort, ...this.owner].every((i) => (present[i]?.length ?? 0) > 0)
    const termSets = this.ctx.asksAttribution ? termsOfSentences(side.record) : termsOfSentencesUnattributed(side.record, side.source, this.ctx.lexicon.reporting)
    const backRefs = refersBack(side.record)
    // "Dated" in a sentence does not answer "on what date…".
    const holds = (i: number, own: ReadonlySet<string>) => !slots[i]?.namesKind && !this.when.has(i) && holdsSlot(present[i] ?? [], own)
    // Per passage: a follow-up tends to ask about what else the source the last answer quoted first says, and about the names it carries.
    const stays = this.query.lastSource === side.source.id ? 1 + STAYS : 1
    const away = this.names.length > 0 && hit && !this.names.some((slot) => holdsConcept(hit, slot)) ? 1 - AWAY : 1
    return side.record.sentences.map((sentence, position) => {
      const own = termSets[position] as Set<string>
      const covers = new Set<number>()
      const heldBefore = new Set<number>()
      let covered = 0
      let ownCovered = 0
      let behindHeld = 0
      let ownBehindHeld = 0
      let weighed = 0
      let weighedBehind = 0
      // "The same report judged…", "It also found…": a sentence referring back holds, at a discount, what the one before it named.
      const before = backRefs[position] ? termSets[position - 1] : undefined
      for (let i = 0; i < slots.length; i++) {
        const share = holds(i, own) && this.sameSort(i, sentence) ? 1 : before && holds(i, before) && this.sameSort(i, side.record.sentences[position - 1] as string) ? REFERRED : 0
        if (share === 0) continue
        if (share === REFERRED) heldBefore.add(i)
        covered += share * (this.weights[i] ?? 0)
        weighed += share * (this.retrieval.slotWeights[i] ?? 0)
        if (slots[i]?.background) {
          behindHeld += share * (this.weights[i] ?? 0)
          weighedBehind += share * (this.retrieval.slotWeights[i] ?? 0)
        }
        if (slots[i]?.weight === 1) {
          if (share === 1) covers.add(i)
          ownCovered += share * (this.weights[i] ?? 0)
          if (slots[i]?.background) ownBehindHeld += share * (this.weights[i] ?? 0)
        }
      }
      const coverage = covered / (this.total + behindHeld || 1)
      // A sentence that covers nothing is not used unless its passage won by its listed question, so its kind is worth working out then only.
      // Beside the answer, a word of the question counts where the sentence holds its whole concept: "private" alone is not "private company".
      let k = 0
      if (covered > 0 || relevance > 1) {
        ctx.matched = heldTerms(present, own)
        k = kindScore(this.query.kind, sentence, ctx)
      }
      // What the sentence holds of the question (by rarity), then its passage's standing: its score, its listed question, what it holds.
      const base = weighed / (this.fullTotal + weighedBehind || 1) + RELEVANCE * relevance + LISTED * (hit?.listed?.similarity ?? 0) ** 2 + HELD * (hit?.coverage ?? 0)
      // "Safer or more at risk?": a sentence saying one of them settles it.
      const chosen = this.query.choices?.some((terms) => terms.every((t) => own.has(t))) ? 1 + CHOICE : 1
      const yearFit = this.yearFit(sentence, side)
      // "What about Wales?" after "… in England?": a sentence on "England and Wales" answers for both, not for the one asked.
      const replaced = this.query.replaced?.every((t) => own.has(t)) ? REPLACED : 1
      // "Like what?": a sentence giving examples.
      const examples = this.query.examples && ctx.lexicon.examples.test(sentence) ? 1 + EXAMPLES_GIVEN : 1
      const score = base * (this.strict ? 1 - KIND_WEIGHT + KIND_WEIGHT * k : 1 + 0.3 * k) * yearFit * chosen * replaced * stays * away * examples
      // Fields named, not spread from the hit: every candidate then has one shape, which later passes read fast.
      return { hit, passage: side.passage, record: side.record, source: side.source, position, sentence, terms: own, covers, before: heldBefore, coverage, ownCoverage: ownCovered / (this.ownTotal + ownBehindHeld || 1), kind: k, yearFit, sortHeld, score }
    })
  }

  /** For a question that names a year: 1 for a sentence about that year (it says so, or its event or source is dated so), less for one about another. */
  yearFit(sentence: string, side: { record: PassageRecord; source: SourceRecord }): number {
    const { years } = this.query
    if (years.length === 0) return 1
    // A sentence naming years speaks of them; one naming none, of its event's or source's year.
    const named = yearsNamed(sentence)
    // A year before the question proper sets the scene ("in 2016, which company ran it?"): another year there may answer it.
    if (named.length > 0) {
      // A yes/no question's year may be the claim it checks ("did it become law in 2013?"): a sentence naming the year there was settles it as well.
      // "2020-21" is not "2021-22", though both hold 2021.
      const spans = spansNamed(sentence)
      const otherSpan = this.query.spans.length > 0 && spans.length > 0 && !spans.some((s) => this.query.spans.includes(s))
      if (years.some((y) => named.includes(y)) && !otherSpan) return 1
      if (this.query.polar) return POLAR_OTHER_YEAR
      // Who ran it in 2016 is who was given it in 2014, unless a later sentence says otherwise.
      const earlier = this.query.lasting && named.every((y) => y < Math.min(...years))
      return this.query.yearSetsScene || earlier ? YEAR_MISS : YEAR_OTHER
    }
    const dated = [side.record.date, side.source.published].map((d) => Number(d?.slice(0, 4)))
    if (years.some((y) => dated.includes(y))) return 1
    // The same for a sentence naming no year, by its event's date.
    if (this.query.lasting && side.record.date && Number(side.record.date.slice(0, 4)) < Math.min(...years)) return LASTING_EARLIER
    // What began only after the year asked about was not so then.
    const known = dated.filter(Number.isFinite)
    return this.query.lasting && known.length > 0 && known.every((d) => d > Math.max(...years)) ? YEAR_OTHER : YEAR_MISS
  }

  /** "What happened after that?" is answered, and added to, only with what happened later than the event the last answer told of (not within the same month or year, as precisely as the dates go). */
  afterAsked(c: Candidate): boolean {
    const after = this.query.after
    if (after === undefined) return true
    return isLater(dateOf(c), after)
  }

  /** A question naming a year is answered, and added to, only with sentences about that year. */
  aboutYearAsked(c: Candidate): boolean {
    return c.yearFit === 1 || ((this.query.polar || this.query.yearSetsScene || this.query.lasting) && c.yearFit > 0)
  }

  /**
   * Whether a sentence supplies what the question asks: the kind for a strict kind, a statement that settles a yes/no question, something asked for the rest.
   * `anyKind`: a sentence without the kind of answer may do (a date its passage gives). `partUnnamed`: the sentence need not name the thing asked for nor the part it belongs to (a state of the whole says it of the part).
   * `standing`: a sentence on how things stand need hold only NOW_CURRENT of the question, however much more another holds.
   */
  answers(c: Candidate, listedWin: boolean, options: { anyKind?: boolean; partUnnamed?: boolean; standing?: boolean } = {}): boolean {
    return this.shortfall(c, listedWin, options) === undefined
  }

  /** What keeps a sentence from supplying what was asked (`kb:explain` prints it), or nothing when it does. */
  shortfall(c: Candidate, listedWin: boolean, { anyKind = false, partUnnamed = false, standing = false } = {}): Shortfall | undefined {
    if (c.score === 0) return 'nothing of the question'
    // "When did X become Y?" is not answered by the date X did something else as Y, even in a passage listing the question.
    // The event may be told in other words ("X … was named" for "became"), after the name it befell.
    if (!this.eventWho.every((i) => c.covers.has(i)) || (this.eventAsked && !this.eventAsked.test(c.sentence) && !this.toldAfterName(c.sentence))) return 'another event'
    // "When did X take over?" is not answered by someone else taking over from X.
    if (this.query.startOf && tellsSuccessorOf(c.sentence, this.query.startOf, this.ctx)) return 'another event'
    // Otherwise a passage listing the question word for word tells it, say the maintainers, in whatever words: its sentences answer, the one of the kind asked first.
    if (this.verbatim && c.hit === this.retrieval.hits[0]) return undefined
    if (!this.aboutYearAsked(c)) return 'another year'
    if (!this.afterAsked(c)) return 'not after the last answer'
    // A passage whose listed question asks what was asked answers it, in whatever words.
    // Asked for a kind, the sentence must hold something of the question: one dating another event does not date the one asked about.
    if (listedWin && c.hit === this.retrieval.hits[0] && (!this.strict || c.coverage > 0)) return undefined
    if (this.strict && c.kind < KIND_FLOOR && !anyKind && !(this.query.kind === 'reason' && c.ownCoverage >= REASON_UNMARKED)) return 'not the kind of answer asked for'
    // "Who was the chief executive of…" is not answered by a sentence naming the chief inspector, nor "what is X's share price" by X's share of anything.
    // Of a whole ("the chief executive of the Probation Service"), though, the thing asked for must still be named: a chief inspector is no chief executive.
    // Asked who did something to it, the passage's heading may name the rest of it for a sentence naming part ("Purple Futures wins five CRCs" over "… the winner of five probation contracts: … Merseyside").
    if ((!partUnnamed || this.owner.length > 0) && !this.sought.every((i) => c.covers.has(i) || (this.doneTo && this.sought.some((j) => c.covers.has(j)) && this.headingHolds(c, i)))) return 'not the thing asked for'
    // "Who were the administrators?" is not answered by "went into administration": the word shares the stem, not the thing.
    if (this.sought.some((i) => (this.retrieval.slots[i]?.typed ?? []).some((w) => onlyDerived(c.sentence, w)))) return 'only another word of its stem'
    // "How much was the Wales contract worth?" is not answered by what all the contracts were worth.
    if (!partUnnamed && !this.part.every((i) => c.covers.has(i))) return 'not the part asked about'
    // "Who was the chair of Tidal Lines?" is not answered by a sentence naming some other chair beside Tidal Lines: where it names the owner or the part, it names the thing asked for with it.
    const beside = this.sought.length > 0 ? [...this.part, ...this.owner.filter((i) => c.covers.has(i))] : []
    if (!partUnnamed && (beside.length > 0 || this.owner.length > 0) && !besideWhose(c.sentence, this.sought, beside, this.owner, this.retrieval.slots)) return 'the thing asked for is not beside whose it is'
    // "When did they go from 16 to 21 areas?" is about 16 and 21: a sentence without them speaks of something else.
    // A yes/no question's figure is the claim it checks ("did it cost more than £2bn?"): a sentence giving the figure there was settles it.
    // Figures offered as choices ("16 or 21?") are settled by any one of them.
    const offeredHeld = this.offered.some((i) => c.covers.has(i))
    if (!this.figures.every((i) => c.covers.has(i) || c.before.has(i) || (this.query.polar && holdsFigure(c.sentence)) || (offeredHeld && this.offered.includes(i)))) return 'not the figures named'
    // "How many of the 70…" and "how much of the £467m…" are answered by another figure than the one named.
    const named = this.figures.filter((i) => !this.offered.includes(i))
    if (PART_OF_FIGURE.has(this.query.kind) && named.length > 0 && !givesOtherFigure(c.sentence, named.flatMap((i) => this.retrieval.slots[i]?.typed ?? []), this.ctx.lexicon, this.query.kind === 'amount', this.ctx.countOf)) return 'no other figure than the one named'
    // "Which company had the biggest loss?" is not answered by a sentence that ranks nothing: a loss is no answer, the biggest is.
    if (this.ranked && !RANKING.test(c.sentence)) return 'ranks nothing'
    // "Which four regions…" is answered by a sentence naming four, not by one saying there were four.
    if (this.query.listOf && namesGiven(c.sentence, this.ctx) < this.query.listOf) return 'too few names'
    // "Which judge…" is not answered from a passage that never speaks of one.
    if (!c.sortHeld) return 'its passage never names the sort asked for'
    // How things stand now answers with what it holds of the question, however much an older sentence holds.
    if (standing) return c.ownCoverage >= NOW_CURRENT ? undefined : 'too little of the question'
    // A date or a figure beside a word or two of the question, where another sentence holds much more of it, answers something else.
    if (c.ownCoverage < this.bestOwnCoverage * LOOSE) return 'much less of the question than another sentence'
    if (c.ownCoverage >= (this.query.polar ? SETTLES : HOLDS)) return undefined
    // "How long did it run for?" after "what was the consultation?": the kind of answer asked, in a sentence on what the conversation is about, holds it.
    return this.query.followUp && this.strict && c.kind >= KIND_FLOOR && c.coverage >= FOLLOWED ? undefined : 'too little of the question'
  }

  /** Whether a candidate's passage heading holds a slot's concept whole. */
  headingHolds(c: Candidate, i: number): boolean {
    let held = headingTerms.get(c.record)
    if (!held) headingTerms.set(c.record, (held = new Set(terms(c.record.heading))))
    const own = held
    return (this.retrieval.slots[i]?.alternatives ?? []).some((alt) => alt.every((t) => own.has(t)))
  }

  /** The most of the question's own concepts any sentence considered holds (set once the candidates are scored). */
  bestOwnCoverage = 0
}

/** Each passage's heading terms, kept: a heading is read for every candidate of its passage. */
const headingTerms = new WeakMap<PassageRecord, Set<string>>()
/** Kinds asking who: a body or a person. */
const WHO_KINDS: ReadonlySet<AnswerKind> = new Set(['entity', 'person'])
/** "Who owned the …", not "who was the …": asks who did something to the thing named. */
const WHO_DID = /^\s*(?:(?:and|so|but)\s+)?who\s+(?!(?:is|was|are|were|s|has|had|have)\b)\p{L}+/iu

/** A date that tells the asker something: not missing, nor only a year the question names ("which month in 2017…"). */
function newDate(date: string | undefined, query: Query): date is string {
  return date !== undefined && !(date.length === 4 && query.years.includes(Number(date)))
}

/** The date a passage's event is given, else its source's. */
function dateOf(side: { record: PassageRecord; source: SourceRecord }): string {
  return side.record.date ?? side.source.published
}

/** Whether a date is after another, and not within its month or year as precisely as either is known. */
function isLater(date: string, after: string): boolean {
  return date > after && !date.startsWith(after) && !after.startsWith(date)
}

/** "How many days…": the unit of time a span must be given in; "how long after X did Y…": a date for Y answers too. */
function spanAsked(text: string): { unitAsked?: string; spanBetween?: true } {
  const unit = /\bhow many (hour|day|week|month|year|decade)s?\b/i.exec(text)?.[1]?.toLowerCase()
  const between = /\bhow (?:long|many (?:hours|days|weeks|months|years)) (?:after|before|later|was it (?:before|until|till))\b/i.test(text)
  return { ...(unit && { unitAsked: unit }), ...(between && { spanBetween: true }) }
}

/** The best answering sentence, or for "the first report…" ("the final report…") the earliest (latest) dated of those answering nearly as well. */
function inOrder(answering: Candidate[], order: 'earliest' | 'latest'): Candidate | undefined {
  const best = answering[0]
  if (!best) return best
  const near = answering.filter((c) => c.score >= best.score * NEARLY && dateOf(c) !== '')
  // The best scoring of those no other is known to come before (after): "2014" is not before "April 2014", only less precise.
  const beaten = (c: Candidate) => near.some((o) => (order === 'earliest' ? isLater(dateOf(c), dateOf(o)) : isLater(dateOf(o), dateOf(c))))
  return near.find((c) => !beaten(c)) ?? best
}

/** Words before a word for a part of the whole that may name which part ("the Kent, Surrey and Sussex CRC"). */
const PART_NAME_WORDS = 5

/**
 * The names, as typed, just before a word for a part of the whole (`question.partOf`: "the Wales CRC",
 * "the Durham Tees Valley contract"): words that are not everyday English nor months, back to a stop
 * word or a figure.
 */
function partNames(text: string, lexicon: Lexicon, isEnglishWord: (word: string) => boolean): string[] {
  const ws = words(text).map((w) => w.toLowerCase())
  const months = new Set(lexicon.monthNames.toLowerCase().split('|'))
  return ws.flatMap((w, i) => {
    if (!lexicon.question.partOf.test(w)) return []
    const names: string[] = []
    for (const before of ws.slice(Math.max(0, i - PART_NAME_WORDS), i).reverse()) {
      if (/^(and|n|of)$/.test(before) || lexicon.question.partOf.test(before)) continue
      if (toTerm(before) === null || /\d/.test(before)) break
      if (/^\p{L}{3,}$/u.test(before) && !isEnglishWord(before) && !months.has(before)) names.push(before)
    }
    return names
  })
}

/** The names of whoever a sum or count went to (`question.recipient`: "how much of the £55m went to Bluewater?"): a figure for them holds them. Names are words that are not everyday English, or the vocabulary's names ("Tidal Lines"). */
function recipientNames(text: string, context: ComposeContext, slots: readonly Slot[]): string[] {
  const to = context.lexicon.question.recipient.exec(text)?.[1]
  if (!to) return []
  const named = new Set(slots.flatMap((slot) => (slot.named ? slot.typed.map((w) => w.toLowerCase()) : [])))
  // A possessive ("Bluewater's two routes") names its owner.
  return words(to).flatMap((typed) => {
    const w = typed.toLowerCase()
    const bare = w.replace(/['’]s$/u, '')
    return named.has(w) || named.has(bare) || (/^\p{L}{3,}$/u.test(bare) && !context.isEnglishWord(bare)) ? [w, bare] : []
  })
}

/** Figures a question offers as choices, without their commas: "16 or 21?", "45,000, 46,000 or 50,000?". */
function offeredFigures(text: string): string[] {
  const runs = text.match(/£?\d[\d,.]*(?:m|bn|k|%)?(?:\s*,\s*£?\d[\d,.]*(?:m|bn|k|%)?)*\s+or\s+£?\d[\d,.]*(?:m|bn|k|%)?/gi) ?? []
  return runs.flatMap((run) => run.split(/\s*,\s+|\s+or\s+/i).map((f) => f.replace(/^£|%$/g, '').replace(/,/g, '')))
}

/** The names of the part a question asks about, before any clause that dates it ("when the Wales CRC was rated…") or says more of it (", which…"). */
function partsAsked(text: string, context: ComposeContext): string[] {
  return partNames(text.split(/\b(?:when|after|before|while|during)\b|,\s*(?:which|who|that)\b/i)[0] ?? '', context.lexicon, context.isEnglishWord)
}

/** The most words between the thing asked for and its owner in a sentence that names them together ("Bluewater's chief executive", "the chair of the board of Tidal Lines"). */
const NEAR_PART = 5

/** A sentence's terms, each with the position of its word. */
function termSequence(sentence: string): Array<{ term: string; at: number }> {
  return words(sentence).flatMap((w, at) => {
    const term = toTerm(w)
    return term ? [{ term, at }] : []
  })
}

/** Each place an alternative of one of the slots `list` is written whole (its terms in a row), as the word positions it spans. */
function writtenSpans(seq: ReadonlyArray<{ term: string; at: number }>, list: readonly number[], slots: readonly Slot[]): Array<readonly [number, number]> {
  return list.flatMap((i) => slots[i]?.alternatives ?? []).flatMap((alt) =>
    seq.flatMap((_, k) => (alt.length > 0 && alt.every((t, n) => seq[k + n]?.term === t) ? [[seq[k]!.at, seq[k + alt.length - 1]!.at] as const] : [])),
  )
}

/** Whether two spans of the one sentence stand with at most NEAR_PART words between them. */
const close = (sa: ReadonlyArray<readonly [number, number]>, sb: ReadonlyArray<readonly [number, number]>) =>
  sa.some(([a0, a1]) => sb.some(([b0, b1]) => Math.max(b0 - a1, a0 - b1) <= NEAR_PART + 1))

/** Whether a passage holds every concept the visitor typed and at least one carried over from the conversation. */
function ownAndContext(hit: Hit, slots: readonly Slot[]): boolean {
  const own = slots.filter((s) => s.weight === 1 && !s.carried)
  return own.length > 0 && own.every((s) => holdsConcept(hit, s)) && slots.some((s) => s.carried && holdsConcept(hit, s))
}

/** A question asking which one of several ranks top or bottom ("which company had the biggest loss?", "what was the worst…"); not "the most recent", an order in time (`Query.order`). */
const RANKED = /\b(?:which|what|who|whose)\b[^?]*\b(?:the|its|their) (?:\p{L}+ )?(?:most(?! (?:recent|up to date)\b)|least|biggest|largest|smallest|highest|lowest|worst|best|fewest|greatest|longest|shortest)\b/iu
/** Words by which a sentence ranks something: a superlative ("-est", not "interest" or "protest"), "only", "first", "main", "majority"… */
const RANKING = /\b(?:most|mostly|least|best|worst|(?!(?:interest|invest|reinvest|protest|request|suggest|arrest|modest|honest|contest|digest|harvest|forest|rest|test|west|manifest|attest)\b)\p{L}{3,}est|only|sole|top|first|leading|main|mainly|majority|bulk|more than any|ahead of)\b/iu
/** A noun for who does something ("administrator", "bidders"). */
const AGENT = /\p{L}{3,}(?:or|er)s?$/u
/** A noun for the doing ("administration", "management"), which does not name who does it. */
const NOMINAL = /\p{L}{3,}(?:ion|ment|ance|ence|ship)s?$/u

/** Whether the sentence holds an agent noun's stem only in nouns for the doing ("administration" for "administrators"); a verb ("operated by") may say who. */
function onlyDerived(sentence: string, typed: string): boolean {
  if (!AGENT.test(typed)) return false
  const term = toTerm(typed.toLowerCase())
  const same = words(sentence).filter((w) => toTerm(w.toLowerCase()) === term)
  return same.length > 0 && same.every((w) => NOMINAL.test(w))
}

/**
 * Whether a sentence writes the thing asked for (`sought`) beside whose it is: some alternative of it and one of `beside` (the part or
 * owner named), each written whole, with at most NEAR_PART words between them; and not only as another's ("the chief inspector of
 * probation" for "the boss of Working Links", `owner`; "Interserve's chief executive" for the chief executive of the NPS). The sentence is read into terms once for both.
 */
function besideWhose(sentence: string, sought: readonly number[], beside: readonly number[], owner: readonly number[], slots: readonly Slot[]): boolean {
  const seq = termSequence(sentence)
  const ws = words(sentence)
  const spans = joinedSpans(writtenSpans(seq, sought, slots))
  const besides = writtenSpans(seq, beside, slots)
  if (beside.length > 0 && !close(spans.filter((span) => !ownedElsewhere(ws, span, besides, slots)), besides)) return false
  const owners = writtenSpans(seq, owner, slots)
  return !(owner.length > 0 && spans.length > 0 && spans.every((span) => ownedElsewhere(ws, span, owners, slots)))
}

/** Spans written one after the other as one ("chief" and "executive" as "chief executive"). */
function joinedSpans(spans: Array<readonly [number, number]>): Array<readonly [number, number]> {
  const out: Array<[number, number]> = []
  for (const [b0, b1] of [...spans].sort((a, b) => a[0] - b[0])) {
    const last = out[out.length - 1]
    if (last && b0 <= last[1] + 1) last[1] = Math.max(last[1], b1)
    else out.push([b0, b1])
  }
  return out
}

/**
 * Whether the thing written at `span` is said by "of" to be something's other than the owner asked about ("Chief Inspector of
 * Probation"), or by a possessive just before it ("Interserve's chief executive"); not where the owner follows "of" within a
 * few words ("the chair of the board of Tidal Lines"), nor where the possessive is the owner's.
 */
function ownedElsewhere(ws: readonly string[], [start, end]: readonly [number, number], owners: ReadonlyArray<readonly [number, number]>, slots: readonly Slot[]): boolean {
  if (ws[end + 1] === 'of' && ws[end + 2] !== undefined && !owners.some(([b0]) => b0 > end + 1 && b0 <= end + 1 + NEAR_PART)) return true
  const before = ws[start - 1]
  // words() keeps a possessive's "'s" (normalised to a straight quote), not the plural's bare apostrophe ("the CRCs' chiefs").
  if (before === undefined || !/'s$/.test(before) || owners.some(([b0, b1]) => b0 <= start - 1 && start - 1 <= b1)) return false
  // A possessor the question names elsewhere ("at MTCnovo" for "MTCnovo's director") is whose it is.
  const term = toTerm(before)
  return term === null || !slots.some((slot) => slot.alternatives.some((alt) => alt.includes(term)))
}

/** Why a sentence does not supply what was asked. */
export type Shortfall =
  | 'nothing of the question'
  | 'another year'
  | 'not after the last answer'
  | 'another event'
  | 'not the kind of answer asked for'
  | 'not the thing asked for'
  | 'only another word of its stem'
  | 'ranks nothing'
  | 'not the part asked about'
  | 'the thing asked for is not beside whose it is'
  | 'not the figures named'
  | 'no other figure than the one named'
  | 'too few names'
  | 'its passage never names the sort asked for'
  | 'much less of the question than another sentence'
  | 'too little of the question'

/** Why the answer is what it is: the gate, the sentences considered and those chosen. `kb:explain` prints it. */
export interface Plan {
  /** What keeps a candidate from supplying what was asked, if anything. */
  shortfall?: (c: Candidate) => Shortfall | undefined
  /** Why nothing is answered, when nothing is. */
  refused?: 'no passage' | 'names the sources never mention' | 'what it asks for is never mentioned' | 'too many unknown words' | 'too little of the question covered' | 'no sentence supplies what was asked'
  /** The top passage won by its listed question. */
  listedWin: boolean
  /** For a "now" question, the passage giving the latest state. */
  anchor?: Hit
  /** Every sentence considered, best first. */
  candidates: Candidate[]
  chosen: Candidate[]
  corroborations: Map<Candidate, Candidate[]>
  sides: Candidate[]
  asOf?: string
  /** The event date that answers "when", where the first sentence gives none. */
  dated?: string
}

export function plan(retrieval: Retrieval, query: Query, context: ComposeContext): Plan {
  const { hits } = retrieval
  const top = hits[0]
  const none = (refused: Plan['refused'], listedWin = false): Plan => ({ refused, listedWin, candidates: [], chosen: [], corroborations: new Map(), sides: [] })
  if (!top) return none('no passage')
  const listedWin = top.listed !== undefined && top.listed.sameKind && top.listed.similarity >= LISTED_MATCH
  const ownSlots = retrieval.slots.filter(isOwnConcept).length
  // When the best passage holds too little of the question, the answer comes from the passages that showed the sources speak to it.
  let speaking: ((hit: Hit) => boolean) | undefined
  if (!listedWin) {
    if (retrieval.unknownNames.length > 0) return none('names the sources never mention')
    // "What was the turnout…": if no passage ever speaks of the thing asked for, none gives it.
    if (query.attribute && retrieval.unknownWords.includes(query.attribute)) return none('what it asks for is never mentioned')
    if (retrieval.unknown >= Math.max(1, ownSlots * MAX_UNKNOWN_SHARE)) return none('too many unknown words')
    // A short question's few concepts must all meet in one passage; a long one may leave some unsaid.
    const needed = Math.min(SHORT_COVERAGE, Math.max(MIN_COVERAGE, SPREAD / Math.max(1, ownSlots))) * (query.polar ? POLAR_COVERAGE : 1)
    // Reaching the bar exactly (one word, found only through a slip) is enough; compared with a tolerance, as coverage is a sum of floating-point weights and a tie must not depend on rounding.
    // A passage holding every concept asked about, though it scored lower, shows the question is one the sources speak to.
    // A follow-up's own words, and one concept of what it follows, are all it needs: the rest of the earlier question was context.
    const followed = query.followUp ? (h: Hit) => ownAndContext(h, retrieval.slots) : () => false
    const answers = (h: Hit) => h.coverage >= needed - TIE || followed(h)
    const held = hits.some((h) => h.score >= top.score * NEAR_BEST && answers(h))
    if (!held && !hits.some((h) => h.coverage >= 1 - TIE)) return none('too little of the question covered')
    if (!answers(top)) speaking = answers
  }

  const scorer = new Scorer(retrieval, query, context)
  // Asked what came after a date, the passages that can answer set the floor, not the one telling of the event it starts from; one holding little of the question sets none.
  const { after } = query
  const reference = (after !== undefined && hits.find((h) => isLater(dateOf(h), after) && h.coverage >= MIN_COVERAGE)) || top
  const floor = reference.score * PASSAGE_FLOOR
  // A listed question wins a question about now only if its passage says how things stand.
  // "Is X still doing Y?": what a sentence on how things stand must settle, the concepts after "still".
  const still = query.polar && query.now ? stillAsked(query, retrieval, context.lexicon) : new Set<number>()
  // "Is it still Bluewater doing the night routes?": a name no passage on how things stand mentions has been overtaken by later events.
  const overtaken = query.polar && query.now ? overtakenNames(retrieval, context) : []
  const recent = query.now && !(listedWin && context.current.has(top.passage)) ? latestFirst(hits, top, context.current, still.size >= STILL_CONCEPTS || overtaken.length > 0) : []
  // Each passage's sentences, scored once: the passages below the hits are read only after the hits have shown the sources answer.
  const sentencesOf = new Map<Hit, Candidate[]>()
  const choose = (read: readonly Hit[]): Plan => {
    const candidates: Candidate[] = []
    for (const hit of read) {
      // Passages that may give the latest state are read whatever their score.
      // Those that showed the sources speak to the question are read whatever their score.
      if (speaking ? !speaking(hit) : hit.score < floor && hit !== top && !recent.includes(hit)) continue
      let scored = sentencesOf.get(hit)
      if (!scored) sentencesOf.set(hit, (scored = scorer.sentences(hit, hit, hit.score / top.score + (listedWin && hit === top ? 1 : 0))))
      candidates.push(...scored)
    }
    candidates.sort((a, b) => b.score - a.score || a.passage - b.passage || a.position - b.position)
    scorer.bestOwnCoverage = Math.max(0, ...candidates.map((c) => c.ownCoverage))

    // A passage whose listed question asks what was asked answers it, from its best sentence of the kind asked; failing one, its sentences are weighed with the rest.
    // Listing it word for word, the passage answers it even with no sentence read as the kind, where the kind is a way of telling
    // (a definition, a reason) rather than a value (a figure, a date, a name), which a sentence either holds or not.
    const listedFirst = listedWin && scorer.strict ? candidates.find((c) => c.hit === top && c.kind >= KIND_FLOOR && scorer.answers(c, listedWin)) : undefined
    // Unless its sentence only roughly has the kind and one scoring better has it: "eight organisations" leads "Sodexo in six, Interserve in five" for "how many organisations";
    // not where the passage lists the question word for word, which its maintainers say it answers.
    const surer = listedFirst && !scorer.verbatim && listedFirst.kind < ROUGH_KIND && candidates.find((c) => c.score > listedFirst.score && c.kind >= ROUGH_KIND && scorer.answers(c, listedWin))
    const firstAnswering = surer || listedFirst ||
      (scorer.verbatim && TOLD_KINDS.has(query.kind) && candidates.find((c) => c.hit === top && scorer.answers(c, listedWin))) ||
      (query.order ? inOrder(candidates.filter((c) => scorer.answers(c, listedWin)), query.order) : candidates.find((c) => scorer.answers(c, listedWin)))
    // A follow-up is answered with something the last answer did not say, if that answers nearly as well.
    const unsaid = (c: Candidate) => !context.said?.includes(c.sentence)
    // The sentence of the same passage just before one, among those weighed.
    const sentenceBefore = (c: Candidate) => candidates.find((o) => o.passage === c.passage && o.position === c.position - 1)
    // About now, only another sentence saying how things stand will do: an older state is no answer to "and today?".
    const stillCurrent = (c: Candidate) => !query.now || context.current.has(c.passage)
    // Not one referring back to a sentence it would be quoted without ("At the same time…").
    // A follow-up of no words of its own ("what happened to it?") asks for more than was said: something new need answer less nearly as well.
    const nearly = retrieval.slots.some((s) => isOwnConcept(s) && !s.carried) ? NEARLY : NEARLY_UNWORDED
    const fresh = firstAnswering && !unsaid(firstAnswering) ? candidates.find((c) => c.score >= firstAnswering.score * nearly && scorer.answers(c, listedWin) && unsaid(c) && stillCurrent(c) && !refersBack(c.record)[c.position]) : undefined
    // After what the visitor told, a sentence holding none of the question's own words says it back: one answering nearly as well that holds one of them leads instead.
    const typed = retrieval.slots.some((s) => s.told) ? slotsWhere(retrieval.slots, (s) => isOwnConcept(s) && !s.told && !s.carried && !s.namesKind) : []
    const tellsBack = (c: Candidate) => typed.length > 0 && !typed.some((i) => c.covers.has(i))
    const beyondTold = !fresh && firstAnswering && tellsBack(firstAnswering) ? candidates.find((c) => c.score >= firstAnswering.score * NEARLY && !tellsBack(c) && scorer.answers(c, listedWin) && unsaid(c) && stillCurrent(c)) : undefined
    const best = fresh ?? beyondTold ?? firstAnswering
    // The latest state: from the latest passage with a sentence that answers what was asked for as well as the best does.
    // A passage saying how things stand answers a question about now when it shares a part of it; another must answer about as well as the best.
    const enough = (c: Candidate) => (context.current.has(c.passage) ? c.ownCoverage >= NOW_CURRENT / 2 : c.ownCoverage >= (best?.ownCoverage ?? 0) * NOW_COVERAGE)
    // A sentence on how things stand that holds as much of the question as the best may name less precisely what was asked ("run in the public sector").
    const asGood = (c: Candidate) => c.kind >= (best?.kind ?? 0) || (context.current.has(c.passage) && c.ownCoverage >= (best?.ownCoverage ?? 0))
    // A sentence on how things stand that says what became of doing Y (two concepts after "still") settles it, whatever it says of X: later events overtook X.
    const settlesStill = (c: Candidate) =>
      context.current.has(c.passage) &&
      scorer.aboutYearAsked(c) &&
      ([...c.covers].filter((i) => still.has(i)).length >= STILL_CONCEPTS || (overtaken.length > 0 && [...c.covers].some((i) => retrieval.slots[i]?.weight === 1 && !overtaken.includes(i))))
    // "Is X still doing Y?" asks whether Y goes on: a later sentence saying nothing of Y (only of X) does not say how Y stands.
    // Only Y's words some passage holds count: no sentence could speak of the others.
    const stillHeld = [...still].filter((i) => !(retrieval.slots[i]?.typed ?? []).every((w) => retrieval.unknownWords.includes(w)))
    // Where Y is only names later events overtook ("is the chair still Ann Lee?"), how things stand speaks of it by naming someone else.
    const replacesName = stillHeld.length > 0 && stillHeld.every((i) => overtaken.includes(i))
    // Someone overtaken is replaced by someone in the same post: "is the minister still Andrew Selous?" is not settled by a sentence naming a ministry, or no minister.
    const overtakenPerson = replacesName && isPersonName(stillHeld.flatMap((i) => retrieval.slots[i]?.typed ?? []).map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' '), scorer.ctx)
    const post = slotsWhere(retrieval.slots, (s, i) => isOwnConcept(s) && !overtaken.includes(i))
    const replaced = (c: Candidate) =>
      context.current.has(c.passage) && (overtakenPerson ? namesGiven(c.sentence, scorer.ctx, true) > 0 && post.every((i) => c.covers.has(i)) : namesGiven(c.sentence, scorer.ctx) > 0)
    const speaksOfStill = (c: Candidate) => stillHeld.length === 0 || stillHeld.some((i) => c.covers.has(i)) || (replacesName && replaced(c))
    // How things stand says who has a part the question names ("who operates the Bluewater routes now?") where it holds half the question, without naming the part:
    // "the board took back every route" answers it. Not so a figure: the sum for all is not the part's.
    const settlesPart = (c: Candidate) => !PART_KINDS.has(query.kind) && context.current.has(c.passage) && c.ownCoverage >= NOW_SETTLES && scorer.answers(c, listedWin, { partUnnamed: true })
    // Failing one, how things stand is a good enough answer to whatever else it answers, save a figure: an older figure may be the one asked for.
    const answering = (h: Hit, standing = false) =>
      candidates.find((c) => c.hit === h && ((scorer.answers(c, listedWin, { standing }) && enough(c)) || settlesStill(c) || settlesPart(c)) && ((standing && !PART_KINDS.has(query.kind)) || asGood(c)) && speaksOfStill(c))
    // Failing a passage on how things stand that answers so, a follow-up about now that names only another place or thing ("what about London?") is answered by how things stand overall,
    // when that holds what it carries from the question before, rather than by an older passage naming the place.
    const carriesOver = (h: Hit) => candidates.find((c) => c.hit === h && query.followUp && c.ownCoverage === 0 && c.coverage >= NOW_CURRENT && scorer.aboutYearAsked(c))
    const isCurrent = (h: Hit) => context.current.has(h.passage)
    const currentHits = recent.filter(isCurrent)
    const current = [...currentHits.map((h) => answering(h)), ...currentHits.map(carriesOver)].find((c) => c !== undefined)
    const older = current ? undefined : recent.filter((h) => !isCurrent(h)).map((h) => answering(h)).find((c) => c !== undefined)
    // Where only an older passage would answer an open question, a passage on how things stand answers with what it holds of it: an older state is not the latest.
    const standing = older && !query.polar ? currentHits.map((h) => answering(h, true)).find((c) => c !== undefined) : undefined
    const latestState = current ?? standing ?? older
    const anchor = latestState?.hit
    // "Which year was that?" of a sentence holding all the rest of the question but no date: its passage's event date answers.
    const dated = !latestState && !best && query.kind === 'time' && !query.polar && !query.now
      ? candidates.find((c) => newDate(c.record.date, query) && c.ownCoverage >= DATED_COVERAGE && scorer.answers(c, listedWin, { anyKind: true }))
      : undefined
    const first = latestState || best || dated
    const shortfall = (c: Candidate) => scorer.shortfall(c, listedWin)
    if (!first) return { ...none('no sentence supplies what was asked', listedWin), candidates, shortfall, ...(anchor && { anchor }) }
    const chosen: Candidate[] = [first]
    const covered = new Set(first.covers)
    let words = wordsIn(first.sentence)
    // Another side of a disagreement the first sentence is in is shown as such ("Sources differ on …:"), not added as if it agreed.
    const dispute = disagreementOf(first, anchor ? [] : candidates, scorer, listedWin, first === dated, context.disputes)
    const otherSide = new Set((dispute ? (retrieval.sides.get(dispute) ?? []) : []).map((side) => side.passage).filter((p) => p !== first.passage))
    for (const c of candidates) {
      if (chosen.length > MAX_ADDED) break
      // An added sentence holds a good part of the question itself, and adds a concept asked about or the kind of answer the others lack.
      if (chosen.includes(c) || otherSide.has(c.passage) || !unsaid(c) || c.score < first.score * ADD_FLOOR || c.ownCoverage < (c.passage === first.passage ? HOLDS_GOING_ON : HOLDS) || !scorer.aboutYearAsked(c) || !scorer.afterAsked(c)) continue
      const addsConcept = [...c.covers].some((i) => !covered.has(i))
      // A sentence led by its passage's date has the kind asked for.
      const addsKind = scorer.strict && c.kind >= KIND_FLOOR && first !== dated && chosen.every((x) => x.kind < KIND_FLOOR)
      // A question of no strict kind ("what did they conclude?") is answered by its passage: another of its sentences holding at least SAYS_MORE of what the first holds says more of it.
      const saysMore = !scorer.strict && c.passage === first.passage && c.ownCoverage >= first.ownCoverage * SAYS_MORE
      // Another passage's sentence of the kind asked, holding as much of the question and scoring nearly as well, is a second answer the visitor may have meant;
      // one stating the same figures as a sentence chosen is the same fact, left to be its corroboration.
      const rival =
        scorer.strict && !UNRIVALLED_KINDS.has(query.kind) && !query.polar && !query.order && stillCurrent(c) && c.kind >= KIND_FLOOR && c.passage !== first.passage &&
        c.score >= first.score * CLOSE && c.ownCoverage >= first.ownCoverage && scorer.answers(c, listedWin) && !chosen.some((x) => sameFigures(x, c, scorer.ctx.lexicon))
      if (!addsConcept && !addsKind && !saysMore && !rival) continue
      if (chosen.some((x) => jaccard(x.terms, c.terms) > SAME_FACT)) continue
      // One that cannot stand alone ("By comparison…") comes right after the sentence it leans on, added with it, as one span, where it is not in the answer.
      const leans = leansBack(c)
      const leansOn = leans ? sentenceBefore(c) : undefined
      if (leans && !leansOn) continue
      const at = leansOn ? chosen.indexOf(leansOn) : -1
      const joined = leansOn && at < 0 ? [leansOn, c] : [c]
      const n = joined.reduce((sum, x) => sum + wordsIn(x.sentence), 0)
      if (words + n > MAX_WORDS) continue
      chosen.splice(at < 0 ? chosen.length : at + 1, 0, ...joined)
      words += n
      for (const x of joined) for (const i of x.covers) covered.add(i)
    }

    // A first sentence holding part of the question only through the one before it ("… at that time") is quoted after it, as one span,
    // unless that one only says back what the visitor told.
    const lead = chosen[0] as Candidate
    const before = lead.before.size > 0 || leansBack(lead) ? sentenceBefore(lead) : undefined
    const prior = before && !tellsBack(before) ? before : undefined
    if (prior) {
      const at = chosen.indexOf(prior)
      if (at > 0) chosen.splice(at, 1)
      chosen.unshift(prior)
      if (chosen.length > MAX_ADDED + 1) chosen.pop()
    }
    // The same fact from another source: one sentence, both citations.
    const corroborations = new Map<Candidate, Candidate[]>()
    for (const c of chosen) {
      // Sentences sharing the chosen one's figures need share fewer words to state the same fact; each figure as a whole figure: "1 June" is not in "21 routes".
      // Not another side of the disagreement, whatever it shares: it is shown as differing.
      const same = candidates.filter((o) => o.source.id !== c.source.id && !chosen.includes(o) && !otherSide.has(o.passage) && sameFigures(c, o, scorer.ctx.lexicon))
      const bySource = new Map<string, Candidate>()
      for (const o of same) if (!bySource.has(o.source.id) && !chosen.some((x) => x.source.id === o.source.id)) bySource.set(o.source.id, o)
      corroborations.set(c, [...bySource.values()].slice(0, 2))
    }

    const stateOf = first.hit ?? top
    return {
      listedWin,
      ...(anchor && { anchor }),
      candidates,
      shortfall,
      corroborations,
      // The latest state is disputed only where its own passage is a side: an older fact's dispute is not about how things stand.
      ...byAuthority(chosen, disagreement(dispute, first, retrieval, scorer, chosen, candidates, listedWin ? top : undefined), scorer, anchor !== undefined, dispute, context),
      ...(query.now && { asOf: stateOf.record.date ?? stateOf.source.published }),
      ...(first === dated && { dated: first.record.date }),
    }
  }
  // Whether the sources answer is judged on the hits alone; once they do, a sentence of a passage ranked just below them may answer best.
  // Not about now, nor for the earliest or latest: how things stand, and which came first, are read among the hits; a better sentence below them would pass off an older state or another event.
  // Nor where a listed question won: its passage answers what was asked.
  const judged = choose(hits)
  if (judged.refused || retrieval.more.length === 0 || query.now || query.order || listedWin) return judged
  // The hits' own best coverage stays with their plan, whose shortfalls (kb:explain) read it, should it stand.
  const judgedBest = scorer.bestOwnCoverage
  const wider = choose([...hits, ...retrieval.more])
  // A sentence from below the hits leads only where it holds more of the question, or more of the kind of answer asked, than the hits' would.
  const [hitsFirst, widerFirst] = [judged.chosen[0], wider.chosen[0]]
  const fromHits = !widerFirst || widerFirst.hit === undefined || hits.includes(widerFirst.hit)
  const better = !hitsFirst || !widerFirst || widerFirst.ownCoverage > hitsFirst.ownCoverage + TIE || widerFirst.kind > hitsFirst.kind + TIE
  if (!wider.refused && (fromHits || better)) return wider
  scorer.bestOwnCoverage = judgedBest
  return judged
}

/** `planned`: the plan of these same arguments, where the caller has already made it. */
export function compose(retrieval: Retrieval, query: Query, context: ComposeContext, planned?: Plan): Composed | undefined {
  const p = planned ?? plan(retrieval, query, context)
  if (p.refused) return undefined
  // Asked about a text ("when was the post on X published?", "who wrote…"): who published or wrote the source of the sentence that answers best, and when, then that sentence.
  if (query.publication) {
    // A text the question names by its publisher ("the On Probation blog post on X") is that publisher's: its best sentence holding something else asked; failing one, no text of theirs is about X.
    const publisherOf = (c: Candidate) => words(readersName(c.source.publisher).toLowerCase()).filter((w) => !STOP_WORDS.has(w))
    const byNamed = p.candidates.filter((c) => publisherOf(c).every((w) => query.focus.some((f) => f.toLowerCase() === w)))
    const holdsMore = (c: Candidate) => {
      const publisher = publisherOf(c)
      return [...c.covers].some((i) => !(retrieval.slots[i]?.typed ?? []).every((w) => publisher.includes(w.toLowerCase())))
    }
    const text = byNamed.length > 0 ? byNamed.find(holdsMore) : p.chosen[0]
    if (!text) return undefined
    const { lexicon } = context
    const { answer, citations } = cite([text], new Map(), [], lexicon, undefined)
    const { author, publisher, published } = text.source
    const values = { publisher: readersName(publisher), date: lexicon.formatDate(published) }
    // Asked who wrote it, the writer where the source names one; else who published it, the most the sources say.
    // A writer who is the publisher ("Jo Penrose" of "Jo Penrose (blog)") is named once, as publisher.
    const writer = author && !values.publisher.toLowerCase().includes(author.toLowerCase()) ? writersNames(author) : undefined
    const lead = query.publication === 'writer' && writer ? lexicon.message('written', { ...values, author: writer }) : lexicon.message('published', values)
    return { answer: `${lead} ${answer}`, citations }
  }
  // Beside how things stand, an older fact says when it held: it is not how things stand.
  const earlier = new Map<Candidate, string>()
  const asOf = p.asOf
  if (asOf) {
    for (const c of p.chosen.slice(1)) {
      const date = dateOf(c)
      const n = Math.min(date.length, asOf.length)
      if (date !== '' && date.slice(0, n) < asOf.slice(0, n)) earlier.set(c, date)
    }
  }
  const key = p.sides[0]?.record.conflict
  // Named only where it is over the kind of value asked for (a yes/no question asks of the figure it names, if any): "how many CRCs were there?"
  // shows the other sides as differing, but not on how early the contracts ended.
  const asked = valueAsked(query)
  const about = key === undefined ? undefined : context.disputes.get(key)?.about || undefined
  // What they differ on reads after "on": a question word starting it is lower-cased ("when the contracts…"), a name ("Harbour Link's…") is not.
  const first = about?.match(/^\p{L}+/u)?.[0] ?? ''
  const clause = about && STOP_WORDS.has(first.toLowerCase()) ? first.toLowerCase() + about.slice(first.length) : about
  // Over another kind of value, the other sides differ on that, not on the answer: "Other sources differ on how early the contracts ended:".
  const disputed = clause === undefined ? undefined : { about: clause, answer: key !== undefined && bearsOn(key, asked, context) }
  const composed = cite(p.chosen, p.corroborations, p.sides, context.lexicon, asOf, p.dated, earlier, disputed)
  const order = query.beforeOrAfter && p.chosen[0] ? compared(query.beforeOrAfter, p.chosen[0], context.lexicon) : undefined
  return order ? { ...composed, answer: `${order} ${composed.answer}` } : composed
}

/** The kind of value a question asks for: a yes/no question asks of the figure it names, if any. */
function valueAsked(query: Query): AnswerKind {
  return query.polar ? (figureKind(query.text) ?? 'other') : query.kind
}

/** The kind of value a disagreement is over, read from what it is about as a question would be ("When the trusts ended" a date); worked out once per disagreement. */
function disputeKind(key: string, context: ComposeContext): AnswerKind {
  const dispute = context.disputes.get(key)
  if (!dispute) return 'other'
  let kind = disputeKinds.get(dispute)
  if (kind === undefined) disputeKinds.set(dispute, (kind = answerKind(dispute.about.split(':')[0] ?? '', context.lexicon)))
  return kind
}
const disputeKinds = new WeakMap<object, AnswerKind>()

/** Whether the sources' disagreement is over the kind of value asked for. */
function bearsOn(key: string, asked: AnswerKind, context: ComposeContext): boolean {
  return valuesMeet(disputeKind(key, context), asked)
}

/** Whether a disagreement over one kind of value bears on a question asking for another: the same kind, an amount and any figure, or a count of years and a span. */
function valuesMeet(disputed: AnswerKind, asked: AnswerKind): boolean {
  const either = (a: AnswerKind, b: (kind: AnswerKind) => boolean) => (disputed === a && b(asked)) || (asked === a && b(disputed))
  return disputed === asked || either('amount', (kind) => AMOUNTS.has(kind)) || either('count', (kind) => kind === 'duration')
}
const AMOUNTS: ReadonlySet<AnswerKind> = new Set(['money', 'percent', 'count'])

/** Share of the question's own concepts the sentence dating the event a "before or after" question names must hold: it must be that event. */
const COMPARED_HOLDING = 0.5
/** Months apart two dates must be for one to be before the other: sources date one event a month apart. */
const COMPARED_MONTHS = 2

/**
 * "Was that before or after …?": which, by the dates of the two events, the last answer's and the one the
 * answer's first sentence reports and gives (its month and year); none when that sentence holds too little of
 * the question to be the event it names, or the dates are too close ("2014" and "2014-10", June and July 2014).
 */
function compared({ dated, own }: { dated: string; own: boolean }, lead: Candidate, lexicon: Lexicon): string | undefined {
  const answered = lead.record.date
  // The sentence gives its passage's date, or its month in a date the passage's year completes ("on Friday 15 February").
  const month = answered && answered.length >= 7 ? lexicon.formatDate(answered.slice(0, 7)).split(' ')[0] : undefined
  const givesDate = answered !== undefined && (statesDate(lead.sentence, answered, lexicon) || (month !== undefined && new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th)?\\s+${month}\\b`).test(lead.sentence)))
  if (!answered || lead.ownCoverage < COMPARED_HOLDING || !givesDate) return undefined
  // A year alone is no month: two dates are apart by their years then.
  const apart = answered.length === 4 || dated.length === 4 ? answered.slice(0, 4) !== dated.slice(0, 4) : Math.abs((monthOf(dated) ?? 0) - (monthOf(answered) ?? 0)) >= COMPARED_MONTHS
  if (!apart) return undefined
  // The event asked about is the question's own ("…, was that before or after that?") or the last answer's ("was that before or after X?").
  const [asked, against] = own ? [answered, dated] : [dated, answered]
  const [first, second] = [dated, answered].sort()
  return lexicon.message(asked < against ? 'comparedBefore' : 'comparedAfter', { first: lexicon.formatDate(first as string), second: lexicon.formatDate(second as string) })
}

/** A source's writers as a reader names them: "Ann Lee; Bo Ray" → "Ann Lee and Bo Ray". */
function writersNames(author: string): string {
  const names = author.split(';').map((n) => n.trim()).filter(Boolean)
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : (names[0] ?? author)
}

/** A publisher as a reader knows it: "TUC", not the note on where the copy is ("TUC (Touchstone blog)"), which the citation gives. */
function readersName(publisher: string): string {
  return publisher.replace(/\s*\([^)]*\)/g, '')
}

/** The question's names (the vocabulary's, or a word that is not everyday English) that some passage holds but none saying how things stand. */
function overtakenNames(retrieval: Retrieval, context: ComposeContext): number[] {
  const current = retrieval.hits.filter((h) => context.current.has(h.passage))
  return retrieval.slots.flatMap((slot, i) => {
    const name = slot.named || slot.typed.every((w) => /^\p{L}{4,}$/u.test(w) && !context.isEnglishWord(w.toLowerCase()))
    return slot.weight === 1 && name && retrieval.hits.some((h) => holdsConcept(h, slot)) && !current.some((h) => holdsConcept(h, slot)) ? [i] : []
  })
}

/** The question's own slots typed after the words that make it about now ("is X still running the routes?": running, routes). */
function stillAsked(query: Query, retrieval: Retrieval, lexicon: Lexicon): Set<number> {
  const cue = lexicon.question.now.exec(query.text)?.[0]
  if (!cue) return new Set()
  const after = new Set(words(query.text.slice(query.text.toLowerCase().indexOf(cue.toLowerCase()) + cue.length)))
  return new Set(retrieval.slots.flatMap((slot, i) => (slot.weight === 1 && slot.typed.every((w) => after.has(w)) ? [i] : [])))
}

/**
 * For "now" questions: the passages that may give the latest state. First
 * those saying how things stand at the end of the period, the one whose
 * listed question comes closest first (they all speak of the end, so which
 * is latest matters less than which is asked about); then the rest, latest
 * first (then best first).
 */
function latestFirst(hits: Hit[], top: Hit, current: ReadonlySet<number>, still: boolean): Hit[] {
  const closeness = (h: Hit) => h.listed?.similarity ?? 0
  // "Is X still…?" may be settled by how things stand however little of X they name.
  return hits
    .filter((h) => (still && current.has(h.passage)) || h.coverage >= top.coverage * (current.has(h.passage) ? NOW_CURRENT : NOW_COVERAGE))
    .sort((a, b) => {
      const ca = current.has(a.passage)
      const cb = current.has(b.passage)
      if (ca !== cb) return ca ? -1 : 1
      if (ca) return closeness(b) - closeness(a) || b.score - a.score
      return dateOf(a) < dateOf(b) ? 1 : dateOf(a) > dateOf(b) ? -1 : b.score - a.score
    })
}

/** A kind of answer that is no value sources could give differently: a reason. */
const UNVALUED_KINDS: ReadonlySet<AnswerKind> = new Set(['reason'])

/**
 * The disagreement an answer is part of: the first sentence's, or that of a
 * sentence answering about as well (the same fact reported by a source that
 * is one side of a listed disagreement).
 */
/**
 * "What were the tents?" asks what the sources say of an everyday thing, which no sentence spells out as it would a
 * name ("what is a CRC?"): everyday words that the passages found never write capitalised within a sentence, as they
 * would a name made of them ("the Offender Rehabilitation Act").
 */
function asksOfEverydayThing(focus: readonly string[], hits: readonly Hit[], context: ComposeContext): boolean {
  if (focus.length === 0 || !focus.every((w) => context.isEnglishWord(w.toLowerCase()))) return false
  const capitalised = new RegExp(`[^.!?\\s]\\s+(?:${focus.map((w) => escape(w.charAt(0).toUpperCase() + w.slice(1).toLowerCase())).join('|')})\\b`)
  return !hits.slice(0, EVERYDAY_READ).some((h) => capitalised.test(h.record.text))
}
/** Passages read for a name made of the words asked about. */
const EVERYDAY_READ = 3

function disagreementOf(first: Candidate, candidates: Candidate[], scorer: Scorer, listedWin: boolean, dated: boolean, disputes: ComposeContext['disputes']): string | undefined {
  // The sources disagree on values: a figure, a date (its passage's, for a sentence led by one), a name, or whether something happened.
  const asksValue = (scorer.strict && !UNVALUED_KINDS.has(scorer.query.kind) && (first.kind >= KIND_FLOOR || dated)) || scorer.query.polar
  if (!asksValue) return undefined
  // A side's passage may say other things too ("… Reuters added that some prisoners were given tents"): a sentence of it sharing no word with what the sources differ on is no side.
  const side = (c: Candidate) => c.record.conflict !== undefined && speaksOf(c, disputes.get(c.record.conflict))
  if (side(first)) return first.record.conflict
  return candidates.find((c) => side(c) && c.score >= first.score * CLOSE && c.ownCoverage >= first.ownCoverage * CLOSE && scorer.answers(c, listedWin))?.record.conflict
}

/** Whether a sentence holds a word of what a disagreement is about ("When the CRC contracts would end", before its colon). */
function speaksOf(c: Candidate, dispute: Pick<Dispute, 'about'> | undefined): boolean {
  if (!dispute) return true
  let about = disputeTerms.get(dispute)
  if (!about) disputeTerms.set(dispute, (about = terms(dispute.about.split(':')[0] ?? '')))
  return about.some((t) => c.terms.has(t))
}
const disputeTerms = new WeakMap<object, string[]>()

/** The best sentence of each other side of the disagreement; each side leads with its own claim, so its first sentence is preferred. */
function disagreement(key: string | undefined, first: Candidate, retrieval: Retrieval, scorer: Scorer, chosen: Candidate[], scored: Candidate[], listedTop: Hit | undefined): Candidate[] {
  if (!key) return []
  const out: Candidate[] = []
  for (const side of retrieval.sides.get(key) ?? []) {
    if (side.source.id === first.source.id || chosen.some((c) => c.passage === side.passage)) continue
    const hit = retrieval.hits.find((h) => h.passage === side.passage) ?? retrieval.more.find((h) => h.passage === side.passage)
    const lead = (c: Candidate) => c.score + (c.position === 0 ? SIDE_LEAD : 0)
    // A side among the passages already weighed keeps its sentences' scores (the same, but for the bonus of a listed win),
    // in passage order, so that equal leads go to the earlier sentence as when the passage is scored afresh.
    const known = hit && hit !== listedTop ? scored.filter((c) => c.passage === side.passage).sort((a, b) => a.position - b.position) : []
    const sentences = known.length > 0 ? known : scorer.sentences(hit, side, hit ? hit.score / (retrieval.hits[0]?.score || 1) : 0)
    const best = sentences.sort((a, b) => lead(b) - lead(a))[0]
    // A side that does not itself answer what was asked differs on something else.
    if (best && scorer.answers(best, false)) out.push(best)
  }
  return out.sort((a, b) => b.score - a.score).slice(0, MAX_SIDES)
}

/**
 * Where sources disagree, the most authoritative side answering about as well leads and the first
 * sentence becomes one of the others (or, when it is no side, the next sentence of the answer); not for
 * the latest state of things, nor when the question asks what a particular source said.
 */
function byAuthority(chosen: Candidate[], sides: Candidate[], scorer: Scorer, latestState: boolean, dispute: string | undefined, context: ComposeContext): { chosen: Candidate[]; sides: Candidate[] } {
  const first = chosen[0]
  if (!first || latestState || scorer.ctx.asksAttribution) return { chosen, sides }
  // Sources differing on another kind of value than the one asked ("when the contracts were awarded", asked how many won them), or on one their words do not tell
  // ("how early the contracts were ended", asked what a CRC is), do not differ on the answer: it keeps its lead.
  if (dispute !== undefined && !bearsOn(dispute, valueAsked(scorer.query), context)) return { chosen, sides }
  const tier = (c: Candidate) => scorer.ctx.lexicon.authority.get(c.source.kind) ?? 0
  const best = sides.filter((c) => c.score >= first.score * CLOSE).reduce<Candidate | undefined>((b, c) => (b === undefined || tier(c) < tier(b) ? c : b), undefined)
  if (!best || tier(best) >= tier(first)) return { chosen, sides }
  // A first sentence that is no side of the disagreement would pass for one among the sides: it follows the side that now leads, as a sentence of the answer (at most as many as an answer has; sides were never counted for length).
  if (first.record.conflict !== dispute) return { chosen: [best, ...chosen].slice(0, MAX_ADDED + 1), sides: sides.filter((s) => s !== best) }
  return { chosen: [best, ...chosen.slice(1)], sides: sides.map((s) => (s === best ? first : s)) }
}

/** Months apart the date a sentence names someone in a role and the date asked about may be, for them to be taken as its holder then. */
const HOLDER_WINDOW = 9

/** A date ("2019", "2019-03", "2019-03-14") as a count of months; a year alone as its first month, where what it dates may have begun. */
function monthOf(date: string): number | undefined {
  const m = /^(\d{4})(?:-(\d{2}))?/.exec(date)
  return m ? Number(m[1]) * 12 + (m[2] ? Number(m[2]) - 1 : 0) : undefined
}

/**
 * "Who was <role> when <event>?": the two answered apart and joined by date. `event` is the plan of the
 * event asked as a question of when; its first sentence dates it. Of the sentences naming someone beside
 * the role, the latest dated at or before it (by at most HOLDER_WINDOW months) leads, and the sentence
 * dating the event follows.
 */
export function composeHolder(role: { retrieval: Retrieval; query: Query }, event: Plan, context: ComposeContext): Composed | undefined {
  const dated = event.chosen[0]
  if (!dated) return undefined
  // By its passage's date: a date a sentence names may be another event's ("her predecessor privatised it in 2014").
  const when = (c: Candidate) => monthOf(dateOf(c)) ?? Infinity
  const at = when(dated)
  // Each of the role's concepts as written ("Justice Secretary"), not its words apart ("general secretary … justice system"),
  // and together, as one role: "the chair of Tidal Lines" is not a chair named beside Tidal Lines.
  const own = role.retrieval.slots.flatMap((slot, i) => (slot.weight === 1 ? [i] : []))
  const asOneRole = (c: Candidate) => {
    const seq = termSequence(c.sentence)
    const spans = own.map((i) => writtenSpans(seq, [i], role.retrieval.slots))
    return spans.every((s) => s.length > 0) && spans.slice(1).every((s) => close(spans[0] ?? [], s))
  }
  // Someone named in the role before the event, or as it happened, still held it then (within the window); one named only after may have taken it since.
  // A sentence both dating the event and naming someone beside the role needs no join: the question's own answer finds it.
  // The role as a role, not only a word of its stem ("administration" for "the administrators").
  const roleWords = own.flatMap((i) => role.retrieval.slots[i]?.typed ?? [])
  const inRole = plan(role.retrieval, role.query, context).candidates.filter(
    (c) => c.sentence !== dated.sentence && c.kind >= KIND_FLOOR && c.ownCoverage >= 1 - TIE && asOneRole(c) && !roleWords.some((w) => onlyDerived(c.sentence, w)),
  )
  const before = inRole.filter((c) => when(c) <= at).sort((a, b) => when(b) - when(a) || b.score - a.score)
  // Longer ago, only someone appointed to it, when the sources tell of someone else appointed after the event: the first held it until then.
  const appointed = context.lexicon.events.get('became')
  // Told of the person, after their name and before anything they said ("Y, the chair, said the operator took over…" tells of no appointment of Y).
  const toldOf = (sentence: string, name: string) => {
    const after = sentence.slice(sentence.indexOf(name) + name.length)
    const said = words(after).find((w) => context.lexicon.reporting.test(w))
    return said ? after.slice(0, after.search(new RegExp(`\\b${escape(said)}\\b`))) : after
  }
  const appointee = (c: Candidate) => peopleIn(c.sentence, context).find((name) => appointed?.test(toldOf(c.sentence, name)))
  const bounded = (c: Candidate) => {
    const holding = appointee(c)
    return holding !== undefined && inRole.some((o) => when(o) > at && ![undefined, holding].includes(appointee(o)))
  }
  const latest = before.find((c) => c.kind >= 1 - TIE)
  const holder = latest && at - when(latest) <= HOLDER_WINDOW ? latest : before.find((c) => bounded(c) && (latest === undefined || when(c) >= when(latest)))
  return holder && cite([holder, dated], new Map(), [], context.lexicon, undefined)
}

/** Numbers citations by first use, one per contiguous span: neighbouring sentences of one passage, given in a row, share one. */
function cite(chosen: Candidate[], corroborations: Map<Candidate, Candidate[]>, sides: Candidate[], lexicon: Lexicon, asOf: string | undefined, dated?: string, earlier: ReadonlyMap<Candidate, string> = new Map(), disputed?: { about: string; answer: boolean }): Composed {
  const citations: Citation[] = []
  const spans = new Map<string, Citation>()
  const citeSpan = (c: Candidate, extendFrom?: Candidate): Citation => {
    const continued = extendFrom && extendFrom.passage === c.passage && extendFrom.position === c.position - 1 ? spans.get(`${extendFrom.passage}:${extendFrom.position}`) : undefined
    if (continued) {
      continued.quote = `${continued.quote} ${c.sentence}`
      spans.set(`${c.passage}:${c.position}`, continued)
      return continued
    }
    const key = `${c.passage}:${c.position}`
    const existing = spans.get(key)
    if (existing) return existing
    const citation: Citation = {
      n: citations.length + 1,
      sourceId: c.source.id,
      passageId: c.record.id,
      title: c.source.title,
      publisher: c.source.publisher,
      published: c.source.published,
      kind: c.source.kind,
      quote: c.sentence,
    }
    const url = c.record.url ?? c.source.url
    if (url) citation.url = url
    if (c.record.date) citation.date = c.record.date
    citations.push(citation)
    spans.set(key, citation)
    return citation
  }
  const parts: string[] = []
  if (asOf) parts.push(lexicon.message('asOf', { date: lexicon.formatDate(asOf) }))
  if (dated) parts.push(lexicon.message('dated', { date: lexicon.formatDate(dated) }))
  const ordered = [...chosen, ...sides]
  ordered.forEach((c, i) => {
    if (i === chosen.length) parts.push(disputed ? lexicon.message(disputed.answer ? 'disputed' : 'differOn', { about: disputed.about }) : lexicon.message('differ'))
    const previous = ordered[i - 1]
    // Said once for sentences of one date in a row (one span, or one report in two passages).
    const when = earlier.get(c)
    if (when && (!previous || earlier.get(previous) !== when)) parts.push(lexicon.message('earlier', { date: lexicon.formatDate(when) }))
    const next = ordered[i + 1]
    const citation = citeSpan(c, previous)
    const markers = [citation, ...(corroborations.get(c) ?? []).map((o) => citeSpan(o))].map((x) => `[${x.n}]`)
    // A span going on in the next sentence is marked once, after its last sentence.
    const spanGoesOn = next && next.passage === c.passage && next.position === c.position + 1 && i + 1 !== chosen.length
    parts.push(spanGoesOn && (corroborations.get(c) ?? []).length === 0 ? c.sentence : `${c.sentence} ${markers.join('')}`)
  })
  const out: Composed = { answer: parts.join(' '), citations }
  if (asOf) out.asOf = asOf
  return out
}
