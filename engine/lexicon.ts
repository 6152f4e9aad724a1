/**
 * The lexicon: every word about the subject that the engine reads or writes,
 * kept as data (knowledge/lexicon.json) so the code could answer about any
 * subject. The build checks it with `lexiconProblems`; the engine compiles it
 * once per knowledge base with `compileLexicon`.
 */

/** Kinds of answer a question can ask for; `other` when its wording says nothing. */
export const ANSWER_KINDS = ['percent', 'money', 'amount', 'count', 'time', 'duration', 'reason', 'rating', 'entity', 'person', 'identity', 'definition', 'title', 'wording'] as const
export type AnswerKind = (typeof ANSWER_KINDS)[number] | 'other'

export const MESSAGE_KEYS = ['greeting', 'thanks', 'unknown', 'later', 'future', 'personal', 'private', 'instructed', 'task', 'empty', 'asOf', 'earlier', 'dated', 'published', 'written', 'comparedBefore', 'comparedAfter', 'disputed', 'differ', 'differOn', 'askTitle', 'askIntro', 'timelineTitle', 'timelineIntro', 'about', 'overview', 'periodOverview'] as const
export type MessageKey = (typeof MESSAGE_KEYS)[number]

const QUESTION_PATTERNS = ['smallTalk', 'thanks', 'filler', 'personal', 'someoneElse', 'adviceAsked', 'publisherAsked', 'whichRight', 'publicationAsked', 'publicationWords', 'writerAsked', 'taskAsked', 'privateDetails', 'now', 'future', 'futureTense', 'notTopic', 'countOf', 'vagueCount', 'people', 'organisations', 'partOf', 'ownCase', 'recipient', 'vagueRole', 'listAsked', 'successorOf', 'predecessorOf', 'polar', 'attribute', 'thingAsked', 'generalThing', 'grading', 'leadingClause', 'sceneYear', 'lasting', 'roleNow', 'earliest', 'latest', 'sortAsked', 'eventAsked', 'startAsked', 'holderAt', 'story', 'deadline', 'afterLast', 'laterThan', 'beforeOrAfter', 'rate', 'yearOverview', 'periodOverview'] as const
type QuestionPattern = (typeof QUESTION_PATTERNS)[number]

/** Classes of things a count may name generically ("how many people", "how many groups"): each a question pattern of the words that count one of the class. */
export const COUNT_CLASSES = ['people', 'organisations'] as const
export type CountClass = (typeof COUNT_CLASSES)[number]

/** knowledge/lexicon.json as written. Patterns are regular expressions in lower case, matched case-insensitively. */
export interface LexiconData {
  /** The service's name, as pages show it. */
  service: string
  /** What the knowledge base is about, as a message may name it ("the reforms of …"). */
  subject: string
  /** The kinds of source an entry may be (its provenance), each with the label readers see. */
  sourceKinds: Record<string, string>
  /** The kinds of source from most to least authoritative, in tiers: where sources disagree, the most authoritative side leads. Kinds in no tier rank last. */
  authority: string[][]
  /** What the engine says, with `{subject}`, `{from}`, `{to}`, `{year}`, `{date}`, `{publisher}`, `{author}` and `{about}` (what sources differ on) filled in. */
  messages: Record<MessageKey, string>
  /** Month names, January first, for dates written out in answers. */
  months: string[]
  question: Record<QuestionPattern, string>
  /** Words people shorten as they type, each with what it stands for ("b4": "before"); whole words only. */
  shorthand: Record<string, string>
  /** Cues for the kind of answer a question wants, tried in order; the first that matches decides. */
  kinds: Array<{ kind: AnswerKind; pattern: string }>
  sentence: {
    /** A sentence that gives a reason. */
    reason: string
    /** A sentence that gives a rating or grade ("rated Inadequate"). */
    rating: string
    /** A sentence that gives examples ("such as", "including"): what "like what?" asks for. */
    examples: string
    /** What comes before a date that makes it a deadline ("by", "by the end of", "closed on"), as a pattern; the date follows. */
    deadline: string
    /** Reporting verbs, as one alternation ("said|found|…"). */
    reporting: string
    /** Verbs of one person taking another's place, as one alternation ("replaced|succeeded|…"). */
    succession: string
    /** Events a question names in one word ("become", "step down") and the other words a sentence tells them in ("was named", "left the post"). */
    events: Array<{ asked: string[]; told: string }>
    /** Words before a person's name ("Dame Glenys Stacey"). */
    personTitles: string[]
  }
}

/** The years the knowledge base's events span: what the service says it covers. */
export interface Period {
  from: number
  to: number
}

/**
 * A subject this long makes V8 compile a pattern straight to machine code
 * (its tier-up threshold for long subjects, 1000 characters, is internal:
 * `node --trace-regexp-tier-up` shows it at work). On a shorter one it first
 * compiles bytecode, then compiles again at the pattern's second use; for the
 * lexicon's long alternations the bytecode pass alone costs about three times
 * the machine-code one.
 */
const NATIVE_PROBE = '~'.repeat(1000)

/**
 * A lexicon pattern, matched case-insensitively. It is compiled without the
 * `i` flag and matched against lower-cased text: V8 compiles a
 * case-insensitive pattern several times more slowly, and an isolate's first
 * question pays for every pattern it meets. Hence patterns are written in
 * lower case (`lexiconProblems` checks). `compile` does that work up front,
 * as the knowledge base loads.
 */
export class Pattern {
  /** One global expression serves every use (each resets lastIndex), so it is compiled once. */
  private readonly re: RegExp
  /**
   * The last text tested or replaced in, and the outcome: understanding and retrieval read one question
   * with a pattern several times (its slots, its focus, its kind of answer), and these two are pure.
   */
  private testedText: string | undefined
  private tested = false
  private replacedText: string | undefined
  private replacedBy = ''
  private replaced = ''

  constructor(source: string) {
    // `u` only where the pattern needs it (\p{L}): it too makes compiling slower.
    this.re = new RegExp(source, /\\[pPu]\{/.test(source) ? 'gu' : 'g')
  }

  /** Compiles the pattern to machine code now rather than at its first two uses. */
  compile(): this {
    this.test(NATIVE_PROBE)
    return this
  }

  private first(lower: string, from = 0): RegExpExecArray | null {
    this.re.lastIndex = from
    return this.re.exec(lower)
  }

  test(text: string): boolean {
    if (text !== this.testedText) {
      this.tested = this.first(text.toLowerCase()) !== null
      this.testedText = text
    }
    return this.tested
  }

  /** Where the first match starts in `text`, or -1. */
  indexIn(text: string): number {
    return this.first(text.toLowerCase())?.index ?? -1
  }

  /** The first match, its groups as written in `text`. */
  exec(text: string): Array<string | undefined> | null {
    const lower = text.toLowerCase()
    const m = this.first(lower)
    if (!m) return null
    // Lower-casing keeps positions except for a few letters (İ); then the groups stay lower-cased.
    if (lower.length !== text.length) return [...m]
    let at = m.index
    return [...m].map((g) => {
      if (g === undefined) return undefined
      const from = lower.indexOf(g, at)
      at = from
      return text.slice(from, from + g.length)
    })
  }

  /** `text` with every match replaced by `by`, the rest as written. */
  replaceAll(text: string, by: string): string {
    if (text !== this.replacedText || by !== this.replacedBy) {
      this.replaced = this.replacing(text, by)
      this.replacedText = text
      this.replacedBy = by
    }
    return this.replaced
  }

  private replacing(text: string, by: string): string {
    const lower = text.toLowerCase()
    const source = lower.length === text.length ? text : lower
    let out = ''
    let last = 0
    for (let m = this.first(lower); m; m = this.first(lower, this.re.lastIndex)) {
      out += source.slice(last, m.index) + by
      last = m.index + m[0].length
      // An empty match would match again at the same place; step past one character (a whole one under `u`).
      if (m[0] === '') this.re.lastIndex += (lower.codePointAt(last) ?? 0) > 0xffff && this.re.unicode ? 2 : 1
    }
    return out + source.slice(last)
  }
}

export interface Lexicon {
  service: string
  /** The kinds of source, with their labels. */
  sourceKinds: ReadonlyMap<string, string>
  /** Each kind of source's tier of authority, 0 the highest; a kind in no tier comes after them all. */
  authority: ReadonlyMap<string, number>
  question: Record<QuestionPattern, Pattern>
  /** The words of a question that shape its answer rather than name its topic ("now", "stand for"). */
  notTopic: Pattern
  /** `text` with its shorthand spelt out ("b4 the split" → "before the split"). */
  spellOut(text: string): string
  kinds: Array<{ kind: AnswerKind; pattern: Pattern }>
  reason: Pattern
  rating: Pattern
  examples: Pattern
  /** A date given as a deadline ("by 1 February 2019"). */
  deadline: Pattern
  /** A reporting verb ("said", "found"): the name before it says where a sentence's words come from. */
  reporting: Pattern
  /** Verbs of one person taking another's place, as an alternation to build patterns with. */
  succession: string
  /** Per word naming an event in a question ("become"), the pattern of the other words a sentence may tell it in. */
  events: ReadonlyMap<string, Pattern>
  personTitles: ReadonlySet<string>
  /** The month names as one alternation, for patterns. */
  monthNames: string
  period: Period
  /** A message with its placeholders filled. */
  message(key: MessageKey, values?: Record<string, string | number>): string
  /** A date as precise as it is written: `2021` → "2021", `2021-06` → "June 2021", `2021-06-26` → "26 June 2021". */
  formatDate(date: string): string
}

export class LexiconError extends Error {
  override name = 'LexiconError'
}


/** Every problem with the lexicon, each with the JSON path of the offending value. */
export function lexiconProblems(value: unknown): Array<{ path: string; message: string }> {
  const problems: Array<{ path: string; message: string }> = []
  const data = value as Partial<LexiconData> | null
  if (!data || typeof data !== 'object') return [{ path: '', message: 'the lexicon must be a JSON object' }]
  for (const key of ['service', 'subject'] as const) {
    if (typeof data[key] !== 'string' || data[key].trim() === '') problems.push({ path: key, message: 'must be a non-empty string' })
  }
  const kinds = data.sourceKinds
  if (!kinds || typeof kinds !== 'object' || Object.keys(kinds).length === 0 || Object.values(kinds).some((v) => typeof v !== 'string' || v.trim() === '')) {
    problems.push({ path: 'sourceKinds', message: 'must map each kind of source to its label, e.g. {"news": "News"}' })
  }
  if (!Array.isArray(data.authority) || data.authority.some((tier) => !Array.isArray(tier) || tier.some((k) => typeof k !== 'string'))) {
    problems.push({ path: 'authority', message: 'must list tiers of source kinds, most authoritative first, e.g. [["audit"], ["news"]]' })
  } else {
    const tiered = data.authority.flat()
    for (const k of tiered) if (kinds && typeof kinds === 'object' && !(k in kinds)) problems.push({ path: 'authority', message: `"${k}" is not one of the sourceKinds` })
    if (new Set(tiered).size !== tiered.length) problems.push({ path: 'authority', message: 'names a kind in more than one tier' })
  }
  for (const key of MESSAGE_KEYS) {
    if (typeof data.messages?.[key] !== 'string') problems.push({ path: `messages.${key}`, message: 'missing message' })
  }
  if (!Array.isArray(data.months) || data.months.length !== 12) problems.push({ path: 'months', message: 'must list the twelve month names' })
  const pattern = (path: string, p: unknown) => {
    if (typeof p !== 'string') return problems.push({ path, message: 'missing pattern' })
    try {
      new Pattern(p)
    } catch (err) {
      return problems.push({ path, message: `not a valid regular expression: ${(err as Error).message}` })
    }
    // Escapes such as \\b, \\S and \\p{Lu} keep their case; any other capital letter would never match.
    if (/\p{Lu}/u.test(p.replace(/\\[pP]\{[^}]*\}|\\./g, ''))) problems.push({ path, message: 'write the pattern in lower case: it is matched against lower-cased text' })
  }
  for (const key of QUESTION_PATTERNS) pattern(`question.${key}`, data.question?.[key])
  // A pattern the engine never reads would look like it does something.
  for (const key of Object.keys(data.question ?? {})) {
    if (!(QUESTION_PATTERNS as readonly string[]).includes(key)) problems.push({ path: `question.${key}`, message: `unknown pattern: the engine reads ${QUESTION_PATTERNS.join(', ')}` })
  }
  const shorthand = data.shorthand
  if (!shorthand || typeof shorthand !== 'object' || Array.isArray(shorthand)) problems.push({ path: 'shorthand', message: 'must map each shortened word to what it stands for, e.g. {"b4": "before"}' })
  else {
    for (const [word, full] of Object.entries(shorthand)) {
      if (!/^[^\s\p{Lu}]+$/u.test(word)) problems.push({ path: `shorthand.${word}`, message: 'must be one word in lower case' })
      if (typeof full !== 'string' || full.trim() === '') problems.push({ path: `shorthand.${word}`, message: 'must stand for a non-empty string' })
    }
  }
  if (!Array.isArray(data.kinds)) problems.push({ path: 'kinds', message: 'must be a list of {kind, pattern}' })
  data.kinds?.forEach((k, i) => {
    if (!(ANSWER_KINDS as readonly string[]).includes(k?.kind)) problems.push({ path: `kinds[${i}].kind`, message: `must be one of ${ANSWER_KINDS.join(', ')}` })
    pattern(`kinds[${i}].pattern`, k?.pattern)
  })
  pattern('sentence.reason', data.sentence?.reason)
  pattern('sentence.rating', data.sentence?.rating)
  pattern('sentence.examples', data.sentence?.examples)
  pattern('sentence.reporting', data.sentence?.reporting)
  pattern('sentence.succession', data.sentence?.succession)
  pattern('sentence.deadline', data.sentence?.deadline)
  if (!Array.isArray(data.sentence?.events)) problems.push({ path: 'sentence.events', message: 'must be a list of {asked, told}' })
  data.sentence?.events?.forEach((e, i) => {
    if (!Array.isArray(e?.asked) || e.asked.length === 0 || e.asked.some((w) => typeof w !== 'string' || !/^[\p{Ll}' ]+$/u.test(w))) problems.push({ path: `sentence.events[${i}].asked`, message: 'must be a list of words in lower case' })
    pattern(`sentence.events[${i}].told`, e?.told)
  })
  if (!Array.isArray(data.sentence?.personTitles)) problems.push({ path: 'sentence.personTitles', message: 'must be a list of words' })
  return problems
}

function tierOf(tiers: string[][], kind: string): number {
  const i = tiers.findIndex((tier) => tier.includes(kind))
  return i < 0 ? tiers.length : i
}

export function compileLexicon(data: LexiconData, period: Period): Lexicon {
  const problems = lexiconProblems(data)
  if (problems.length > 0) throw new LexiconError(`lexicon ${problems[0]?.path}: ${problems[0]?.message}`)
  const question = Object.fromEntries(QUESTION_PATTERNS.map((k) => [k, new Pattern(data.question[k]).compile()])) as Record<QuestionPattern, Pattern>
  const base: Record<string, string | number> = { service: data.service, subject: data.subject, from: period.from, to: period.to }
  const shorthand = new Map(Object.entries(data.shorthand))
  return {
    service: data.service,
    sourceKinds: new Map(Object.entries(data.sourceKinds)),
    authority: new Map(Object.keys(data.sourceKinds).map((k) => [k, tierOf(data.authority, k)])),
    question,
    notTopic: question.notTopic,
    // Whole tokens only, so "U-turn", "R&D" and "gov.uk" stay as typed; a full stop may end one ("b4.").
    // The pattern needs neither `i` nor `u` (see Pattern).
    spellOut: (text) =>
      shorthand.size > 0 ? text.replace(/[^\s,;:!?()"]+/g, (w) => { const bare = w.replace(/\.+$/, ''); const full = shorthand.get(bare.toLowerCase()); return full ? full + w.slice(bare.length) : w }) : text,
    kinds: data.kinds.map(({ kind, pattern }) => ({ kind, pattern: new Pattern(pattern).compile() })),
    reason: new Pattern(data.sentence.reason).compile(),
    rating: new Pattern(data.sentence.rating).compile(),
    examples: new Pattern(data.sentence.examples).compile(),
    // The words before the date are the lexicon's; then a day, a month or a year.
    deadline: new Pattern(`\\b${data.sentence.deadline}(?:\\d{1,2}\\s+)?(?:${data.months.join('|').toLowerCase()}|(?:19|20)\\d\\d)\\b`).compile(),
    reporting: new Pattern(`^(${data.sentence.reporting})$`).compile(),
    succession: data.sentence.succession,
    events: new Map(data.sentence.events.flatMap(({ asked, told }) => { const p = new Pattern(told).compile(); return asked.map((w) => [w, p] as const) })),
    personTitles: new Set(data.sentence.personTitles),
    monthNames: data.months.join('|'),
    period,
    message(key, values = {}) {
      // The values given, else the lexicon's own: looked up in turn, as merging them by spreading is a call into the runtime per message.
      return data.messages[key].replace(/\{(\w+)\}/g, (m, name: string) => String((name in values ? values[name] : base[name]) ?? m))
    },
    formatDate(date) {
      const [y, m, d] = date.split('-')
      const month = m ? data.months[Number(m) - 1] : undefined
      if (!month) return y ?? date
      return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`
    },
  }
}
