/**
 * The queries behind `npm run kb:report`, kept next to the schema they read.
 * They are run through `wrangler d1 execute --command`, which takes no bound
 * parameters, so the only values spliced in are checked whole numbers.
 */

export interface ReportOptions {
  /** Rows per list. */
  limit: number
  /** Only answers given at or after this time (ms since the epoch). */
  since: number
}

export interface ReportedRow {
  answer: string
  passage_ids: string
  /** Knowledge-base versions the answer was given from, comma-separated. */
  kb_versions: string
  reports: number
  /** Reasons given, comma-separated, each once. */
  reasons: string
  example_question: string
  notes: string | null
  last_reported: number
}

export interface UnansweredRow {
  question: string
  times: number
  last_asked: number
}

export interface NotHelpfulRow {
  answer: string
  passage_ids: string
  not_helpful: number
  helpful: number
  example_question: string
  comments: string | null
}

function whole(value: number, name: string): number {
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`${name} must be a whole number, not ${value}`)
  return value
}

/** Answers (same text from the same passages) reported as wrong most often, with the reasons and notes given. */
export function reportedSql({ limit, since }: ReportOptions): string {
  return `SELECT answer, passage_ids, group_concat(DISTINCT kb_version) AS kb_versions, count(*) AS reports,
  group_concat(DISTINCT reason) AS reasons, min(question) AS example_question,
  group_concat(note, ' | ') AS notes, max(created_at) AS last_reported
FROM reports WHERE created_at >= ${whole(since, 'since')}
GROUP BY answer, passage_ids ORDER BY reports DESC, last_reported DESC LIMIT ${whole(limit, 'limit')}`
}

/** Questions declined most often, the same question counted regardless of case and end punctuation. */
export function unansweredSql({ limit, since }: ReportOptions): string {
  return `SELECT lower(trim(question, ' ?!.')) AS question, count(*) AS times, max(created_at) AS last_asked
FROM answers WHERE answered = 0 AND created_at >= ${whole(since, 'since')}
GROUP BY 1 ORDER BY times DESC, last_asked DESC LIMIT ${whole(limit, 'limit')}`
}

/** Answers (same text from the same passages) most often marked not helpful, with the comments left on them. */
export function notHelpfulSql({ limit, since }: ReportOptions): string {
  return `SELECT a.answer AS answer, a.passage_ids AS passage_ids,
  sum(f.helpful = 0) AS not_helpful, sum(f.helpful = 1) AS helpful,
  min(a.question) AS example_question, group_concat(f.comment, ' | ') AS comments
FROM feedback f JOIN answers a ON a.id = f.answer_id
WHERE a.created_at >= ${whole(since, 'since')}
GROUP BY a.answer, a.passage_ids HAVING not_helpful > 0
ORDER BY not_helpful DESC, helpful ASC LIMIT ${whole(limit, 'limit')}`
}
