/** Requests through the Worker's real fetch handler, inside workerd. */
import { exports } from 'cloudflare:workers'

export const BASE = 'http://127.0.0.1:8787'

/** The main Worker's default export; `wrangler types` would declare it, this avoids a generated file. */
const worker = (exports as unknown as { default: Fetcher }).default

export function get(path: string, init?: RequestInit): Promise<Response> {
  return worker.fetch(new Request(`${BASE}${path}`, init))
}

export function postJson(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return worker.fetch(
    new Request(`${BASE}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
  )
}

export async function askJson(question: string, history?: unknown) {
  const res = await postJson('/api/ask', history === undefined ? { question } : { question, history })
  return { status: res.status, body: (await res.json()) as import('../../worker/contract').AskResponse }
}
