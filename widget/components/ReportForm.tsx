import { useLayoutEffect, useRef, useState } from 'preact/hooks'
import { LIMITS, REPORT_REASONS, type ReportReason } from '../../worker/contract'
import { fill, type Strings } from '../strings/en'

interface Props {
  t: Strings
  /** The answer's place in the list, for unique ids. */
  index: number
  /** Resolves once the Worker has the report; rejects if it could not be sent. */
  onSend(reason: ReportReason, note?: string): Promise<unknown>
  onCancel(): void
}

/** "Report an inaccuracy": a reason, an optional note, and send. A failed send keeps what was written. */
export function ReportForm({ t, index, onSend, onCancel }: Props) {
  const [reason, setReason] = useState<ReportReason>('inaccurate')
  const [note, setNote] = useState('')
  const [state, setState] = useState<'sending' | 'failed' | null>(null)
  const first = useRef<HTMLSelectElement>(null)
  useLayoutEffect(() => first.current?.focus(), [])
  const id = `a${index}-report`

  const submit = (event: Event) => {
    event.preventDefault()
    if (state === 'sending') return
    setState('sending')
    onSend(reason, note.trim() || undefined).catch(() => setState('failed'))
  }
  return (
    <form class="report" aria-labelledby={id} onSubmit={submit}>
      <p id={id}>
        <strong>{t.reportTitle}</strong>
      </p>
      <label>
        {t.reason}
        <select ref={first} value={reason} onChange={(e) => setReason(e.currentTarget.value as ReportReason)}>
          {REPORT_REASONS.map((r) => (
            <option value={r}>{t[`reason.${r}`]}</option>
          ))}
        </select>
      </label>
      <label>
        {t.note}
        <textarea value={note} maxLength={LIMITS.reportNoteChars} aria-describedby={`${id}-hint`} onInput={(e) => setNote(e.currentTarget.value)} />
      </label>
      <small id={`${id}-hint`}>{fill(t.noteHint, LIMITS.reportNoteChars)}</small>
      {state === 'failed' && (
        <p class="alert" role="alert">
          {t.reportFailed}
        </p>
      )}
      <div class="buttons">
        <button type="submit" aria-busy={state === 'sending'}>
          {t.sendReport}
        </button>
        <button type="button" onClick={onCancel}>
          {t.cancel}
        </button>
      </div>
    </form>
  )
}
