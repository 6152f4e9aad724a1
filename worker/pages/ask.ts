/**
 * GET /ask: the answer as a plain page, for visitors without JavaScript and
 * for permalinks. Same engine, cache, declines, validation and rate limit as
 * POST /api/ask; errors come out as pages (layout.ts).
 *
 * A question typed into the page's form is recorded like one sent to the API
 * (scrubbed, for the maintainers' reports); a permalink being opened (it
 * carries `v`) is not, since the answer it shows was recorded when first given.
 */
import { Hono } from 'hono'
import { html } from 'hono/html'
import { answer, type Lexicon } from '../../engine'
import { cachedAnswer, type Answer } from '../cache/answers'
import { LIMITS, type AskResponse, type Citation } from '../contract'
import type { AppEnv } from '../env'
import { recordAnswer } from '../feedback/store'
import { permalink } from '../permalink'
import { isWebUrl, provenance } from '../provenance'
import { parseAskQuery, type AskQuery } from '../validate'
import { askForm, layout, sendPage, type Html } from './layout'

export const askPage = new Hono<AppEnv>().get('/', async (c) => {
  const q = c.req.query('q')
  const h = c.req.queries('h') ?? []
  const { lexicon } = c.var.kb.language
  if (q === undefined && h.length === 0) return sendPage(c, formPage(lexicon))

  const query = parseAskQuery(q, h, c.req.query('v'))
  const kb = c.var.kb
  const request = { question: query.question, history: query.history.map((question) => ({ question, answer: '' })) }
  const { answer: given } = await cachedAnswer(c, request, () => answer(kb, request.question, request.history))
  if (query.version === undefined) {
    const kbVersion = kb.info.version
    const link = permalink(new URL(c.req.url).origin, { ...query, kbVersion })
    const response: AskResponse = { answerId: crypto.randomUUID(), ...given, permalink: link, kbVersion }
    c.executionCtx.waitUntil(recordAnswer(c.env.DB, { response, question: query.question, kbVersion, at: Date.now() }))
  }
  const updated = query.version !== undefined && query.version !== kb.info.version
  return sendPage(c, answerPage(query, given, updated, lexicon))
})

function formPage(lexicon: Lexicon): Html {
  const main = html`<h1>${capitalised(lexicon.message('askTitle'))}</h1>
<p>${lexicon.message('askIntro')}</p>
${askForm({ label: 'Your question' })}`
  return layout({ title: 'Ask a question', main, service: lexicon.service })
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)

function answerPage(query: AskQuery, given: Answer, updated: boolean, lexicon: Lexicon): Html {
  const conversation = [...query.history, query.question].slice(-LIMITS.historyTurns)
  const main = html`<h1><span class="label">You asked:</span> ${query.question}</h1>
${query.history.length > 0 ? earlierQuestions(query.history) : ''}${updated ? html`<p class="notice">The sources have been updated since this link was made, so this is the answer they give now, which may differ from the one first given.</p>\n` : ''}<section aria-labelledby="answer-heading">
<h2 id="answer-heading">Answer</h2>
<p class="answer" id="answer">${withMarkers(given.answer, given.citations)}</p>
${given.asOf ? html`<p class="as-of">As of ${lexicon.formatDate(given.asOf)}, the latest date the sources cover.</p>\n` : ''}</section>
${given.citations.length > 0 ? sources(given.citations, lexicon) : ''}${given.suggestions && given.suggestions.length > 0 ? suggestions(given.suggestions) : ''}<section aria-labelledby="ask-again">
<h2 id="ask-again">Ask another question</h2>
${askForm({ label: 'Your next question (it can follow on from this one)', conversation })}<p><a href="/ask">Start a new conversation</a></p>
</section>`
  return layout({ title: query.question, main, service: lexicon.service, noindex: true })
}

function earlierQuestions(history: string[]): Html {
  return html`<section aria-labelledby="earlier-heading">
<h2 id="earlier-heading">Earlier in this conversation</h2>
<ol class="earlier">
${history.map((q) => html`<li>${q}</li>\n`)}</ol>
</section>
`
}

/** The answer text with each [n] marker a link to its source in the list below. */
function withMarkers(text: string, citations: Citation[]): Html[] {
  const cited = new Set(citations.map((c) => c.n))
  return text.split(/\[(\d+)\]/).map((part, i) => {
    if (i % 2 === 0) return html`${part}`
    const n = Number(part)
    return cited.has(n) ? html`<a class="marker" href="#source-${n}" aria-label="source ${n}">[${n}]</a>` : html`[${part}]`
  })
}

function sources(citations: Citation[], lexicon: Lexicon): Html {
  return html`<section aria-labelledby="sources-heading">
<h2 id="sources-heading">Sources</h2>
<ol class="sources">
${citations.map(
  (c) => html`<li id="source-${c.n}" value="${c.n}">
<p class="source-title">${isWebUrl(c.url) ? html`<a href="${c.url}" rel="noopener noreferrer">${c.title}</a>` : c.title}</p>
<p class="provenance">${provenance(c, lexicon)}</p>
<blockquote><p>${c.quote}</p></blockquote>
</li>
`,
)}</ol>
</section>
`
}

function suggestions(questions: string[]): Html {
  return html`<section aria-labelledby="suggestions-heading">
<h2 id="suggestions-heading">Questions I can answer</h2>
<ul class="suggestions">
${questions.map((s) => html`<li><a href="/ask?${new URLSearchParams({ q: s }).toString()}">${s}</a></li>\n`)}</ul>
</section>
`
}
