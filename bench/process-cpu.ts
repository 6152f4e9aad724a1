/**
 * CPU time of the processes this one started (the server under load: wrangler,
 * workerd), from Linux's /proc. Requests per second on a shared machine follow
 * whatever else runs; CPU time per request says what the server itself costs,
 * and the busiest process's share bounds the rate, since each workerd process
 * runs its requests on one thread.
 */
import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'

const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK']).toString())

interface Stat {
  ppid: number
  /** User plus system CPU time so far, in ms. */
  cpuMs: number
}

function stat(pid: number): Stat | undefined {
  try {
    // Fields after the command name, which is in parentheses and may hold spaces.
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ')
    return { ppid: Number(fields[1]), cpuMs: ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND }
  } catch {
    return undefined // the process has exited
  }
}

/** CPU ms so far of every process descended from this one, by pid. */
export function descendantsCpu(): Map<number, number> {
  const stats = new Map<number, Stat>()
  for (const name of readdirSync('/proc')) {
    const pid = Number(name)
    const s = Number.isInteger(pid) ? stat(pid) : undefined
    if (s) stats.set(pid, s)
  }
  const isDescendant = (pid: number): boolean => {
    for (let p = stats.get(pid)?.ppid; p !== undefined && p > 1; p = stats.get(p)?.ppid) if (p === process.pid) return true
    return false
  }
  return new Map([...stats].filter(([pid]) => isDescendant(pid)).map(([pid, s]) => [pid, s.cpuMs]))
}

/** CPU ms per request between two snapshots: all processes together, and the busiest one. */
export function cpuPerRequest(before: Map<number, number>, after: Map<number, number>, requests: number): { total: number; busiest: number } {
  const used = [...after].map(([pid, ms]) => ms - (before.get(pid) ?? 0))
  return { total: used.reduce((a, b) => a + b, 0) / requests, busiest: Math.max(0, ...used) / requests }
}
