import { Hono } from 'hono'
import type { FeedbackResponse } from '../contract'
import type { AppEnv } from '../env'
import { ApiError } from '../errors'
import { saveFeedback } from '../feedback/store'
import { parseFeedback, readJson } from '../validate'

export const feedback = new Hono<AppEnv>().post('/', async (c) => {
  const input = parseFeedback(await readJson(c))
  if (!(await saveFeedback(c.env.DB, input, Date.now()))) {
    throw new ApiError(404, 'not_found', 'No answer with that answerId: it is unknown or older than the retention period.')
  }
  const body: FeedbackResponse = { answerId: input.answerId, helpful: input.helpful }
  return c.json(body)
})
