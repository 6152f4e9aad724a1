/** Keyboard focus inside the shadow root, where document.activeElement only sees the host. */

const FOCUSABLE = 'a[href], button:not([disabled]), textarea:not([disabled]), input:not([disabled]), [tabindex]:not([tabindex="-1"])'

/** The focused element within `node`'s shadow root (or document). */
export function activeIn(node: Node): Element | null {
  const root = node.getRootNode() as Document | ShadowRoot
  return root.activeElement
}

/** Keeps Tab and Shift+Tab cycling within `container`. Returns true when it moved focus. */
export function trapTab(event: KeyboardEvent, container: HTMLElement): boolean {
  if (event.key !== 'Tab') return false
  const items = [...container.querySelectorAll<HTMLElement>(FOCUSABLE)]
  const first = items[0]
  const last = items[items.length - 1]
  if (!first || !last) return false
  const current = activeIn(container)
  const outside = !current || !container.contains(current)
  if (event.shiftKey && (outside || current === first)) last.focus()
  else if (!event.shiftKey && (outside || current === last)) first.focus()
  else return false
  event.preventDefault()
  return true
}
