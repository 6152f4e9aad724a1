/**
 * GET /privacy and GET /accessibility: the statements a service for the public
 * needs, generated from the configuration that makes them true for this
 * deployment: who runs it and how to reach them (OPERATOR_NAME, CONTACT_EMAIL)
 * and how long records are kept (RETENTION_DAYS, the same value the retention
 * job uses). What they say about storage and logging is what the code does:
 * worker/feedback/store.ts, worker/scrub.ts, worker/errors.ts,
 * worker/middleware/rate-limit.ts (docs/security.md, "Rate limits").
 */
import { Hono } from 'hono'
import { html } from 'hono/html'
import type { AppEnv, Bindings } from '../env'
import { retentionDays } from '../scheduled'
import type { Lexicon } from '../../engine'
import { layout, sendPage, type Html } from './layout'

/** When the accessibility statement was last reviewed against the service: update it with each review. */
export const ACCESSIBILITY_REVIEWED = 'December 2026'

const EMAIL = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/

interface Operator {
  name?: string
  email?: string
}

/** Who runs this deployment, from [vars]; an unset or malformed value is left out rather than shown. */
export function operatorOf(env: Bindings): Operator {
  const name = env.OPERATOR_NAME?.trim().slice(0, 200)
  const email = env.CONTACT_EMAIL?.trim()
  return { ...(name ? { name } : {}), ...(email && email.length <= 254 && EMAIL.test(email) ? { email } : {}) }
}

function runBy({ name }: Operator, service: string): Html {
  return name ? html`${service} on this site is run by ${name}.` : html`The organisation running ${service} on this site has not yet given its name here.`
}

function contact({ email }: Operator, about: string): Html {
  return email
    ? html`To ask about ${about}, write to <a href="mailto:${email}">${email}</a>.`
    : html`No contact address has been configured for this site yet; please contact the campaign whose site you found the service on.`
}

export const privacyPage = new Hono<AppEnv>().get('/', (c) => {
  const { lexicon } = c.var.kb.language
  return sendPage(c, layout({ title: 'Privacy', main: privacy(c.env, lexicon), service: lexicon.service }))
})

export const accessibilityPage = new Hono<AppEnv>().get('/', (c) => {
  const { lexicon } = c.var.kb.language
  return sendPage(c, layout({ title: 'Accessibility', main: accessibility(c.env, lexicon), service: lexicon.service }))
})

function privacy(env: Bindings, lexicon: Lexicon): Html {
  const operator = operatorOf(env)
  const days = retentionDays(env.RETENTION_DAYS)
  return html`<h1>Privacy</h1>
<p>${runBy(operator, lexicon.service)} ${lexicon.message('about')} It does not need to know who you are, and it does not try to find out.</p>

<h2 id="stored">What is stored</h2>
<p>These records are kept in a database (Cloudflare D1) so the people who maintain the sources can see what
visitors could not get answered and what needs correcting:</p>
<ul>
<li>each question asked, through the chat widget or the answer page, with e-mail addresses, phone numbers,
postcodes and case or reference numbers replaced by placeholders such as [email] before it is stored, together
with the answer given, which version of the sources it came from and which passages it cited;</li>
<li>whether you found an answer helpful, and any comment you add, with personal details replaced in the same way;</li>
<li>reports that an answer is wrong: the reason you choose and any note you add (personal details replaced in
the same way), with a copy of the question, the answer and its sources.</li>
</ul>
<p>None of these records says who sent them, and they are not linked to each other except through the answer
they are about. Answers are also cached for up to a day under a one-way hash of the question, so a repeated
question is answered faster.</p>

<h2 id="how-long">How long it is kept</h2>
<p id="retention">Every record is deleted ${days} days after it was made, by a job that runs every day.</p>

<h2 id="not-stored">What is not stored</h2>
<ul>
<li><strong>No cookies.</strong> The service sets none. The chat widget keeps your conversation in your browser tab
(session storage) until you close the tab or press “Clear”; it is sent to the service only as the earlier
questions of a follow-up.</li>
<li><strong>No IP addresses.</strong> The address your request comes from is used for a moment, as a counter in
Cloudflare's rate limiter that stops any one address sending too many requests, and is neither stored nor
logged. No browser details (user agent) or other identifiers are kept either.</li>
<li><strong>No questions in the logs.</strong> Only failed requests are logged, with a reference number, the
status, an error code, the method and the page path: never a question, a query string or an address.</li>
</ul>

<h2 id="addresses">Answer pages and their addresses</h2>
<p>On the answer page that works without JavaScript, your question is part of the page's address, so it stays in
your browser's history like any other page you visit. These pages ask search engines not to index them, and
links from them to the sources do not pass the address on.</p>

<h2 id="hosting">Hosting</h2>
<p>The service runs on Cloudflare, which handles the connection between your browser and the service, including
your IP address, to deliver it and protect it from attacks, under
<a href="https://www.cloudflare.com/privacypolicy/" rel="noopener noreferrer">Cloudflare's privacy policy</a>.</p>

<h2 id="contact">Contact</h2>
<p>${contact(operator, 'this statement or the records described here')} Because nothing stored says who asked
what, we can only find a question of yours if you tell us exactly what you asked and roughly when.</p>`
}

function accessibility(env: Bindings, lexicon: Lexicon): Html {
  const operator = operatorOf(env)
  return html`<h1>Accessibility</h1>
<p>${runBy(operator, lexicon.service)} We want everyone to be able to use it: the chat widget on campaign sites, and these pages,
which work without JavaScript.</p>

<h2 id="standard">The standard we aim for</h2>
<p>The widget and these pages aim to meet the Web Content Accessibility Guidelines (WCAG) 2.2 at level AA. You
should be able to:</p>
<ul>
<li>use everything with a keyboard alone, with a visible focus indicator;</li>
<li>use a screen reader: questions, answers and their sources have headings, labels and lists, and new answers in
the widget are announced;</li>
<li>zoom in, or use a phone-sized screen, without losing content;</li>
<li>read every answer's sources: each answer is numbered against a list of the sources it quotes, each one
described by its kind, publisher and date.</li>
</ul>

<h2 id="testing">How we test it</h2>
<ul>
<li>Automated checks with axe-core in the Chromium browser, on the demo page with the widget closed and with an
answer shown, and on the answer, timeline, privacy and accessibility pages.</li>
<li>Keyboard tests in Chromium: opening the widget, asking a question, following a source, staying inside the
chat panel and closing it with Escape; and on the answer page, skipping to the content, asking a question and
reaching its sources with the keyboard alone.</li>
<li>Checks that the pages carry no script and no inline styles, and that every value shown in them is escaped.</li>
</ul>

<h2 id="limits">Known limitations</h2>
<p>The sources we link to are published by others (public bodies, newspapers, unions, charities and blogs); we
cannot make them accessible, and some are PDF documents.</p>

<h2 id="feedback">Feedback</h2>
<p>${contact(operator, 'a problem with accessibility or to ask for information in another format')} Tell us the
page or question and what went wrong.</p>
<p>This statement was last reviewed in ${ACCESSIBILITY_REVIEWED}.</p>`
}
