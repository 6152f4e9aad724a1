import { fill, type Strings } from '../strings/en'
import type { Failure } from '../use-conversation'

/**
 * A failed question: what went wrong in plain words, and a way to try again.
 * While the service is switched off, the campaigners' message instead.
 */
export function ErrorNotice({ t, failure: { error }, onRetry }: { t: Strings; failure: Failure; onRetry(): void }) {
  // The Worker's own words are English, whatever the interface language.
  const message = <p lang={error.text && 'en'}>{error.text ?? fill(t[error.key], error.n!)}</p>
  if (error.unavailable)
    return (
      <div class="bubble bot" role="status">
        {message}
      </div>
    )
  return (
    <div class="error" role="alert">
      {message}
      {!error.final && (
        <button type="button" onClick={onRetry}>
          {t.tryAgain}
        </button>
      )}
    </div>
  )
}
