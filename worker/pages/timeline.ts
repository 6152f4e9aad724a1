/**
 * GET /timeline: the timeline as a plain page campaigners can link to: the
 * events of each year under the year's heading, each with links to the
 * sources that report it. The events were computed by the build.
 */
import { Hono } from 'hono'
import { html } from 'hono/html'
import { cacheVersions } from '../cache/key'
import { etagMatches, timelineEtag } from '../cache/etag'
import type { TimelineEvent } from '../contract'
import type { AppEnv } from '../env'
import type { Lexicon } from '../../engine'
import { isWebUrl, provenance } from '../provenance'
import { layout, sendPage, type Html } from './layout'

export const timelinePage = new Hono<AppEnv>().get('/', async (c) => {
  const etag = await timelineEtag(cacheVersions(c), 'html')
  c.header('ETag', etag)
  c.header('Cache-Control', 'no-cache')
  if (etagMatches(c.req.header('if-none-match'), etag)) return c.body(null, 304)
  const events = c.var.kb.artifact.timeline
  const { lexicon } = c.var.kb.language
  const title = lexicon.message('timelineTitle')
  const main = html`<h1>${title.charAt(0).toUpperCase()}${title.slice(1)}</h1>
<p>${lexicon.message('timelineIntro')}</p>
${events.length === 0 ? html`<p>The sources do not date any events yet.</p>\n` : byYear(events).map(([year, inYear]) => yearSection(year, inYear, lexicon))}`
  return sendPage(c, layout({ title: 'Timeline', main, service: lexicon.service }))
})

/** Events grouped by year, in the order given (date order). */
function byYear(events: readonly TimelineEvent[]): Array<[string, TimelineEvent[]]> {
  const years = new Map<string, TimelineEvent[]>()
  for (const e of events) {
    const year = e.date.slice(0, 4)
    years.set(year, [...(years.get(year) ?? []), e])
  }
  return [...years]
}

function yearSection(year: string, events: TimelineEvent[], lexicon: Lexicon): Html {
  return html`<section aria-labelledby="year-${year}">
<h2 id="year-${year}">${year}</h2>
<ol class="events">
${events.map(
  (e) => html`<li>
<h3><time class="event-date" datetime="${e.date}">${lexicon.formatDate(e.date)}</time> ${e.text}</h3>
<ul class="event-sources" aria-label="Sources">
${e.citations.map(
  (s) => html`<li>${isWebUrl(s.url) ? html`<a href="${s.url}" rel="noopener noreferrer">${s.title}</a>` : s.title} <span class="provenance">(${provenance(s, lexicon)})</span></li>\n`,
)}</ul>
</li>
`,
)}</ol>
</section>
`
}
