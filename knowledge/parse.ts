/**
 * Parses and validates one knowledge-base entry. Pure: takes the text, returns
 * the entry and every problem found with its line, so a maintainer sees all
 * of them at once.
 */
import { parse as parseYaml } from 'yaml'
import { wordCount, type SourceRecord } from '../engine'

export interface Problem {
  line: number
  message: string
}

export interface Section {
  heading: string
  /** Line of the `##` heading. */
  line: number
  text: string
  questions: string[]
  /** The event's date, from a `Date:` line. */
  date?: string
  /** A disagreement between sources this passage is one side of, from a `Conflict:` line. */
  conflict?: { key: string; line: number }
  /** The page this passage comes from, from a `URL:` line. */
  url?: string
}

export interface Entry {
  meta: SourceRecord
  sections: Section[]
}

export const SECTION_WORDS = { min: 25, max: 400 } as const

const FIELDS: Record<keyof SourceRecord, 'required' | 'optional'> = {
  id: 'required',
  title: 'required',
  publisher: 'required',
  kind: 'required',
  author: 'optional',
  published: 'required',
  url: 'optional',
  via: 'optional',
  seed: 'optional',
  summary: 'required',
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/

/** A date as precise as its source allows: YYYY, YYYY-MM or YYYY-MM-DD, and a real one. */
export function isValidDate(value: string): boolean {
  const m = DATE.exec(value)
  if (!m) return false
  const [, y, mo, d] = m
  const year = Number(y)
  if (year < 1900 || year > 2100) return false
  if (mo === undefined) return true
  const month = Number(mo)
  if (month < 1 || month > 12) return false
  if (d === undefined) return true
  const day = Number(d)
  return day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate()
}

export interface Parsed {
  /** Present only when the file has no problems. */
  entry?: Entry
  /** The id and its line, when the frontmatter has one, so duplicates are found even in broken files. */
  id?: string
  idLine: number
  problems: Problem[]
}

/**
 * `conflicts`: the keys of knowledge/conflicts.json, which a `Conflict:` line must name;
 * `kinds`: the lexicon's kinds of source, one of which `kind` must be.
 */
export function parseEntry(source: string, { conflicts, kinds }: { conflicts?: ReadonlySet<string>; kinds?: readonly string[] } = {}): Parsed {
  const problems: Problem[] = []
  const lines = source.replace(/\r\n?/g, '\n').split('\n')
  if (lines[0]?.trim() !== '---') {
    return { idLine: 1, problems: [{ line: 1, message: 'missing frontmatter: the file must start with a line "---"' }] }
  }
  const end = lines.indexOf('---', 1)
  if (end < 0) return { idLine: 1, problems: [{ line: 1, message: 'frontmatter is not closed by a line "---"' }] }

  const meta = parseFrontmatter(lines.slice(1, end), 2, problems, kinds)
  const sections = parseBody(lines, end + 1, problems)
  for (const section of sections) {
    if (section.conflict && conflicts && !conflicts.has(section.conflict.key)) {
      problems.push({ line: section.conflict.line, message: `Conflict "${section.conflict.key}" is not a key of conflicts.json` })
    }
  }
  if (meta?.published !== undefined && isValidDate(meta.published)) {
    for (const section of sections) {
      if (section.date !== undefined && isValidDate(section.date) && after(section.date, meta.published)) {
        problems.push({ line: section.line, message: `Date ${section.date} is after the source was published (${meta.published}): an event date comes from the source, so it cannot be later` })
      }
    }
  }
  if (sections.length === 0 && problems.length === 0) {
    problems.push({ line: end + 2, message: 'no sections: write at least one "## heading" with its passage' })
  }
  const id = meta?.id
  const idLine = 2 + Math.max(0, lines.slice(1, end).findIndex((l) => l.startsWith('id:')))
  return problems.length > 0 || !meta ? { id, idLine, problems } : { entry: { meta, sections }, id, idLine, problems }
}

function parseFrontmatter(lines: string[], firstLine: number, problems: Problem[], kinds: readonly string[] | undefined): SourceRecord | undefined {
  let data: unknown
  try {
    data = parseYaml(lines.join('\n'), { prettyErrors: false })
  } catch (err) {
    const pos = (err as { linePos?: Array<{ line: number }> }).linePos?.[0]
    problems.push({ line: firstLine + (pos ? pos.line - 1 : 0), message: `frontmatter is not valid YAML: ${firstSentence(err)}` })
    return undefined
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    problems.push({ line: firstLine, message: 'frontmatter must be "key: value" lines' })
    return undefined
  }
  const lineOf = (key: string) => {
    const i = lines.findIndex((l) => l.startsWith(`${key}:`))
    return firstLine + Math.max(i, 0)
  }
  const record = data as Record<string, unknown>
  const meta: Record<string, string> = {}
  for (const [key, value] of Object.entries(record)) {
    if (!(key in FIELDS)) {
      problems.push({ line: lineOf(key), message: `unknown frontmatter key "${key}" (allowed: ${Object.keys(FIELDS).join(', ')})` })
      continue
    }
    if (typeof value !== 'string' && typeof value !== 'number') {
      problems.push({ line: lineOf(key), message: `"${key}" must be a single line of text` })
      continue
    }
    const text = String(value).trim()
    if (text === '') problems.push({ line: lineOf(key), message: `"${key}" is empty` })
    else meta[key] = text
  }
  for (const [key, need] of Object.entries(FIELDS)) {
    if (need === 'required' && !(key in record)) problems.push({ line: firstLine, message: `missing required field "${key}"` })
  }
  if (meta.id !== undefined && !SLUG.test(meta.id)) {
    problems.push({ line: lineOf('id'), message: `id "${meta.id}" must be a slug: lower-case letters, digits and single hyphens` })
  }
  if (meta.published !== undefined && !isValidDate(meta.published)) {
    problems.push({ line: lineOf('published'), message: `published "${meta.published}" is not a date: use YYYY, YYYY-MM or YYYY-MM-DD` })
  }
  const urlProblem = meta.url === undefined ? undefined : addressProblem(meta.url)
  if (urlProblem) problems.push({ line: lineOf('url'), message: `url ${urlProblem}` })
  if (meta.url === undefined && meta.seed === undefined && 'id' in record) {
    problems.push({ line: lineOf('id'), message: 'missing "url": every source needs the address where it was found (only a seed document may lack one)' })
  }
  if (meta.kind !== undefined && kinds && !kinds.includes(meta.kind)) {
    problems.push({ line: lineOf('kind'), message: `kind "${meta.kind}" is not one of ${kinds.join(', ')} (the lexicon's sourceKinds)` })
  }
  return meta as unknown as SourceRecord
}

/** `Date:`, `Conflict:` and `URL:` lines that may open a section, before its text. */
const SECTION_FIELDS = /^(Date|Conflict|URL):\s*(.*)$/

/** Whether date `a` is later than `b` at the precision both share ("2019-03" is not after "2019"). */
function after(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length)
  return a.slice(0, n) > b.slice(0, n)
}

function sectionField(section: Section, name: string, value: string, line: number, problems: Problem[]) {
  if (value === '') {
    problems.push({ line, message: `"${name}:" is empty` })
  } else if (name === 'Date') {
    if (section.date !== undefined) problems.push({ line, message: 'a second "Date:" line in one section: one section reports one event' })
    else if (!isValidDate(value)) problems.push({ line, message: `Date "${value}" is not a date: use YYYY, YYYY-MM or YYYY-MM-DD, only as precise as the source` })
    else section.date = value
  } else if (name === 'Conflict') {
    if (!SLUG.test(value)) problems.push({ line, message: `Conflict "${value}" must be a key from knowledge/conflicts.json` })
    else section.conflict = { key: value, line }
  } else {
    const problem = addressProblem(value)
    if (problem) problems.push({ line, message: `URL ${problem}` })
    else section.url = value
  }
}

function parseBody(lines: string[], start: number, problems: Problem[]): Section[] {
  const sections: Section[] = []
  let current: (Section & { body: string[]; inQuestions: boolean }) | undefined
  const close = () => {
    if (!current) return
    const text = current.body.join(' ').replace(/\s+/g, ' ').trim()
    const n = wordCount(text)
    if (n === 0) problems.push({ line: current.line, message: `section "${current.heading}" is empty` })
    else if (n < SECTION_WORDS.min) {
      problems.push({ line: current.line, message: `section "${current.heading}" is too short (${n} words; at least ${SECTION_WORDS.min})` })
    } else if (n > SECTION_WORDS.max) {
      problems.push({ line: current.line, message: `section "${current.heading}" is too long (${n} words; at most ${SECTION_WORDS.max}): split it under two headings` })
    }
    const { heading, line, questions, date, conflict, url } = current
    sections.push({ heading, line, text, questions, ...(date && { date }), ...(conflict && { conflict }), ...(url && { url }) })
  }
  for (let i = start; i < lines.length; i++) {
    const line = lines[i] ?? ''
    const lineNo = i + 1
    const trimmed = line.trim()
    const heading = /^##\s+(.*)$/.exec(trimmed)
    if (heading) {
      close()
      const title = heading[1]?.trim() ?? ''
      if (!title) problems.push({ line: lineNo, message: 'heading is empty' })
      current = { heading: title, line: lineNo, text: '', questions: [], body: [], inQuestions: false }
    } else if (trimmed === '' || /^#\s/.test(trimmed)) {
      continue
    } else if (!current) {
      problems.push({ line: lineNo, message: 'text before the first "## heading": every passage needs a heading' })
    } else if (/^#{3,}\s/.test(trimmed)) {
      problems.push({ line: lineNo, message: 'sub-headings are not allowed: each "##" section is one passage' })
    } else if (current.body.length === 0 && !current.inQuestions && SECTION_FIELDS.test(trimmed)) {
      const [, name, value] = SECTION_FIELDS.exec(trimmed) as RegExpExecArray
      sectionField(current, name as string, (value ?? '').trim(), lineNo, problems)
    } else if (trimmed === 'Questions:') {
      if (current.inQuestions) problems.push({ line: lineNo, message: 'a second "Questions:" block in one section' })
      current.inQuestions = true
    } else if (current.inQuestions) {
      const item = /^-\s+(.+)$/.exec(trimmed)
      if (item?.[1]) current.questions.push(item[1].trim())
      else problems.push({ line: lineNo, message: 'after "Questions:" only "- question" lines may follow, until the next heading' })
    } else {
      current.body.push(trimmed)
    }
  }
  close()
  return sections
}

/** What is wrong with a page's address, if anything: one a visitor could not open. */
function addressProblem(value: string): string | undefined {
  if (!isHttpUrl(value)) return `"${value}" must be an http:// or https:// address`
  // Listings and registers show long addresses cut short: copied as shown, they open nothing.
  const cut = /(?:\.\.\.|…)$/.exec(value)?.[0]
  if (cut) return `"${value}" is cut short (it ends in "${cut}"): give the whole address`
  return undefined
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value)
    return url.protocol === 'https:' || url.protocol === 'http:'
  } catch {
    return false
  }
}

function firstSentence(err: unknown): string {
  return String((err as Error).message ?? err).split('\n')[0] ?? 'parse error'
}
