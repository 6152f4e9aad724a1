/**
 * The conversation, kept in the tab's sessionStorage so it survives a
 * navigation within the site and is gone when the tab closes. Storage can be
 * unavailable (privacy modes, sandboxed frames); the widget then simply
 * forgets on navigation.
 */
import type { AskResponse } from '../worker/contract'

export interface Exchange {
  question: string
  response: AskResponse
}

export interface Saved {
  exchanges: Exchange[]
  /** Text typed but not yet answered, so a navigation does not lose it. */
  draft: string
}

const EMPTY: Saved = { exchanges: [], draft: '' }
/** Beyond this many exchanges the oldest are dropped, keeping storage small. */
const MAX_EXCHANGES = 30

export function storageKey(endpoint: string): string {
  return `probation-answers:v1:${endpoint}`
}

export function load(key: string): Saved {
  try {
    const raw = sessionStorage.getItem(key)
    if (!raw) return EMPTY
    const saved = JSON.parse(raw) as Partial<Saved>
    return {
      exchanges: Array.isArray(saved.exchanges) ? saved.exchanges.filter(isExchange) : [],
      draft: typeof saved.draft === 'string' ? saved.draft : '',
    }
  } catch {
    return EMPTY
  }
}

export function save(key: string, saved: Saved): void {
  try {
    if (!saved.exchanges.length && !saved.draft) sessionStorage.removeItem(key)
    else sessionStorage.setItem(key, JSON.stringify({ ...saved, exchanges: saved.exchanges.slice(-MAX_EXCHANGES) }))
  } catch {
    // Storage full or blocked: the conversation still works, it just will not survive a navigation.
  }
}

function isExchange(x: unknown): x is Exchange {
  const e = x as Exchange
  return typeof e?.question === 'string' && typeof e.response?.answer === 'string' && Array.isArray(e.response.citations)
}
