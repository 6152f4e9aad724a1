import { useLayoutEffect, useRef, useState } from 'preact/hooks'
import type { ReportReason } from '../../worker/contract'
import type { Strings } from '../strings/en'
import { ReportForm } from './ReportForm'

interface Props {
  t: Strings
  index: number
  /** The answer's own page, if the Worker gave one. */
  permalink?: string
  onReport(reason: ReportReason, note?: string): Promise<unknown>
}

/** Under an answer: copy its link, and report an inaccuracy in it. */
export function Tools({ t, index, permalink, onReport }: Props) {
  const [copied, setCopied] = useState(false)
  const [showLink, setShowLink] = useState(false)
  const [report, setReport] = useState<'open' | 'sent' | null>(null)
  const field = useRef<HTMLInputElement>(null)
  const toggle = useRef<HTMLButtonElement>(null)
  const thanks = useRef<HTMLParagraphElement>(null)

  // Where the clipboard cannot be written, the link is shown selected, ready to copy by hand.
  useLayoutEffect(() => {
    field.current?.focus()
    field.current?.select()
  }, [showLink])
  // After a report is sent or cancelled, focus goes to what replaced the form; opening it focuses the form's first field.
  const changed = useRef(false)
  useLayoutEffect(() => {
    if (changed.current && report !== 'open') (report ? thanks : toggle).current?.focus()
    changed.current = true
  }, [report])

  const copy = () => {
    const byHand = () => setShowLink(true)
    if (navigator.clipboard) navigator.clipboard.writeText(permalink!).then(() => setCopied(true), byHand)
    else byHand()
  }

  return (
    <div class="tools">
      {permalink && (
        <button type="button" onClick={copy}>
          {t.copyLink}
        </button>
      )}
      {report === 'sent' ? (
        <p tabIndex={-1} ref={thanks}>
          {t.reported}
        </p>
      ) : (
        <button type="button" ref={toggle} aria-expanded={report === 'open'} onClick={() => setReport(report ? null : 'open')}>
          {t.report}
        </button>
      )}
      <span role="status">{copied && t.copied}</span>
      {showLink && (
        <label>
          {t.linkLabel}
          <input ref={field} readOnly value={permalink} />
        </label>
      )}
      {report === 'open' && <ReportForm t={t} index={index} onSend={(reason, note) => onReport(reason, note).then(() => setReport('sent'))} onCancel={() => setReport(null)} />}
    </div>
  )
}
