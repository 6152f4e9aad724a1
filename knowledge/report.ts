/**
 * `npm run kb:report`: the answers visitors reported as wrong (first: they
 * point at a fact to fix), what they could not get answered and which answers
 * they marked not helpful, most frequent first, from the D1 database (local
 * .wrangler/state by default, --remote for the deployed one).
 *
 * Options: --remote, --persist-to <dir>, --limit <n> (default 20), --days <n> (default: all kept rows).
 */
import { notHelpfulSql, reportedSql, unansweredSql, type NotHelpfulRow, type ReportedRow, type ReportOptions, type UnansweredRow } from '../worker/feedback/report'
import { describeTarget, resourceName, wrangler, type Target } from './wrangler'
import { commandArgs } from './cli'

const { values } = commandArgs(import.meta.url, {
  options: {
    remote: { type: 'boolean', default: false },
    'persist-to': { type: 'string' },
    limit: { type: 'string', default: '20' },
    days: { type: 'string' },
  },
})

function count(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined
  if (!/^\d{1,6}$/.test(value) || Number(value) < 1) throw new Error(`--${name} must be a whole number from 1`)
  return Number(value)
}

/** `wrangler d1 execute --json` prints one {results} object per statement. */
function query<T>(sql: string, target: Target): T[] {
  const out = wrangler(['d1', 'execute', resourceName('DB', 'database_name'), '--json', '--command', sql], target)
  const parsed = JSON.parse(out) as Array<{ results?: T[] }>
  return parsed[0]?.results ?? []
}

const clip = (text: string, n: number) => (text.length > n ? `${text.slice(0, n - 1)}…` : text)

try {
  const target: Target = { remote: values.remote, ...(values['persist-to'] ? { persistTo: values['persist-to'] } : {}) }
  const days = count(values.days, 'days')
  const options: ReportOptions = { limit: count(values.limit, 'limit') ?? 20, since: days ? Date.now() - days * 86_400_000 : 0 }
  const period = days ? `the last ${days} days` : 'all kept rows'
  console.log(`kb:report: ${describeTarget(target)} D1, ${period}\n`)

  const reported = query<ReportedRow>(reportedSql(options), target)
  console.log(`Answers reported as wrong (${reported.length}):`)
  for (const r of reported) {
    console.log(`  ${String(r.reports).padStart(5)} reports (${r.reasons.replace(/,/g, ', ')})  passages ${(JSON.parse(r.passage_ids) as string[]).join(', ') || '-'}`)
    console.log(`         asked e.g. "${clip(r.example_question, 100)}"  (KB ${r.kb_versions.replace(/,/g, ', ')}; last ${new Date(r.last_reported).toISOString().slice(0, 10)})`)
    console.log(`         answer: ${clip(r.answer, 160)}`)
    if (r.notes) console.log(`         notes: ${clip(r.notes, 300)}`)
  }
  if (reported.length === 0) console.log('  none')

  const unanswered = query<UnansweredRow>(unansweredSql(options), target)
  console.log(`\nMost frequent unanswered questions (${unanswered.length}):`)
  for (const r of unanswered) {
    console.log(`  ${String(r.times).padStart(5)}  ${clip(r.question, 100)}  (last ${new Date(r.last_asked).toISOString().slice(0, 10)})`)
  }
  if (unanswered.length === 0) console.log('  none')

  const notHelpful = query<NotHelpfulRow>(notHelpfulSql(options), target)
  console.log(`\nAnswers most often marked not helpful (${notHelpful.length}):`)
  for (const r of notHelpful) {
    console.log(`  ${String(r.not_helpful).padStart(5)} not helpful, ${r.helpful} helpful  passages ${(JSON.parse(r.passage_ids) as string[]).join(', ') || '-'}`)
    console.log(`         asked e.g. "${clip(r.example_question, 100)}"`)
    console.log(`         answer: ${clip(r.answer, 160)}`)
    if (r.comments) console.log(`         comments: ${clip(r.comments, 300)}`)
  }
  if (notHelpful.length === 0) console.log('  none')
} catch (err) {
  console.error(`kb:report: ${err instanceof Error ? err.message : String(err)}`)
  process.exitCode = 1
}
