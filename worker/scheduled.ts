/** The cron trigger (wrangler.toml [triggers]): deletes answers, feedback and reports older than the retention period. */
import type { Bindings } from './env'
import { deleteOlderThan } from './feedback/store'

export const DEFAULT_RETENTION_DAYS = 90
const DAY_MS = 24 * 60 * 60 * 1000

export function retentionDays(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return DEFAULT_RETENTION_DAYS
  const days = Number(value)
  if (Number.isInteger(days) && days >= 1 && days <= 3650) return days
  console.error(`retention: RETENTION_DAYS=${JSON.stringify(value)} is not a whole number of days from 1 to 3650; using ${DEFAULT_RETENTION_DAYS}`)
  return DEFAULT_RETENTION_DAYS
}

export const scheduled: ExportedHandlerScheduledHandler<Bindings> = async (controller, env) => {
  const days = retentionDays(env.RETENTION_DAYS)
  const deleted = await deleteOlderThan(env.DB, controller.scheduledTime - days * DAY_MS)
  console.log(`retention: deleted ${deleted.answers} answers, ${deleted.feedback} feedback rows and ${deleted.reports} reports older than ${days} days`)
}
