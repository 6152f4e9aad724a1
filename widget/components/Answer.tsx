import type { AskResponse, Citation } from '../../worker/contract'
import { formatDate, safeUrl, segments } from '../format'
import { Feedback } from './Feedback'
import { Suggestions } from './Suggestions'

interface Props {
  response: AskResponse
  /** Unique per answer in the list, so source ids do not collide. */
  index: number
  /** The visitor's accepted verdict on this answer, if any. */
  helpful?: boolean
  onAsk(question: string): void
  onRate(answerId: string, helpful: boolean): Promise<void>
}

/** One answer: its text with `[n]` markers as links to the sources listed under it. */
export function Answer({ response, index, helpful, onAsk, onRate }: Props) {
  const sourceId = (n: number) => `a${index}-source-${n}`
  const follow = (event: MouseEvent, n: number) => {
    event.preventDefault()
    const target = (event.currentTarget as HTMLElement).closest('.answer')?.querySelector<HTMLElement>(`#${sourceId(n)}`)
    target?.scrollIntoView({ block: 'nearest' })
    target?.focus()
  }
  return (
    <div class="answer">
      <p class="answer-text">
        {segments(response.answer, response.citations).map((s) =>
          typeof s === 'string' ? (
            s
          ) : (
            <a href={`#${sourceId(s.n)}`} aria-label={`Source ${s.n}: ${s.title}`} onClick={(e) => follow(e, s.n)}>
              {`[${s.n}]`}
            </a>
          ),
        )}
      </p>
      {response.citations.length > 0 && (
        <div class="sources">
          <p>Sources</p>
          <ol>
            {/* An answer's sources never change, so no keys. */}
            {response.citations.map((c) => (
              <Source citation={c} id={sourceId(c.n)} />
            ))}
          </ol>
        </div>
      )}
      {!response.answered && response.suggestions?.length ? (
        <Suggestions label="You could ask" questions={response.suggestions} onAsk={onAsk} />
      ) : null}
      {response.answerId && <Feedback helpful={helpful} onRate={(value) => onRate(response.answerId, value)} />}
    </div>
  )
}

function Source({ citation, id }: { citation: Citation; id: string }) {
  const url = safeUrl(citation.url)
  return (
    <li id={id} value={citation.n} tabIndex={-1}>
      <span class="source-title">{citation.title}</span>
      <span class="source-meta">
        {citation.publisher}, {formatDate(citation.published)}
      </span>
      <q>{citation.quote}</q>
      {url && (
        <a href={url} target="_blank" rel="noopener noreferrer">
          Read the source<span class="sr-only"> (opens in a new tab)</span>
        </a>
      )}
    </li>
  )
}
