/**
 * The answer path, and the one place that decides whether to answer:
 * understand the question, decline what its wording alone rules out,
 * otherwise retrieve and compose; when no sentence supplies what was asked,
 * decline with questions close to it that the knowledge base can answer.
 */
import { asksSomething, cleanQuestion } from './clean'
import { APPROXIMATELY, compose, composeHolder, plan, type Citation, type ComposeContext } from './compose'
import type { Kb } from './kb'
import { answerKind, escape, figureSorts, STRICT_KINDS } from './kinds'
import { words } from './text'
import type { MessageKey } from './lexicon'
import { overview } from './overview'
import { retrieve, type Retrieval } from './retrieve'
import { suggest } from './suggest'
import { CONTEXT_WEIGHT, declinedAsWorded, isPleasantry, readsLastAnswer, understand, type DeclineReason, type Language, type Query, type Turn } from './understand'

export interface Answer {
  answer: string
  answered: boolean
  citations: Citation[]
  /** Questions the knowledge base can answer, offered when this one could not be. */
  suggestions?: string[]
  /** For a question about now: the date of the latest state recorded. */
  asOf?: string
}

/** The lexicon message each reason to decline answers with; "unknown" when the sources hold no answer. */
const MESSAGES: Record<DeclineReason | 'unknown', MessageKey> = {
  greeting: 'greeting',
  thanks: 'thanks',
  personal: 'personal',
  private: 'private',
  task: 'task',
  later: 'later',
  future: 'future',
  instructed: 'instructed',
  empty: 'empty',
  unknown: 'unknown',
}

/** Reasons to decline whose suggestions should come from what was asked: the question still names a topic. */
const TOPICAL: ReadonlySet<DeclineReason | 'unknown'> = new Set(['later', 'future', 'unknown'])

export async function answer(kb: Kb, question: string, history: readonly Turn[] = []): Promise<Answer> {
  const asked = await conversation(kb, question, history)
  return answerWith(kb, asked.question, asked.history)
}

async function answerWith(kb: Kb, question: string, history: readonly Turn[]): Promise<Answer> {
  const query = understand(question, history, kb.language)
  if (query.decline) return decline(kb, query, query.decline, TOPICAL.has(query.decline) ? await retrieve(kb, query) : undefined)
  const told = overview(kb, query)
  if (told) return { answer: told.answer, answered: true, citations: told.citations }
  if (query.holderAt) {
    const held = await holderAt(kb, query.holderAt)
    if (held) return held
  }
  const retrieval = await retrieve(kb, query)
  const said = saidBefore(kb, history, query)
  const context = { ...composeContext(kb), ...(said !== undefined && { said }) }
  const found = compose(retrieval, query, context) ?? (await stateWithoutSuccessor(kb, query, context)) ?? (await leaningOnEarlier(kb, question, history, query, context))
  const composed = (await countClaimed(kb, query, found, context)) ?? found
  if (!composed) return decline(kb, query, 'unknown', retrieval)
  return { answer: composed.answer, answered: true, citations: composed.citations, ...(composed.asOf && { asOf: composed.asOf }) }
}

/**
 * What the last answer said, for a follow-up asking for the same kind of answer again ("and who runs it now?"), or for none in
 * particular ("how did it do?"): it says something new if that answers as well. Asked for another kind ("when?" after "what
 * happened?"), what was said may hold it.
 */
export function saidBefore(kb: Kb, history: readonly Turn[], query: Query): string | undefined {
  const last = history.at(-1)
  // Who ran something in another year may be who ran it in the year asked before: a lasting state is said again.
  if (query.lasting) return undefined
  return last?.answer !== undefined && (understand(last.question, history.slice(0, -1), kb.language).kind === query.kind || (query.followUp && !STRICT_KINDS.has(query.kind))) ? last.answer : undefined
}

/**
 * "Who is chief inspector now that X has left?", when the sources name no successor: how things stand in the post
 * answers (asked without X, as the question's own kind), unless it still names X.
 */
async function stateWithoutSuccessor(kb: Kb, query: Query, context: ComposeContext): Promise<ReturnType<typeof compose>> {
  if (!query.succession || !query.now) return undefined
  const { succession, ...rest } = query
  const gone = new Set(words(succession.of).map((w) => w.toLowerCase()))
  const post = { ...rest, kind: answerKind(query.text, context.lexicon), slots: query.slots.filter((slot) => !slot.typed.every((w) => gone.has(w.toLowerCase()))) }
  const state = compose(await retrieve(kb, post), post, context)
  // Only a passage on how things stand will do: an older one would pass off an earlier holder as the latest.
  const from = kb.artifact.passages.findIndex((p) => p?.id === state?.citations[0]?.passageId)
  return state && kb.current.has(from) && !firstSentence(state.answer).toLowerCase().includes(succession.of.toLowerCase()) ? state : undefined
}

/**
 * "Is it true there were 25 CRCs?", where the answer found does not give 25 as a count: asked as "how many CRCs?", the figure the
 * sources give settles it. Only for a yes/no question naming one figure as a count that was answered, and only when the count question is.
 */
async function countClaimed(kb: Kb, query: Query, found: ReturnType<typeof compose>, context: ComposeContext): Promise<ReturnType<typeof compose>> {
  if (!found || !query.polar || query.kind !== 'other' || query.followUp) return undefined
  const counts = query.slots.flatMap((slot) => (slot.typed.length === 1 && /^\d[\d,]*$/.test(slot.typed[0] as string) && !/^(?:19|20)\d\d$/.test(slot.typed[0] as string) && figureSorts(query.text, slot.typed[0] as string, context.lexicon).has('count') ? [slot.typed[0] as string] : []))
  const figure = counts.length === 1 ? counts[0] : undefined
  if (figure === undefined || figureSorts(found.citations[0]?.quote ?? '', figure, context.lexicon).has('count')) return undefined
  // A figure after "the" or "its" ("were the 21 companies sold in 2015?") is taken as known, not claimed; one given roughly is no claim to check.
  const claim = new RegExp(`(?<!(?:\\b(?:the|its|their|all|of)|${APPROXIMATELY.source})\\s+)(?<![\\d.,-])${escape(figure)}(?![\\d]|[.,]\\d)`, 'i')
  if (!claim.test(query.text)) return undefined
  const asked = understand(query.text.replace(claim, 'how many'), [], kb.language)
  const counting = { ...asked, polar: false }
  if (counting.decline || counting.kind !== 'count' || counting.countOf.length === 0) return undefined
  return compose(await retrieve(kb, counting), counting, context)
}

/** Words of a question short enough to lean on the one before without saying so ("split into how many areas?"). */
const SHORT_QUESTION = 6
/** Share of its own words the sentence answering a short question read as leaning on the one before must hold: no answer about the earlier topic alone. */
const LEANS_HOLDING = 0.5

/**
 * A short question after others whose own words find no answer ("paper number?", "split into how many areas?"),
 * read as leaning on them: answered so only by a sentence holding at least LEANS_HOLDING of its own words.
 */
async function leaningOnEarlier(kb: Kb, question: string, history: readonly Turn[], query: Query, context: ComposeContext): Promise<ReturnType<typeof compose>> {
  if (query.followUp || history.length === 0 || words(query.text).length > SHORT_QUESTION) return undefined
  const leaning = understand(question, history, kb.language, true)
  const retrieval = await retrieve(kb, leaning)
  const planned = plan(retrieval, leaning, context)
  const first = planned.chosen[0]
  return first && first.ownCoverage >= LEANS_HOLDING ? compose(retrieval, leaning, context, planned) : undefined
}

/** An answer's first sentence: up to the citation markers that close it. */
export function firstSentence(answer: string): string {
  return /^[\s\S]*?(?:\[\d+\])+/.exec(answer)?.[0] ?? answer
}

/** What composition reads of the knowledge base besides a retrieval. */
export function composeContext(kb: Kb): ComposeContext {
  return { lexicon: kb.language.lexicon, isEnglishWord: kb.isEnglishWord, isDictionaryWord: kb.isDictionaryWord, current: kb.current, disputes: kb.conflicts }
}

/** "Who was <role> when <event>?": the event asked as a question of when, the role as the question asks it; joined by date in compose. */
async function holderAt(kb: Kb, { role, event }: { role: string; event: string }): Promise<Answer | undefined> {
  const context = composeContext(kb)
  const asEvent = { ...understand(event, [], kb.language), kind: 'time' as const }
  const dated = plan(await retrieve(kb, asEvent), asEvent, context)
  if (dated.chosen.length === 0) return undefined
  const roleAlone = { ...understand(role, [], kb.language), kind: 'person' as const }
  // First with the event's concepts beside the role's, at the weight of context, to favour passages naming the role around it.
  const nearEvent = { ...roleAlone, slots: [...roleAlone.slots, ...asEvent.slots.map((s) => ({ ...s, weight: Math.min(s.weight, CONTEXT_WEIGHT) }))] }
  for (const asRole of [nearEvent, roleAlone]) {
    const joined = composeHolder({ retrieval: await retrieve(kb, asRole), query: asRole }, dated, context)
    if (joined) return { answer: joined.answer, answered: true, citations: joined.citations }
  }
  return undefined
}

/**
 * Answers `count` of the knowledge base's own listed questions and throws the
 * answers away: run while an isolate starts, it compiles the answer path and
 * fills retrieval's term cache, which a visitor's first question would
 * otherwise pay for (`npm run bench`).
 */
export async function warmUp(kb: Kb, count = 30): Promise<void> {
  for (const question of warmUpQuestions(kb, count)) await answer(kb, question)
}

/**
 * `count` listed questions, each kind of answer they ask for (a sum, a date,
 * yes or no…) in turn and each kind's spread over its list: a kind's code is
 * compiled only by a question of that kind, so the commonest kinds alone
 * would leave a first question of another kind to run cold.
 */
export function warmUpQuestions(kb: Kb, count: number): string[] {
  const byKind = new Map<string, string[]>()
  const seen = new Set<string>()
  for (const { passage, question } of kb.questions) {
    // A question listed in more than one passage is asked once.
    if (seen.has(question)) continue
    seen.add(question)
    const record = kb.artifact.passages[passage]
    const asks = record?.listed[record.questions.indexOf(question)]?.asks ?? ''
    const list = byKind.get(asks)
    if (list) list.push(question)
    else byKind.set(asks, [question])
  }
  const lists = [...byKind.values()]
  const taken = lists.map(() => 0)
  for (let total = 0, more = true; total < count && more; ) {
    more = false
    for (let k = 0; k < lists.length && total < count; k++) {
      if (taken[k]! < lists[k]!.length) {
        taken[k]!++
        total++
        more = true
      }
    }
  }
  const out: string[] = []
  for (let i = 0; out.length < Math.min(count, seen.size); i++) {
    lists.forEach((list, k) => {
      if (i < taken[k]!) out.push(list[Math.floor((i * list.length) / taken[k]!)]!)
    })
  }
  return out
}

/** A question as `answer` reads it, and the history before it. */
export interface Asked {
  question: string
  history: readonly Turn[]
}

/**
 * The question and history as `answer` reads them. What the visitor last said about the subject without asking
 * ("the inquiry opened in October 2017", then "when did it report?"; several such statements in a row too) is read
 * as said before the question in the same message, as context of it, not as a question answered in turn. The
 * history is the questions, and for a follow-up the last answer as this engine gives it, worked out again from the
 * questions before it (through a chain of follow-ups: at most one answer per earlier turn). A client's copy of an
 * answer is never read, so an answer depends only on what was asked. `kb:explain` reads the same.
 */
export async function conversation(kb: Kb, typed: string, typedHistory: readonly Turn[]): Promise<Asked> {
  const { question, history } = withTold(typed, typedHistory, kb.language) ?? { question: typed, history: typedHistory }
  const asked = history.map((t) => ({ question: t.question }))
  const last = asked.at(-1)
  if (!last || !readsLastAnswer(question, kb.language)) return { question, history: asked }
  const earlier = asked.slice(0, -1)
  const previous = await answer(kb, last.question, earlier)
  const first = previous.citations[0]
  return { question, history: [...earlier, { question: last.question, ...(previous.answered && { answer: previous.answer, ...(first && { source: first.sourceId }), ...(first?.date && { dated: first.date }) }) }] }
}

/**
 * The question with the statements told last before it (in order, as one message) and the history before those; none where
 * the last turn is no statement, or the question is small talk. Each is checked against the question alone (a statement
 * holds no question of its own to join it), so a long run of them costs each one's length once.
 */
function withTold(question: string, history: readonly Turn[], language: Language): Asked | undefined {
  const asked = question.trim()
  if (history.length === 0 || isPleasantry(asked, language.lexicon)) return undefined
  // Typed on its own line, the question needs no mark to end it; after a statement, it is marked as one.
  const marked = /[.!?]$/.test(asked) ? asked : `${asked}?`
  let alone: string | undefined
  const told: string[] = []
  for (let i = history.length - 1; i >= 0; i--) {
    const text = (history[i] as Turn).question.trim()
    if (!text || !isStatement(text, language)) break
    const sentence = /[.!]$/.test(text) ? text : `${text}.`
    // Only where the question then stands apart from it, as it would typed after it.
    const read = cleanQuestion(`${sentence} ${marked}`)
    alone ??= cleanQuestion(marked).text
    if (read.context === undefined || read.text !== alone) break
    told.unshift(sentence)
  }
  return told.length > 0 ? { question: `${told.join(' ')} ${marked}`, history: history.slice(0, history.length - told.length) } : undefined
}

/** A statement about the visitor ("i used to be in the union"), not about what they heard or read. */
const OF_ONESELF = /^\s*(?:i|i'm|im|i've|ive|we|we're|we've)\b(?!\s+(?:read|heard|saw|seen|think|thought|believe|reckon|know|knew|remember|understand|gather)\b)/i

/**
 * Said in plain words without asking anything about the subject: not worded as a question, nor checking a claim ("…, didn't it"), nor
 * of the visitor or someone they know, nor what the engine declines by its wording (small talk, a personal case, private details).
 */
function isStatement(text: string, language: Language): boolean {
  if (asksSomething(text) || language.lexicon.question.polar.test(text) || OF_ONESELF.test(text)) return false
  const cleaned = cleanQuestion(text)
  return !cleaned.instructed && !cleaned.mashed && !language.lexicon.question.someoneElse.test(text) && declinedAsWorded(cleaned, language) === undefined
}

function decline(kb: Kb, query: Query, reason: DeclineReason | 'unknown', retrieval: Retrieval | undefined): Answer {
  const message = kb.language.lexicon.message(MESSAGES[reason], { year: query.laterYear ?? '' })
  return { answer: message, answered: false, citations: [], suggestions: suggest(kb, retrieval, query.text) }
}
