import { useState } from 'preact/hooks'
import type { Strings } from '../strings/en'

interface Props {
  t: Strings
  /** The verdict the Worker has accepted, if any. */
  helpful?: boolean
  onRate(helpful: boolean): Promise<void>
}

/** "Was this helpful?" under an answer. The vote can be changed; a failed send leaves the buttons as they were. */
export function Feedback({ t, helpful, onRate }: Props) {
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
    <div class="vote" role="group" aria-label={t.helpful}>
      <span aria-hidden="true">{t.helpful}</span>
      {button(true, t.yes, t.yesName)}
      {button(false, t.no, t.noName)}
      <span role="status">{state === 'failed' ? t.notSent : helpful !== undefined && t.thanks}</span>
    </div>
  )
}
