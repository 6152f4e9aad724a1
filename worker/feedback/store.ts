/**
 * What the Worker writes to D1: each answer as it is given, visitors'
 * verdicts on answers and reports of inaccurate ones, and the retention clean-up. Nothing that identifies a
 * visitor is stored: no IP, cookie, user agent or account; and what visitors
 * write (questions, comments) is scrubbed of personal data here, on the way
 * in, so no caller can store it unscrubbed (../scrub.ts).
 */
import type { AskResponse, FeedbackRequest, ReportRequest } from '../contract'
import { scrub } from '../scrub'

export interface AnswerRecord {
  response: AskResponse
  /** As asked: scrubbed when written. */
  question: string
  kbVersion: string
  at: number
}

/** Rows are sent as one JSON parameter (D1 allows 100 bound values per statement, not enough for a row each). */
const ROWS_PER_INSERT = 100
/** How long the writer waits for a statement to fill: answers wait this long at most before they are written. */
const GATHER_MS = 50
/** A writer that has made no progress for this long is taken for cancelled (its request's waitUntil ended). */
const STALLED_MS = 10_000
/** A writer hands over to the next request after this long, well inside waitUntil's 30 s. */
const WRITER_MS = 5_000

/**
 * Answers not yet written. One writer per isolate drains them, many rows per
 * INSERT: D1 is one single-threaded SQLite database, and a statement (with its
 * commit) per answer would make it, not the Worker, the limit on answers per second.
 */
const pending: AnswerRecord[] = []
let writer: { progressAt: number } | undefined

/**
 * Queues an answer for the database. The request that finds no writer at work
 * becomes the writer: the promise it gets (for waitUntil) ends when the queue
 * is empty or the writer's time is up; other requests get a settled promise,
 * their answers being written by the writer already at work.
 */
export function recordAnswer(db: D1Database, record: AnswerRecord): Promise<void> {
  pending.push(record)
  const now = Date.now()
  if (writer && now - writer.progressAt < STALLED_MS) return Promise.resolve()
  return write(db, (writer = { progressAt: now }))
}

async function write(db: D1Database, self: { progressAt: number }): Promise<void> {
  const start = self.progressAt
  try {
    while (pending.length > 0 && writer === self && self.progressAt - start < WRITER_MS) {
      if (pending.length < ROWS_PER_INSERT) await scheduler.wait(GATHER_MS)
      await writeRows(db, pending.splice(0, ROWS_PER_INSERT))
      self.progressAt = Date.now()
    }
  } finally {
    if (writer === self) writer = undefined
  }
}

async function writeRows(db: D1Database, rows: AnswerRecord[]): Promise<void> {
  if (rows.length === 0) return
  try {
    await insertAnswers(db, rows)
  } catch (err) {
    for (const { response } of rows) console.error(`feedback: could not record answer ${response.answerId}: ${String(err)}`)
  }
}

async function insertAnswers(db: D1Database, rows: AnswerRecord[]): Promise<void> {
  const values = rows.map(({ response, question, kbVersion, at }) => [
    response.answerId,
    at,
    scrub(question),
    response.answered ? 1 : 0,
    response.answer,
    kbVersion,
    JSON.stringify(response.citations.map((c) => c.passageId)),
  ])
  await db
    .prepare(
      `INSERT INTO answers (id, created_at, question, answered, answer, kb_version, passage_ids)
       SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6 FROM json_each(?)`,
    )
    .bind(JSON.stringify(values))
    .run()
}

/** Feedback or a report can come before the writer has written its answer: write the queue up to that answer first. */
async function writeUpTo(db: D1Database, answerId: string): Promise<void> {
  const isIt = (r: AnswerRecord) => r.response.answerId === answerId
  while (pending.some(isIt)) await writeRows(db, pending.splice(0, ROWS_PER_INSERT))
}

/** Stores a verdict on a recorded answer; false when no such answer is recorded (unknown or past retention). */
export async function saveFeedback(db: D1Database, feedback: FeedbackRequest, at: number): Promise<boolean> {
  await writeUpTo(db, feedback.answerId)
  const result = await db
    .prepare(
      `INSERT INTO feedback (answer_id, created_at, helpful, comment)
       SELECT id, ?, ?, ? FROM answers WHERE id = ?
       ON CONFLICT (answer_id) DO UPDATE SET created_at = excluded.created_at, helpful = excluded.helpful, comment = excluded.comment`,
    )
    .bind(at, feedback.helpful ? 1 : 0, feedback.comment === undefined ? null : scrub(feedback.comment), feedback.answerId)
    .run()
  return result.meta.changes > 0
}

/**
 * Stores a visitor's report on a recorded answer, with a copy of the answer's
 * question, text, KB version and cited passages; a second report on the same
 * answer replaces the reason and note. Returns the report's id, or undefined
 * when no such answer is recorded (unknown or past retention).
 */
export async function saveReport(db: D1Database, report: ReportRequest, at: number): Promise<string | undefined> {
  await writeUpTo(db, report.answerId)
  const row = await db
    .prepare(
      `INSERT INTO reports (id, answer_id, created_at, reason, note, question, answer, kb_version, passage_ids)
       SELECT ?, id, ?, ?, ?, question, answer, kb_version, passage_ids FROM answers WHERE id = ?
       ON CONFLICT (answer_id) DO UPDATE SET created_at = excluded.created_at, reason = excluded.reason, note = excluded.note
       RETURNING id`,
    )
    .bind(crypto.randomUUID(), at, report.reason, report.note === undefined ? null : scrub(report.note), report.answerId)
    .first<{ id: string }>()
  return row?.id
}

export interface Deleted {
  answers: number
  feedback: number
  reports: number
}

/** Deletes answers, feedback and reports recorded before `cutoff` (ms since the epoch). */
export async function deleteOlderThan(db: D1Database, cutoff: number): Promise<Deleted> {
  const [feedback, answers, reports] = await db.batch([
    db.prepare('DELETE FROM feedback WHERE created_at < ?1 OR answer_id IN (SELECT id FROM answers WHERE created_at < ?1)').bind(cutoff),
    db.prepare('DELETE FROM answers WHERE created_at < ?').bind(cutoff),
    db.prepare('DELETE FROM reports WHERE created_at < ?').bind(cutoff),
  ])
  return { feedback: feedback?.meta.changes ?? 0, answers: answers?.meta.changes ?? 0, reports: reports?.meta.changes ?? 0 }
}
