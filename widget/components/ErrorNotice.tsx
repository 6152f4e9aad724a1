import type { Failure } from '../use-conversation'

/** A failed question: what went wrong in plain English, and a way to try again. */
export function ErrorNotice({ failure, onRetry }: { failure: Failure; onRetry(): void }) {
  return (
    <div class="error" role="alert">
      <p>{failure.message}</p>
      {failure.retryable && (
        <button type="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  )
}
