/**
 * The Worker's fetch handler with configuration overrides (vars such as
 * ALLOWED_ORIGINS), over the real local bindings; waits for work the handler
 * left running (cache writes) before returning.
 */
import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test'
import type { Bindings } from '../../worker/env'
import app from '../../worker/index'
import { BASE } from './helpers'

export const bindings = env as unknown as Bindings

export async function fetchWith(vars: Partial<Bindings>, path: string, init?: RequestInit): Promise<Response> {
  const ctx = createExecutionContext()
  const res = await app.fetch(new Request(`${BASE}${path}`, init), { ...bindings, ...vars }, ctx)
  await waitOnExecutionContext(ctx)
  return res
}

export function askInit(body: unknown, headers: Record<string, string> = {}): RequestInit {
  return { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) }
}

/** A client address no other test uses, so rate-limit counters start at zero. */
export function freshIp(): string {
  const n = crypto.getRandomValues(new Uint8Array(3))
  return `10.${n[0]}.${n[1]}.${n[2]}`
}

/**
 * Runs `requests` as a new client's, all inside one rate-limit window. Local limits count in windows
 * aligned to the clock's minutes (as Miniflare simulates them), so a run that straddles two is run
 * again as another client, straight after the boundary it crossed: no waiting for a fresh window.
 */
export async function inOneWindow<T>(requests: (ip: string) => Promise<T>): Promise<T> {
  const window = () => Math.floor(Date.now() / 60_000)
  let start = window()
  let result = await requests(freshIp())
  if (window() !== start) {
    start = window()
    result = await requests(freshIp())
  }
  return result
}
