import { Hono } from 'hono'
import type { HealthResponse } from '../contract'
import type { AppEnv } from '../env'
import { inMaintenance, maintenanceMessage } from '../middleware/maintenance'

export const health = new Hono<AppEnv>().get('/', (c) => {
  const body: HealthResponse = inMaintenance(c.env)
    ? { status: 'maintenance', kb: c.var.kb.info, message: maintenanceMessage(c.env) }
    : { status: 'ok', kb: c.var.kb.info }
  return c.json(body)
})
