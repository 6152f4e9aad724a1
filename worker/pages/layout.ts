/**
 * The one layout of the Worker's HTML pages (/ask, /timeline, /privacy,
 * /accessibility): plain, accessible documents that work without JavaScript,
 * for visitors without it and for campaigners to link to. hono/html's `html`
 * escapes every interpolated value, so text from the knowledge base, the
 * configuration or the query string can never become markup. The pages have no
 * script and no inline style: their CSP allows only the stylesheet and icon
 * from the Worker's own origin.
 */
import type { Context } from 'hono'
import { html } from 'hono/html'
import type { HtmlEscapedString } from 'hono/utils/html'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { AppEnv, Bindings } from '../env'
import type { ApiError } from '../errors'

export type Html = HtmlEscapedString | Promise<HtmlEscapedString>

/** Only same-origin stylesheet and images, forms that submit to this origin, framing as FRAME_ANCESTORS allows (default none). */
export function pageCsp(env: Bindings): string {
  const ancestors = env.FRAME_ANCESTORS?.trim() || "'none'"
  return [
    "default-src 'none'",
    "style-src 'self'",
    "img-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${ancestors}`,
  ].join('; ')
}

export interface PageOptions {
  title: string
  main: Html
  /** The service's name, from the knowledge base's lexicon. */
  service: string
  /** Keeps search engines from indexing the page, e.g. one showing a visitor's question. */
  noindex?: boolean
}

export function layout({ title, main, service, noindex }: PageOptions): Html {
  return html`<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} – ${service}</title>
${noindex ? html`<meta name="robots" content="noindex">\n` : ''}<link rel="stylesheet" href="/pages.css">
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
</head>
<body>
<a class="skip-link" href="#main">Skip to main content</a>
<header class="site-header"><p><a href="/ask">${service}</a></p></header>
<main id="main">
${main}
</main>
<footer class="site-footer">
<nav aria-label="About this service">
<ul>
<li><a href="/ask">Ask a question</a></li>
<li><a href="/timeline">Timeline</a></li>
<li><a href="/privacy">Privacy</a></li>
<li><a href="/accessibility">Accessibility</a></li>
</ul>
</nav>
</footer>
</body>
</html>
`
}

/** Sends a page with its CSP; security-headers.ts keeps that CSP and adds the rest. */
export function sendPage(c: Context<AppEnv>, page: Html, status: ContentfulStatusCode = 200): Response | Promise<Response> {
  c.header('Content-Security-Policy', pageCsp(c.env))
  return c.html(page, status)
}

/** The question form: a GET to /ask, so it works without JavaScript; `conversation` rides along as hidden earlier questions. */
export function askForm({ label, value = '', conversation = [] }: { label: string; value?: string; conversation?: string[] }): Html {
  return html`<form class="ask-form" method="get" action="/ask">
<label for="q">${label}</label>
<p class="hint" id="q-hint">Up to 500 characters. Answers come only from published sources, each one cited.</p>
<input id="q" name="q" type="text" maxlength="500" required autocomplete="off" aria-describedby="q-hint" value="${value}">
${conversation.map((earlier) => html`<input type="hidden" name="h" value="${earlier}">\n`)}<button type="submit">Ask</button>
</form>
`
}

const ERROR_TITLES: Partial<Record<number, string>> = {
  400: 'Please check your question',
  404: 'Page not found',
  405: 'Not available this way',
  413: 'Too much was sent',
  415: 'Not available this way',
  429: 'Too many questions',
  503: 'Not answering questions just now',
}

/** An error on a page route, as a page with the same status and message the API would give. */
export function errorPage(c: Context<AppEnv>, err: ApiError): Response | Promise<Response> {
  const title = ERROR_TITLES[err.status] ?? 'Something went wrong'
  const onAsk = new URL(c.req.url).pathname === '/ask' && err.status !== 503
  const value = onAsk ? (c.req.query('q') ?? '').slice(0, 500) : ''
  const requestId: string | undefined = c.get('requestId')
  const main = html`<h1>${title}</h1>
<p class="error-message">${err.message}</p>
${requestId ? html`<p class="request-id">If you contact us about this, quote reference ${requestId}.</p>
` : ''}${onAsk ? askForm({ label: 'Your question', value }) : ''}`
  // Page routes load the knowledge base before anything can refuse them (worker/index.ts), so its lexicon names the service.
  const service = c.get('kb')?.language.lexicon.service ?? ''
  return sendPage(c, layout({ title, main, service, noindex: true }), err.status)
}
