import type { Ref } from 'preact'

/** The floating button that opens the panel. */
export function Launcher({ title, buttonRef, onOpen }: { title: string; buttonRef: Ref<HTMLButtonElement>; onOpen(): void }) {
  return (
    <button type="button" class="launcher" ref={buttonRef} aria-haspopup="dialog" aria-expanded="false" onClick={onOpen}>
      <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
        <path d="M4 5h16v11H9l-5 4z" />
      </svg>
      <span>{title}</span>
    </button>
  )
}
