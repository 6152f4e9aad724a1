/**
 * The question-set format and scoring rules of shared/eval/README.md, in one
 * place: the eval test, `npm run kb:eval` and the benchmarks all judge
 * answers with this code.
 */

export type EvalKind = 'fact' | 'out_of_scope' | 'adversarial'

export interface EvalItem {
  id: string
  kind: EvalKind
  question: string
  expect: { all?: string[][]; answered?: false }
  source: string | null
  note?: string
  /** Earlier turns of the conversation, for follow-up questions. */
  history?: Array<{ question: string; answer?: string }>
}

/** What a reply looked like, from HTTP or from calling the answer code directly. */
export interface Reply {
  status: number
  answered?: boolean
  answer?: string
  citations?: Array<{ sourceId: string }>
}

export function parseQuestionSet(text: string, name: string): EvalItem[] {
  return text
    .split('\n')
    .map((line, i) => ({ line: line.trim(), n: i + 1 }))
    .filter(({ line }) => line !== '')
    .map(({ line, n }) => {
      let item: EvalItem
      try {
        item = JSON.parse(line) as EvalItem
      } catch (err) {
        throw new Error(`${name}:${n}: not valid JSON: ${(err as Error).message}`)
      }
      if (typeof item.id !== 'string' || typeof item.question !== 'string' || !item.expect) {
        throw new Error(`${name}:${n}: each line needs "id", "kind", "question" and "expect"`)
      }
      const problem = itemProblem(item)
      if (problem) throw new Error(`${name}:${n}: ${item.id}: ${problem}`)
      return item
    })
}

const KINDS: readonly string[] = ['fact', 'out_of_scope', 'adversarial'] satisfies EvalKind[]

/** What is wrong with a parsed line's kind or expectation, which scoring would otherwise trip over. */
function itemProblem({ kind, expect }: EvalItem): string | undefined {
  if (!KINDS.includes(kind)) return `"kind" must be one of ${KINDS.join(', ')}`
  if (typeof expect !== 'object' || Array.isArray(expect)) return '"expect" must be an object: {"all": [[...], ...]} or {"answered": false}'
  if (expect.answered !== undefined && expect.answered !== false) return '"expect.answered" may only be false'
  const { all } = expect
  if (all === undefined) return expect.answered === false ? undefined : '"expect" needs "all" (groups of alternatives) or "answered": false'
  if (expect.answered === false) return '"expect" has both "all" and "answered": false; a question is either answered or declined'
  if (!Array.isArray(all) || all.length === 0 || !all.every((group) => Array.isArray(group) && group.length > 0 && group.every((alt) => typeof alt === 'string' && alt.trim() !== ''))) {
    return '"expect.all" must be a non-empty list of groups, each a non-empty list of strings: [["£3.7bn", "3.7 billion"], ["21"]]'
  }
  return undefined
}

/** The README's normalisation: NFKC, case, straight quotes, plain dashes, single spaces. */
export function foldForMatch(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u201A\u201B]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** One alternative against an answer, with the README's word-boundary and stem rules. */
export function matchesAlternative(answer: string, alternative: string): boolean {
  const text = foldForMatch(answer)
  let alt = foldForMatch(alternative).trim()
  const stem = alt.endsWith('*')
  if (stem) alt = alt.slice(0, -1)
  const endsHard = !stem && (/[\d%]$/.test(alt) || /^\p{L}{1,6}$/u.test(alt))
  const pattern = `(?<![\\p{L}\\p{N}])${escape(alt)}${endsHard ? '(?![\\p{L}\\p{N}])' : ''}`
  return new RegExp(pattern, 'u').test(text)
}

export interface Verdict {
  right: boolean
  /** Why a wrong reply is wrong, for the list of misses. */
  why?: string
}

export function judge(item: EvalItem, reply: Reply): Verdict {
  if (item.expect.answered === false) {
    if (reply.status === 400 || reply.status === 422) return { right: true }
    if (reply.status === 200 && reply.answered === false) return { right: true }
    return { right: false, why: `should be declined; got ${reply.status} answered=${String(reply.answered)}: ${reply.answer ?? ''}` }
  }
  if (reply.status !== 200) return { right: false, why: `status ${reply.status}` }
  if (!reply.answered) return { right: false, why: `declined: ${reply.answer ?? ''}` }
  if (!reply.citations?.length) return { right: false, why: 'no citations' }
  const missing = (item.expect.all ?? []).filter((group) => !group.some((alt) => matchesAlternative(reply.answer ?? '', alt)))
  if (missing.length > 0) {
    return { right: false, why: `missing ${missing.map((g) => JSON.stringify(g[0])).join(', ')}: ${reply.answer ?? ''}` }
  }
  return { right: true }
}
