import type { AskResponse, Citation } from '../../worker/contract'
import { sendFeedback, sendReport } from '../api'
import { formatDate, safeUrl, segments } from '../format'
import { fill, type Strings } from '../strings/en'
import { Feedback } from './Feedback'
import { Suggestions } from './Suggestions'
import { Tools } from './Tools'

interface Props {
  t: Strings
  /** Origin of the Worker, for feedback and reports. */
  endpoint: string
  response: AskResponse
  /** Unique per answer in the list, so ids do not collide. */
  index: number
  /** The visitor's accepted verdict on this answer, if any. */
  helpful?: boolean
  onAsk(question: string): void
  /** The Worker has accepted a verdict on this answer. */
  onRated(answerId: string, helpful: boolean): void
}

/**
 * One answer: its text with `[n]` markers as links to the sources listed
 * under it, then feedback, its link and a way to report it. The answer and
 * quotes are the sources' English, marked so, whatever the interface language.
 */
export function Answer({ t, endpoint, response, index, helpful, onAsk, onRated }: Props) {
  const sourceId = (n: number) => `a${index}-source-${n}`
  const follow = (event: MouseEvent, n: number) => {
    event.preventDefault()
    const target = (event.currentTarget as HTMLElement).closest('.answer')?.querySelector<HTMLElement>(`#${sourceId(n)}`)
    target?.scrollIntoView({ block: 'nearest' })
    target?.focus()
  }
  const id = response.answerId
  return (
    <div class="answer">
      {!response.answered && t.declined && <p class="declined">{t.declined}</p>}
      <p class="answer-text" lang="en">
        {segments(response.answer, response.citations).map((s) =>
          typeof s === 'string' ? (
            s
          ) : (
            <a href={`#${sourceId(s.n)}`} aria-label={`${fill(t.source, s.n)} ${s.title}`} onClick={(e) => follow(e, s.n)}>
              {`[${s.n}]`}
            </a>
          ),
        )}
      </p>
      {response.citations.length > 0 && (
        <div class="sources">
          <p>{t.sources}</p>
          <ol>
            {/* An answer's sources never change, so no keys. */}
            {response.citations.map((c) => (
              <Source t={t} citation={c} id={sourceId(c.n)} />
            ))}
          </ol>
        </div>
      )}
      {!response.answered && response.suggestions?.length ? <Suggestions label={t.youCouldAsk} questions={response.suggestions} onAsk={onAsk} /> : null}
      {id && <Feedback t={t} helpful={helpful} onRate={(value) => sendFeedback(endpoint, id, value).then(() => onRated(id, value))} />}
      {id && (
        <Tools t={t} index={index} permalink={safeUrl(response.permalink)} onReport={(reason, note) => sendReport(endpoint, { answerId: id, reason, note })} />
      )}
    </div>
  )
}

/** A source with its provenance: "Parliament · Public Accounts Committee · 22 June 2018". */
function Source({ t, citation: c, id }: { t: Strings; citation: Citation; id: string }) {
  const url = safeUrl(c.url)
  // Answers saved before sources had kinds have none.
  const kind = t[`kind.${c.kind}` as keyof Strings] as string | undefined
  return (
    <li id={id} value={c.n} tabIndex={-1}>
      <span class="source-title" lang="en">
        {c.title}
      </span>
      <span class="source-meta">
        {kind && `${kind} · `}
        <span lang="en">{c.publisher}</span>
        {` · ${formatDate(c.date ?? c.published, t.months)}`}
      </span>
      <q lang="en">{c.quote}</q>
      {url && (
        <a href={url} target="_blank" rel="noopener noreferrer">
          {t.readSource}
          <span class="sr-only"> {t.newTab}</span>
        </a>
      )}
    </li>
  )
}
