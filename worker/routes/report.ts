import { Hono } from 'hono'
import type { ReportResponse } from '../contract'
import type { AppEnv } from '../env'
import { ApiError } from '../errors'
import { saveReport } from '../feedback/store'
import { parseReport, readJson } from '../validate'

export const report = new Hono<AppEnv>().post('/', async (c) => {
  const input = parseReport(await readJson(c))
  const reportId = await saveReport(c.env.DB, input, Date.now())
  if (!reportId) throw new ApiError(404, 'not_found', 'No answer with that answerId: it is unknown or older than the retention period.')
  const body: ReportResponse = { reportId }
  return c.json(body)
})
