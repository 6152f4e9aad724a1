/**
 * What the Worker writes to D1: each answer as it is given, visitors'
 * verdicts on answers, and the retention clean-up. Nothing that identifies a
 * visitor is stored: no IP, cookie, user agent or account.
 */
import type { AskResponse, FeedbackRequest } from '../contract'

export interface AnswerRecord {
  response: AskResponse
  question: string
  kbVersion: string
  at: number
}

export async function recordAnswer(db: D1Database, { response, question, kbVersion, at }: AnswerRecord): Promise<void> {
  await db
    .prepare('INSERT INTO answers (id, created_at, question, answered, answer, kb_version, passage_ids) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .bind(
      response.answerId,
      at,
      question,
      response.answered ? 1 : 0,
      response.answer,
      kbVersion,
      JSON.stringify(response.citations.map((c) => c.passageId)),
    )
    .run()
}

/** Stores a verdict on a recorded answer; false when no such answer is recorded (unknown or past retention). */
export async function saveFeedback(db: D1Database, feedback: FeedbackRequest, at: number): Promise<boolean> {
  const result = await db
    .prepare(
      `INSERT INTO feedback (answer_id, created_at, helpful, comment)
       SELECT id, ?, ?, ? FROM answers WHERE id = ?
       ON CONFLICT (answer_id) DO UPDATE SET created_at = excluded.created_at, helpful = excluded.helpful, comment = excluded.comment`,
    )
    .bind(at, feedback.helpful ? 1 : 0, feedback.comment ?? null, feedback.answerId)
    .run()
  return result.meta.changes > 0
}

export interface Deleted {
  answers: number
  feedback: number
}

/** Deletes answers and feedback recorded before `cutoff` (ms since the epoch). */
export async function deleteOlderThan(db: D1Database, cutoff: number): Promise<Deleted> {
  const [feedback, answers] = await db.batch([
    db.prepare('DELETE FROM feedback WHERE created_at < ?1 OR answer_id IN (SELECT id FROM answers WHERE created_at < ?1)').bind(cutoff),
    db.prepare('DELETE FROM answers WHERE created_at < ?').bind(cutoff),
  ])
  return { feedback: feedback?.meta.changes ?? 0, answers: answers?.meta.changes ?? 0 }
}
