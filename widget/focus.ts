/** Keyboard focus inside the shadow root, where document.activeElement only sees the host. */

const FOCUSABLE = 'a[href],button:not(:disabled),textarea:not(:disabled),[tabindex]:not([tabindex="-1"])'

/** The focused element within `node`'s shadow root (or document). */
export function activeIn(node: Node): Element | null {
  const root = node.getRootNode() as Document | ShadowRoot
  return root.activeElement
}

/** Keeps Tab and Shift+Tab cycling within `container`: from either end (or from outside) to the other end. */
export function trapTab(event: KeyboardEvent, container: HTMLElement): void {
  if (event.key !== 'Tab') return
  const items = container.querySelectorAll<HTMLElement>(FOCUSABLE)
  const [from, to] = event.shiftKey ? [items[0], items[items.length - 1]] : [items[items.length - 1], items[0]]
  const current = activeIn(container)
  if (to && (current === from || !container.contains(current))) {
    event.preventDefault()
    to.focus()
  }
}
