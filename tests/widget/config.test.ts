import { describe, expect, it } from 'vitest'
import { requestBody } from '../../widget/api'
import { parseConfig } from '../../widget/config'
import { formatDate, safeUrl } from '../../widget/format'
import { answerEn } from '../../widget/strings/en'
import { LIMITS } from '../../worker/contract'

const SCRIPT = 'https://answers.example.org/widget.js'

describe('configuration from data attributes', () => {
  it('defaults the endpoint to the origin the script was loaded from', () => {
    const { config, problems } = parseConfig({}, SCRIPT)
    expect(config.endpoint).toBe('https://answers.example.org')
    expect(config.position).toBe('bottom-right')
    expect(problems).toEqual([])
  })

  it('reads every attribute', () => {
    const { config, problems } = parseConfig(
      { endpoint: 'http://127.0.0.1:8787/', title: 'Ask us', greeting: 'Hi', accent: '#b91c1c', position: 'bottom-left', suggestions: 'One? | Two?|', open: '' },
      SCRIPT,
    )
    expect(problems).toEqual([])
    expect(config).toEqual({
      endpoint: 'http://127.0.0.1:8787',
      title: 'Ask us',
      greeting: 'Hi',
      accent: '#b91c1c',
      position: 'bottom-left',
      suggestions: ['One?', 'Two?'],
      open: true,
      lang: 'en',
      theme: 'light',
      strings: {},
    })
  })

  // A bad data-accent is checked in Chromium (tests/widget/e2e): happy-dom's CSS.supports accepts anything.
  it('reports a bad value with how to fix it and falls back to the default', () => {
    const { config, problems } = parseConfig({ position: 'top-middle', open: 'maybe' }, SCRIPT)
    expect(config.position).toBe('bottom-right')
    expect(config.open).toBe(false)
    expect(problems).toEqual([
      'data-position="top-middle" is not a position. Use "bottom-right" or "bottom-left".',
      'data-open="maybe" is not true or false.',
    ])
  })

  it('refuses an endpoint that is not http(s) and keeps the script\'s own origin', () => {
    const { config, problems } = parseConfig({ endpoint: 'javascript:alert(1)' }, SCRIPT)
    expect(config.endpoint).toBe('https://answers.example.org')
    expect(problems[0]).toContain('data-endpoint="javascript:alert(1)" is not an http(s) URL')
  })

  it('says where to give the endpoint when the script cannot tell its own address', () => {
    const { config, problems } = parseConfig({}, undefined)
    expect(config.endpoint).toBe('')
    expect(problems).toEqual(['Cannot tell where the Worker is. Give its address as data-endpoint="https://your-worker.example" (or the endpoint option).'])
  })

  it('leaves data attributes that are not options alone', () => {
    expect(parseConfig({ cfasync: 'false', probationAnswers: '', mount: 'manual' }, SCRIPT).problems).toEqual([])
  })
})

describe('the request body', () => {
  it('sends at most the last six turns', () => {
    const history = Array.from({ length: 9 }, (_, i) => ({ question: `q${i}`, answer: `a${i}` }))
    const body = JSON.parse(requestBody('next?', history))
    expect(body.history.map((t: { question: string }) => t.question)).toEqual(['q3', 'q4', 'q5', 'q6', 'q7', 'q8'])
  })

  it('drops the oldest turns until the body fits the Worker limit', () => {
    const long = 'é'.repeat(LIMITS.answerChars + 100)
    const history = Array.from({ length: 6 }, (_, i) => ({ question: `q${i}`, answer: long }))
    const json = requestBody('next?', history)
    const body = JSON.parse(json)
    expect(new TextEncoder().encode(json).length).toBeLessThanOrEqual(LIMITS.bodyBytes)
    expect(body.history.length).toBeGreaterThan(0)
    expect(body.history.at(-1).question).toBe('q5')
    expect(body.history[0].answer.length).toBe(LIMITS.answerChars)
  })
})

describe('formatting', () => {
  it('writes dates as precisely as the source gives them', () => {
    expect(formatDate('2016-12-15', answerEn.months)).toBe('15 December 2016')
    expect(formatDate('2017-09', answerEn.months)).toBe('September 2017')
    expect(formatDate('2019', answerEn.months)).toBe('2019')
    expect(formatDate('2018-06-22', 'Ionawr Chwefror Mawrth Ebrill Mai Mehefin Gorffennaf Awst Medi Hydref Tachwedd Rhagfyr')).toBe('22 Mehefin 2018')
  })

  it('links only http and https URLs', () => {
    expect(safeUrl('https://example.org/a')).toBe('https://example.org/a')
    expect(safeUrl('http://example.org/')).toBe('http://example.org/')
    expect(safeUrl('javascript:alert(1)')).toBeUndefined()
    expect(safeUrl('data:text/html,hi')).toBeUndefined()
    expect(safeUrl('not a url')).toBeUndefined()
  })
})
