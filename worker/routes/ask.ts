import { Hono } from 'hono'
import type { AskResponse } from '../contract'
import type { AppEnv } from '../env'
import { ask as answer } from '../answer/ask'
import { parseAsk, readJson } from '../validate'

export const ask = new Hono<AppEnv>().post('/', async (c) => {
  const { question, history } = parseAsk(await readJson(c))
  const body: AskResponse = { answerId: crypto.randomUUID(), ...(await answer(c.var.kb, question, history)) }
  return c.json(body)
})
