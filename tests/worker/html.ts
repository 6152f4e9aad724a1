/** Reading the Worker's HTML pages in tests, with workerd's own HTML parser (HTMLRewriter). */
import { expect } from 'vitest'

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'", nbsp: '\u00a0' }

export function decode(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39|#x27|nbsp);/g, (_, e: string) => ENTITIES[e] as string)
}

/** The text of every element `selector` matches (descendants' text included), entities decoded, white space collapsed. */
export async function textsOf(html: string, selector: string): Promise<string[]> {
  const texts: string[] = []
  await new HTMLRewriter()
    .on(selector, {
      element() {
        texts.push('')
      },
      text(chunk) {
        texts[texts.length - 1] += chunk.text
      },
    })
    .transform(new Response(html))
    .text()
  return texts.map((t) => decode(t).replace(/\s+/g, ' ').trim())
}

/** The value of `name` on every element `selector` matches, entities decoded (null where absent). */
export async function attrsOf(html: string, selector: string, name: string): Promise<Array<string | null>> {
  const values: Array<string | null> = []
  await new HTMLRewriter()
    .on(selector, {
      element(el) {
        const value = el.getAttribute(name)
        values.push(value === null ? null : decode(value))
      },
    })
    .transform(new Response(html))
    .text()
  return values
}

/** Script and style in the markup: script or style elements, style or event-handler attributes, javascript: links. */
export async function inlineCode(html: string): Promise<string[]> {
  const found: string[] = []
  await new HTMLRewriter()
    .on('*', {
      element(el) {
        if (el.tagName === 'script' || el.tagName === 'style') found.push(`<${el.tagName}>`)
        for (const [name, value] of el.attributes as unknown as Iterable<[string, string]>) {
          if (name === 'style' || name.startsWith('on')) found.push(`${el.tagName} ${name}`)
          if (/^\s*javascript:/i.test(value)) found.push(`${el.tagName} ${name}=${value}`)
        }
      },
    })
    .transform(new Response(html))
    .text()
  return found
}

/**
 * An HTML page of the Worker: status, HTML type, the pages' CSP (no inline
 * script or style allowed) and none in the markup either; returns its text.
 */
export async function expectPage(res: Response, status = 200): Promise<string> {
  expect(res.status).toBe(status)
  expect(res.headers.get('content-type')).toMatch(/^text\/html/)
  const csp = res.headers.get('content-security-policy') ?? ''
  expect(csp).toContain("default-src 'none'")
  expect(csp).toContain("style-src 'self'")
  expect(csp).not.toContain('unsafe-inline')
  expect(res.headers.get('x-content-type-options')).toBe('nosniff')
  const html = await res.text()
  expect(html.startsWith('<!doctype html>')).toBe(true)
  expect(await inlineCode(html)).toEqual([])
  expect(await attrsOf(html, 'link[rel="stylesheet"]', 'href')).toEqual(['/pages.css'])
  expect(await attrsOf(html, 'html', 'lang')).toEqual(['en-GB'])
  return html
}

/** The footer every page carries: links to the statements. */
export async function expectFooter(html: string): Promise<void> {
  const links = await attrsOf(html, 'footer a', 'href')
  expect(links).toEqual(expect.arrayContaining(['/privacy', '/accessibility', '/timeline']))
}
