/**
 * Text processing shared by the index build and by queries. Both sides must
 * turn words into terms the same way, so there is exactly one implementation.
 */
import { stemmer } from 'stemmer'
import { STOP_WORDS } from './stop-words'

/** Printable ASCII: text in which NFKC and the folds below change nothing, and the only white space is the space. */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/

/** Unicode NFKC, curly quotes and dashes folded, control characters and lone surrogates removed, white space collapsed. */
export function normalize(text: string): string {
  // Most text is printable ASCII, where only runs of spaces change: the Unicode passes cost more than the rest of it.
  if (PRINTABLE_ASCII.test(text)) return text.replace(/ {2,}/g, ' ').trim()
  return text
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\p{Cc}\p{Cf}\p{Cs}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}

const WORD = /[\p{L}\p{N}]+(?:[.,'&][\p{L}\p{N}]+)*/gu

/** A sum written out ("£10.4 billion", "£924 million"), to be written short as well ("£10.4bn", "£924m") so either finds the other. */
const SUM_WRITTEN_OUT = /(\d)\s*(billion|million)\b/g
const SHORT_UNIT: ReadonlyMap<string, string> = new Map([['million', 'm'], ['billion', 'bn']])
/** A range whose unit word is written once, after its end ("5 to 20 billion", "£5-20 million"): the start is in that unit too. */
const RANGE_WRITTEN_OUT = /(?<![\d.,])(\d[\d,.]*)(\s*(?:to|-|–|and|or)\s*[£$€]?)(?=\d[\d,.]*\s*(billion|million)\b)/g

/** A figure and the unit word written after it as the sum is written short ("924", "million" → "924m"); undefined when `unit` is no such word. */
export function shortSum(figure: string, unit: string | undefined): string | undefined {
  const short = unit === undefined ? undefined : SHORT_UNIT.get(unit.toLowerCase())
  return short && /^\d[\d,.]*$/.test(figure) ? figure + short : undefined
}
const THOUSANDS_SHORT = /(?<![\d.,])(\d{1,3}(?:\.\d+)?)k\b/g

/** Splits text into raw lower-case words; keeps `28,750`, `3.7bn` and `don't` whole, writes a sum short beside its unit word (`10.4 billion` is `10.4bn billion`: "how many millions" still finds it) and thousands in full (`40k` is `40000`). */
export function words(text: string): string[] {
  return (
    normalize(text)
      .toLowerCase()
      .replace(RANGE_WRITTEN_OUT, (_, start: string, between: string, unit: string) => `${shortSum(start, unit)}${between}`)
      .replace(SUM_WRITTEN_OUT, (_, digit: string, unit: string) => `${shortSum(digit, unit)} ${unit}`)
      // Thousands written short ("40k") are the figure the sources write ("40,000").
      .replace(THOUSANDS_SHORT, (_, figure: string) => String(Math.round(Number(figure) * 1000)))
      .match(WORD) ?? []
  )
}

/** Whether `word` is the unit words() kept beside the sum before it ("million" after "277m"): part of that sum, not a word of its own. */
export function isUnitOfSum(word: string, before: string | undefined): boolean {
  const short = SHORT_UNIT.get(word)
  return short !== undefined && before !== undefined && before.endsWith(short) && shortSum(before.slice(0, -short.length), word) === before
}

/** Whether `word` only says a figure after it is rough ("around 2016", "around £40m"): elsewhere "around" may be a topic ("flow around a cylinder"). */
export function isRoughMeasure(word: string, after: string | undefined): boolean {
  return word === 'around' && after !== undefined && /^[£$€]?\d/.test(after)
}

/** Folds accents so "café" and "cafe" meet. */
function foldAccents(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '')
}

/**
 * Turns one raw word into an index term, or null for a stop word. American
 * -ize spellings become British -ise first, as the knowledge base is written.
 */
export function toTerm(word: string): string | null {
  let term = termOf.get(word)
  if (term === undefined) {
    term = computeTerm(word)
    if (termOf.size >= TERM_MEMO_SIZE) termOf.clear()
    termOf.set(word, term)
  }
  return term
}

/** Stemming is the costliest step of a request and words repeat, so each isolate remembers recent words' terms. */
const TERM_MEMO_SIZE = 50_000
const termOf = new Map<string, string | null>()

/**
 * Number words as digits, so "4 years" finds "four years" and "eighteen
 * months" finds "18 months". Not "one", which is as often a pronoun.
 */
export const NUMBER_WORDS: ReadonlyMap<string, string> = new Map(
  `two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty`
    .split(' ')
    .map((w, i) => [w, String(i + 2)] as const)
    .concat(['thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'].map((w, i) => [w, String((i + 3) * 10)] as const)),
)

/** A word of a describing form ("struggling", "doomed", "local", "famous"), not a noun narrowing a sort. */
const DESCRIBING = /(?:ing|ed|al|ful|ous|ive|ish|less|able|ible|ic|ern|ign)$/
/** Everyday describing words of no describing ending ("eight new providers"). */
const PLAIN_ADJECTIVES: ReadonlySet<string> = new Set(['new', 'old', 'big', 'small', 'large', 'main', 'major', 'key', 'other', 'top', 'extra', 'private', 'separate', 'different', 'former', 'current', 'senior', 'junior', 'smaller', 'larger', 'bigger'])

/** Whether a word (in lower case) describes rather than names a sort: of a describing form, or an everyday describing word. */
export function isDescribing(word: string): boolean {
  return DESCRIBING.test(word) || PLAIN_ADJECTIVES.has(word)
}

/**
 * A word's irregular past form: "past" where it only tells what someone did ("took", beside "taken"); "either" where one form serves
 * the past and a participle, which may describe ("felt", "written replies"); undefined for any other word.
 */
export function irregularPast(word: string): 'past' | 'either' | undefined {
  const w = word.toLowerCase()
  return PAST_ONLY.has(w) ? 'past' : IRREGULAR.has(w) ? 'either' : undefined
}
/** Of the irregular forms below, those only of the simple past: the verb's participle is another word. */
const PAST_ONLY: ReadonlySet<string> = new Set('took began went fell rose chose wrote drove grew broke spoke withdrew undertook overtook knew saw ran became'.split(' '))

/** Irregular past forms, which no suffix-stripping stemmer joins to their verbs: "who ran it" finds "runs". */
const IRREGULAR: ReadonlyMap<string, string> = new Map(
  `ran:run won:win led:lead paid:pay sold:sell bought:buy took:take taken:take began:begin begun:begin went:go gone:go
  made:make brought:bring thought:think found:find fell:fall fallen:fall rose:rise risen:rise spent:spend kept:keep
  left:leave lost:lose met:meet chose:choose chosen:choose wrote:write written:write drove:drive driven:drive grew:grow
  grown:grow held:hold became:become broke:break broken:break sent:send struck:strike spoke:speak spoken:speak stood:stand
  withdrew:withdraw withdrawn:withdraw undertook:undertake undertaken:undertake overtook:overtake sought:seek taught:teach
  caught:catch fought:fight felt:feel meant:mean heard:hear knew:know known:know saw:see seen:see`
    .split(/\s+/)
    .filter(Boolean)
    .map((pair) => pair.split(':') as [string, string]),
)

/** Word families the stemmer cuts to another family's stem: "officers" are not "offices", "communicate" not "community", "experiment" not "experience". */
const STEM_APART: ReadonlyArray<readonly [RegExp, string]> = [
  [/^officers?$/, 'officer'],
  [/^communicat(?:e|es|ed|ing|ion|ions|ive)$/, 'communic'],
  [/^experiment(?:s|ed|ing|al|ally|ation)?$/, 'experiment'],
]

/** `toTerm` without remembering the word: for the many words tried once, such as a slip's possible corrections. */
export function termOfUnseen(word: string): string | null {
  return termOf.get(word) ?? computeTerm(word)
}

function computeTerm(word: string): string | null {
  let w = /^[a-z]+$/.test(word) ? word : foldAccents(word.toLowerCase())
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(w)) w = w.replace(/,/g, '')
  const number = NUMBER_WORDS.get(w)
  if (number) return number
  if (STOP_WORDS.has(w)) return null
  w = w.replace(/'s$/, '').replace(/'/g, '')
  // A letter on its own names nothing ("prisons n probation", "part b").
  if (w.length <= 1 || STOP_WORDS.has(w)) return /^\d$/.test(w) ? w : null
  if (/\d/.test(w)) return w
  const apart = STEM_APART.find(([family]) => family.test(w))
  if (apart) return apart[1]
  w = IRREGULAR.get(w) ?? w
  w = w.replace(/^(\w{3,})iz(e|ed|es|ing|ation|ations)$/, '$1is$2')
  // The stemmer undoubles a consonant left by -ing or -ed ("hopping" is "hop"), but a word doubling "f" ends in "ff" itself ("staffing" is "staff").
  w = w.replace(/^(\w+ff)(?:ing|ed)$/, '$1')
  // A second pass joins forms one pass leaves apart ("traditionally" and "tradition").
  return stemmer(stemmer(w))
}

/** All terms of a text, in order, stop words dropped. */
export function terms(text: string): string[] {
  const out: string[] = []
  for (const w of words(text)) {
    const t = toTerm(w)
    if (t) out.push(t)
  }
  return out
}

const ABBREVIATION = /\b(?:Mr|Mrs|Ms|Dr|Prof|St|No|vs|etc|e\.g|i\.e|approx)\.$/i

/**
 * Splits a passage into sentences. A full stop after a known abbreviation or
 * an initial, or inside a number, does not end a sentence.
 */
export function sentences(text: string): string[] {
  const out: string[] = []
  const parts = normalize(text).split(/(?<=[.!?]["')\]]?)\s+(?=["'(\[]?[\p{Lu}\p{N}£])/u)
  let pending = ''
  for (const part of parts) {
    pending = pending ? `${pending} ${part}` : part
    if (ABBREVIATION.test(pending) || /\b\p{Lu}\.$/u.test(pending)) continue
    out.push(pending)
    pending = ''
  }
  if (pending) out.push(pending)
  return out
}

/** Number of words, as a maintainer would count them. */
export function wordCount(text: string): number {
  return normalize(text).split(' ').filter(Boolean).length
}

/** The years a text names, each with the year after it where the text names the two as one span ("2018-19", "2018/19", "2018-2019"; not "2019-12", a month). */
function yearRuns(text: string): Array<{ first: number; next?: number }> {
  const out: Array<{ first: number; next?: number }> = []
  for (const m of text.matchAll(/\b((?:19|20)\d\d)(?:[/-]((?:19|20)?\d\d)(?![\d-]))?\b/g)) {
    const first = Number(m[1])
    const second = m[2]
    const next = second !== undefined && (second.length === 2 ? Number(second) === (first + 1) % 100 : Number(second) === first + 1)
    out.push(next ? { first, next: first + 1 } : { first })
    // "2015-2020" names two years, not one span.
    if (!next && second?.length === 4) out.push({ first: Number(second) })
  }
  return out
}

/** The years a text names: "2019", and both years of a span written "2018/19", "2018-19" or "2018-2019". */
export function yearsNamed(text: string): number[] {
  // A loop, not flatMap (a call into the runtime): every sentence scored for a question naming a year reads this.
  const out: number[] = []
  for (const { first, next } of yearRuns(text)) {
    if (next === undefined) out.push(first)
    else out.push(first, next)
  }
  return out
}

/** The spans of a year a text names, as "2018-19" however written: a financial or inspection year, one period. */
export function spansNamed(text: string): string[] {
  const out: string[] = []
  for (const { first, next } of yearRuns(text)) if (next !== undefined) out.push(`${first}-${String(next % 100).padStart(2, '0')}`)
  return out
}

/** Shared terms over all terms of two sets (0 for two empty sets): how far two texts say the same. */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a]
  let shared = 0
  for (const t of small) if (large.has(t)) shared++
  return shared / (a.size + b.size - shared || 1)
}
