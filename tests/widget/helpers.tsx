/**
 * Renders the widget in happy-dom with `fetch` (the network boundary) replaced by scripted replies.
 * The parts widget.js loads on demand come from their modules here, as if already downloaded.
 */
import { render } from '@testing-library/preact'
import { vi } from 'vitest'
import { Widget, type Actions } from '../../widget/components/Widget'
import { DEFAULTS, type WidgetConfig } from '../../widget/config'
import { loader, type PartName } from '../../widget/parts'
import * as answerPart from '../../widget/parts/answer'
import * as cyPart from '../../widget/strings/cy'
import type { AskResponse, Citation } from '../../worker/contract'

const PARTS: Record<PartName, unknown> = { answer: answerPart, cy: cyPart }
/** Stands in for loader.fetch (widget/parts.ts): every part is already here. */
export const partFromModule = (name: PartName) => Promise.resolve(PARTS[name])
loader.fetch = partFromModule

export const ENDPOINT = 'https://answers.example.org'

/** A reply to one fetch: a response, a thrown error, or 'hang' (never settles unless aborted). */
export type Reply = Response | Error | 'hang'

export function mockFetch(...replies: Reply[]) {
  const fn = vi.fn((_url: string, init: RequestInit) => {
    const reply = replies.shift() ?? new Error('no scripted reply left')
    if (reply instanceof Response) return Promise.resolve(reply)
    if (reply instanceof Error) return Promise.reject(reply)
    return new Promise<Response>((_, reject) =>
      init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
    )
  })
  vi.stubGlobal('fetch', fn)
  return fn
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } })
}

export function citation(n: number, extra: Partial<Citation> = {}): Citation {
  return {
    n,
    sourceId: `source-${n}`,
    passageId: `source-${n}#1`,
    title: `Source title ${n}`,
    publisher: `Publisher ${n}`,
    published: '2016-12-15',
    kind: 'news',
    quote: `Quoted sentence ${n}.`,
    ...extra,
  }
}

export function answer(text: string, citations: Citation[] = [citation(1)], extra: Partial<AskResponse> = {}): AskResponse {
  const answerId = crypto.randomUUID()
  return { answerId, answer: text, answered: true, citations, permalink: `http://127.0.0.1:8787/ask?q=${answerId}`, kbVersion: '0123456789abcdef', ...extra }
}

/** The body the widget sent with its nth fetch call. */
export function sentBody(fetchFn: ReturnType<typeof mockFetch>, call = 0): unknown {
  const init = fetchFn.mock.calls[call]?.[1]
  return JSON.parse(String(init?.body))
}

export function renderWidget(config: Partial<WidgetConfig> = {}, inline = false) {
  const actions: { current?: Actions } = {}
  const result = render(<Widget config={{ ...DEFAULTS, endpoint: ENDPOINT, ...config }} inline={inline} actions={actions} />)
  return { ...result, actions }
}
