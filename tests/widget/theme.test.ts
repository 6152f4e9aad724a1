import { describe, expect, it } from 'vitest'
import { QUESTION_CHARS } from '../../widget/components/Composer'
import { DARK, LIGHT, themeCss } from '../../widget/theme'
import { LIMITS } from '../../worker/contract'

/** WCAG 2 relative luminance of #rgb or #rrggbb. */
function luminance(hex: string): number {
  const digits = hex.slice(1).length === 3 ? [...hex.slice(1)].map((d) => d + d) : hex.slice(1).match(/../g)!
  const [r, g, b] = digits.map((d) => {
    const c = parseInt(d, 16) / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  })
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!
}

const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return (hi! + 0.05) / (lo! + 0.05)
}

/** color-mix(in srgb, c p%, #fff), as the dark theme lightens the accent for text. */
const mixWithWhite = (hex: string, percent: number) =>
  '#' + hex.slice(1).match(/../g)!.map((d) => Math.round((parseInt(d, 16) * percent + 255 * (100 - percent)) / 100).toString(16).padStart(2, '0')).join('')

const DEFAULT_ACCENT = '#1d4ed8'
/** Every text colour with the backgrounds it is shown on (widget/styles.css, widget/parts/answer.css). */
const TEXT_ON = {
  text: ['bg', 'canvas', 'tint'],
  muted: ['bg', 'canvas', 'tint'],
  field: ['bg'],
  link: ['bg', 'canvas', 'tint'],
  'error-text': ['error-bg', 'bg', 'canvas'],
} as const

describe('the themes', () => {
  for (const [name, theme] of [
    ['light', LIGHT],
    ['dark', DARK],
  ] as const) {
    it(`keep 4.5:1 for every text colour in the ${name} theme`, () => {
      const colour = (key: keyof typeof LIGHT) => (key === 'link' && name === 'light' ? DEFAULT_ACCENT : theme[key])
      for (const [text, backgrounds] of Object.entries(TEXT_ON)) {
        for (const bg of backgrounds) {
          // The dark link is the accent mixed with white: check the darkest accent there is, black.
          const fg = text === 'link' && name === 'dark' ? mixWithWhite('#000000', 35) : colour(text as keyof typeof LIGHT)
          expect(contrast(fg, colour(bg)), `${text} on ${bg}`).toBeGreaterThanOrEqual(4.5)
        }
      }
      expect(contrast('#ffffff', DEFAULT_ACCENT), 'white on the default accent').toBeGreaterThanOrEqual(4.5)
    })
  }

  it('lightens the accent for text on dark surfaces, and follows the system in auto', () => {
    expect(DARK.link).toBe('color-mix(in srgb,var(--_accent) 35%,#fff)')
    const css = themeCss()
    expect(css).toContain('.pa{--_bg:var(--pa-bg,#fff);')
    expect(css).toContain('.dark{color-scheme:dark;--_bg:#1f2937;')
    expect(css).toContain('@media(prefers-color-scheme:dark){.auto{color-scheme:dark;--_bg:#1f2937;')
  })
})

it('limits the question box to the Worker\'s question length', () => {
  expect(QUESTION_CHARS).toBe(LIMITS.questionChars)
})
