/**
 * What the first paint does not need loads on demand from files next to
 * widget.js (scripts/build-widget.ts builds them): other languages, and the
 * answer view with its sources, feedback, copy link and report form. Each is a
 * classic script: it needs no CORS from another origin, the embedding page's
 * script-src already allows it, and under Trusted Types its URL goes through
 * a policy. It hands over its exports by an event on its own script element,
 * so no global is involved, and takes Preact from here, so hooks share one
 * instance with the rest of the widget.
 */
import { Fragment, h } from 'preact'
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks'
import type { RefObject } from 'preact'
import type { Strings } from './strings/en'

export interface Parts {
  cy: { strings: Strings }
  answer: typeof import('./parts/answer')
}
export type PartName = keyof Parts

/** Everything a part may import from Preact: the build maps its preact imports to these. */
export const SHARED = { h, Fragment, useState, useEffect, useLayoutEffect, useRef }
export const PART_EVENT = 'probation-answers:part'

/** widget.js's own URL: the parts are beside it. */
let base = ''
export const setBase = (url = '') => (base = url)

let policy: { createScriptURL(url: string): unknown } | undefined

/** Fetches and runs one part. Tests replace it with a plain import. */
export const loader = {
  fetch: (name: PartName) =>
    new Promise<unknown>((resolve, reject) => {
      const script = document.createElement('script')
      script.addEventListener(PART_EVENT, (e) => resolve((e as CustomEvent).detail(SHARED)))
      // After the part has run (and resolved), or failed: the element has done its work either way.
      script.onload = script.onerror = () => {
        script.remove()
        reject(new Error(`Probation Answers: could not load ${url}`))
      }
      const url = new URL(`widget-${name}.js`, base).href
      try {
        policy ||= (window as unknown as { trustedTypes: { createPolicy(name: string, rules: object): typeof policy } }).trustedTypes.createPolicy('probation-answers', { createScriptURL: (u: string) => u })
        script.src = policy!.createScriptURL(url) as string
      } catch {
        // No Trusted Types, or a policy the page does not allow: a plain URL works wherever they are not enforced.
        script.src = url
      }
      document.head.appendChild(script)
    }),
}

/** Each part, loaded once; a failed load is tried again next time. */
const loaded: Partial<Record<PartName, Promise<unknown>>> = {}
export const load = <N extends PartName>(name: N) =>
  (loaded[name] ??= loader.fetch(name).catch((err) => {
    delete loaded[name]
    throw err
  })) as Promise<Parts[N]>

/**
 * A part, once `wanted`: undefined while it loads, null if it could not be
 * loaded. A part that could not load is tried again when the browser comes
 * back online. Its stylesheet, if any, joins the shadow root of `node`.
 */
export function usePart<N extends PartName>(name: N, wanted: boolean, node?: RefObject<HTMLElement | null>): Parts[N] | null | undefined {
  const [part, setPart] = useState<Parts[N] | null>()
  const missing = wanted && !part
  useEffect(() => {
    if (!missing) return
    let live = true
    const attempt = () =>
      load(name).then(
        (p) => {
          if (!live) return
          const css = (p as { css?: string }).css
          const root = node?.current?.getRootNode()
          if (css && root instanceof ShadowRoot) addStyles(root, css)
          setPart(p)
        },
        (err: Error) => {
          if (!live) return
          console.error(err.message)
          setPart(null)
        },
      )
    attempt()
    window.addEventListener('online', attempt)
    return () => {
      live = false
      window.removeEventListener('online', attempt)
    }
  }, [missing])
  return part
}

/**
 * Constructable stylesheets are not subject to a page's style-src CSP; the
 * <style> fallback (older browsers) needs style-src to allow it. Browsers
 * shipped replaceSync and adoptedStyleSheets together, so one check is enough.
 */
export function addStyles(root: ShadowRoot, text: string) {
  if ('replaceSync' in CSSStyleSheet.prototype) {
    const sheet = new CSSStyleSheet()
    sheet.replaceSync(text)
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet]
  } else {
    const style = document.createElement('style')
    style.textContent = text
    root.append(style)
  }
}
