import { useState } from 'preact/hooks'

interface Props {
  /** The verdict the Worker has accepted, if any. */
  helpful?: boolean
  onRate(helpful: boolean): Promise<void>
}

/** "Was this helpful?" under an answer. The vote can be changed; a failed send leaves the buttons as they were. */
export function Feedback({ helpful, onRate }: Props) {
  const [state, setState] = useState<'sending' | 'failed' | null>(null)
  const vote = (value: boolean) => {
    if (state === 'sending') return
    setState('sending')
    onRate(value).then(
      () => setState(null),
      () => setState('failed'),
    )
  }
  const button = (value: boolean, label: string, name: string) => (
    <button type="button" aria-label={name} aria-pressed={helpful === value} onClick={() => vote(value)}>
      {label}
    </button>
  )
  return (
    <div class="vote" role="group" aria-label="Was this helpful?">
      <span aria-hidden="true">Was this helpful?</span>
      {button(true, 'Yes', 'Yes, helpful')}
      {button(false, 'No', 'No, not helpful')}
      <span role="status">
        {state === 'failed' ? "Sorry, that didn't send. Please try again." : helpful !== undefined && 'Thanks for your feedback'}
      </span>
    </div>
  )
}
