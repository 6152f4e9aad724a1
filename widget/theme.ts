/**
 * The colours of the light and dark themes, as custom properties --_name in
 * the shadow root. A page sets its own colours for the light theme (the
 * default) as --pa-name (those in PAGE); the dark theme keeps its own, so a light page's colours
 * never land on a dark panel. Every text colour keeps 4.5:1 against the
 * backgrounds it is shown on (tests/widget/theme.test.ts). scripts/build-widget.ts
 * writes them into widget.js as CSS.
 */
export const LIGHT = {
  bg: '#fff',
  canvas: '#f3f4f6',
  text: '#1f2937',
  muted: '#4b5563',
  line: '#d1d5db',
  field: '#6b7280',
  tint: '#eef2ff',
  link: 'var(--_accent)',
  'error-bg': '#fef2f2',
  'error-line': '#f87171',
  'error-text': '#7f1d1d',
}

export const DARK: typeof LIGHT = {
  bg: '#1f2937',
  canvas: '#111827',
  text: '#f3f4f6',
  muted: '#b4bcc8',
  line: '#4b5563',
  field: '#9ca3af',
  tint: '#273449',
  // The accent is a background (header, buttons) in both themes; as text on a dark surface it needs lightening.
  link: 'color-mix(in srgb,var(--_accent) 35%,#fff)',
  'error-bg': '#450a0a',
  'error-line': '#f87171',
  'error-text': '#fecaca',
}

/** The colours a page may set; the rest follow from them. */
const PAGE = ['bg', 'canvas', 'text', 'muted', 'line', 'tint', 'link']

/** The light theme in full; the dark theme where it differs (the root has both classes). */
const vars = (theme: typeof LIGHT, page?: boolean) =>
  Object.entries(theme)
    .filter(([name, value]) => page || value !== LIGHT[name as keyof typeof LIGHT])
    .map(([name, value]) => `--_${name}:${page && PAGE.includes(name) ? `var(--pa-${name},${value})` : value}`)
    .join(';')

/** The theme is the root's class: light (the default), dark, or auto (the visitor's system setting). */
export const themeCss = () => {
  const dark = `{color-scheme:dark;${vars(DARK)}}`
  return `.pa{${vars(LIGHT, true)}}.dark${dark}@media(prefers-color-scheme:dark){.auto${dark}}`
}
