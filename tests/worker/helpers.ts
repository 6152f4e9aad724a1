/** Requests through the Worker's real fetch handler, inside workerd. */
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test'
import { env, exports } from 'cloudflare:workers'
import { expect } from 'vitest'
import type { ErrorResponse } from '../../worker/contract'
import handler from '../../worker/index'

export const BASE = 'http://127.0.0.1:8787'

/** The main Worker's default export; `wrangler types` would declare it, this avoids a generated file. */
const worker = (exports as unknown as { default: Fetcher }).default

export function get(path: string, init?: RequestInit): Promise<Response> {
  return worker.fetch(new Request(`${BASE}${path}`, init))
}

/** A JSON POST; a string body is sent as it is, so tests can send malformed JSON. */
export function jsonRequest(path: string, body: unknown, headers: Record<string, string> = {}): Request {
  return new Request(`${BASE}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
}

export function postJson(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return worker.fetch(jsonRequest(path, body, headers))
}

/**
 * Calls the Worker's fetch handler with `bindings` (default: the real ones) and
 * waits for the work it defers past the response, such as recording the answer.
 */
export async function fetchSettled(request: Request, bindings: Partial<typeof env> = {}): Promise<Response> {
  const ctx = createExecutionContext()
  const res = await handler.fetch(request, { ...env, ...bindings }, ctx)
  await waitOnExecutionContext(ctx)
  return res
}

export async function expectError(res: Response, status: number, code: string) {
  expect(res.status).toBe(status)
  expect(res.headers.get('content-type')).toMatch(/application\/json/)
  const body = (await res.json()) as ErrorResponse
  expect(body.error.code).toBe(code)
  expect(body.error.message.length).toBeGreaterThan(5)
}

export async function askJson(question: string, history?: unknown) {
  const res = await postJson('/api/ask', history === undefined ? { question } : { question, history })
  return { status: res.status, body: (await res.json()) as import('../../worker/contract').AskResponse }
}
