/**
 * The widget's configuration: from the data attributes of its script tag (or
 * inline element), or from the options of ProbationAnswers.mount(). Both go
 * through the same checks, and every problem says how to fix it. A bad
 * attribute is logged and replaced by the default, so a typo never takes the
 * widget off the page; a bad option throws, as a JavaScript caller expects.
 */
import { en, type Strings } from './strings/en'
import { httpUrl } from './url'

export type Position = 'bottom-right' | 'bottom-left'
export type Lang = 'en' | 'cy'
export type Theme = 'light' | 'dark' | 'auto'

export interface WidgetConfig {
  /** Origin of the Worker that answers questions. */
  endpoint: string
  /** Unset or '' for the language's own. */
  title?: string
  greeting?: string
  /** A CSS colour; unset or '' keeps the theme's accent. */
  accent?: string
  position: Position
  suggestions: string[]
  open: boolean
  lang: Lang
  theme: Theme
  /** Replacements for strings of the catalogue (strings/en.ts). */
  strings: Partial<Strings>
}

export const DEFAULTS: Omit<WidgetConfig, 'endpoint'> = {
  position: 'bottom-right',
  // Questions for the English knowledge base, so English in every interface language.
  suggestions: ['What was Transforming Rehabilitation?', 'How much were the CRC contracts worth?', 'What did the inspectorate find about the CRCs?'],
  open: false,
  lang: 'en',
  theme: 'light',
  strings: {},
}

/** Every name, so widget.js can check replacements without carrying the answer view's strings (a test keeps this in step). */
export const STRING_NAMES = Object.keys(en).concat(
  'declined youCouldAsk sources source readSource newTab months helpful yes no yesName noName thanks notSent copyLink copied linkLabel report reportTitle reason reason.inaccurate reason.out_of_date reason.missing_source reason.other note noteHint sendReport cancel reported reportFailed timeout serverError rateLimited rejected'.split(' '),
  'parliament audit inspectorate government legislation news union charity company research blog'.split(' ').map((kind) => 'kind.' + kind),
)

/** Throws what is wrong and how to fix it, as the rest of a sentence about the value. */
const fail = (problem: string): never => {
  throw problem
}
const oneOf =
  <T extends string>(what: string, values: T[]) =>
  (value: unknown) =>
    values.includes(value as T) ? (value as T) : fail(`is not ${what}. Use ${values.map((v) => `"${v}"`).join(' or ')}.`)
const text = (value: unknown) => (typeof value === 'string' ? value.trim() : fail('is not text.'))

/** Each option's check: its value in WidgetConfig, from an attribute's text or a JavaScript value. */
const CHECKS: { [N in keyof WidgetConfig]-?: (value: unknown) => WidgetConfig[N] } = {
  endpoint: (value) => httpUrl(text(value), document.baseURI)?.origin ?? fail(`is not an http(s) URL. Use the Worker's origin, e.g. "https://answers.example.org".`),
  title: text,
  greeting: text,
  accent: (value) => (CSS.supports('color', text(value)) ? text(value) : fail('is not a CSS colour. Use e.g. "#1d4ed8".')),
  position: oneOf('a position', ['bottom-right', 'bottom-left']),
  suggestions: (value) =>
    (typeof value === 'string' ? value.split('|') : Array.isArray(value) ? value : fail('is not a list of questions, e.g. ["What is Napo?"].'))
      .map((q) => text(q))
      .filter(Boolean),
  open: (value) => (value === true || value === '' || value === 'true' ? true : value === false || value === 'false' ? false : fail('is not true or false.')),
  lang: oneOf('a language', ['en', 'cy']),
  theme: oneOf('a theme', ['light', 'dark', 'auto']),
  strings: (value) => {
    if (typeof value === 'string') {
      try {
        value = JSON.parse(value)
      } catch {
        fail(`is not JSON. Write an object in single quotes, e.g. data-strings='{"send": "Ask"}'.`)
      }
    }
    if (!value || typeof value !== 'object') fail('is not an object of strings, e.g. {"send": "Ask"}.')
    for (const [name, string] of Object.entries(value as object)) {
      if (!STRING_NAMES.includes(name)) fail(`names "${name}", which is not a string of the widget. The names are: ${STRING_NAMES.join(', ')}.`)
      if (typeof string !== 'string') fail(`gives "${name}" a value that is not text.`)
    }
    return value as Partial<Strings>
  },
}

export interface ParsedConfig {
  config: WidgetConfig
  /** Options only: a launcher in a corner rather than the panel in the element. */
  floating: boolean
  /** One message per bad value, each saying how to fix it. */
  problems: string[]
}

/** Options for ProbationAnswers.mount(): `floating` (a launcher in a corner) or not (the panel in the element). */
export type Options = Partial<WidgetConfig & { floating: boolean }>

/**
 * @param source an element's dataset (data-* attributes, of which others than the options are left alone, e.g.
 *   data-cfasync), or with `options` the object given to mount(), where an unknown name is a problem
 * @param scriptSrc the widget script's own URL, whose origin is the default endpoint
 */
export function parseConfig(source: object, scriptSrc: string | undefined, options?: boolean): ParsedConfig {
  const problems: string[] = []
  const config: WidgetConfig = { ...DEFAULTS, endpoint: httpUrl(scriptSrc, document.baseURI)?.origin ?? '' }
  let floating = false
  for (const [name, value] of Object.entries(source)) {
    try {
      if ({}.hasOwnProperty.call(CHECKS, name)) config[name as 'title'] = CHECKS[name as 'title'](value)
      else if (name === 'floating' && options) floating = CHECKS.open(value)
      else if (options) fail(`is not an option. The options are: ${Object.keys(CHECKS).join(', ')}, floating.`)
    } catch (problem) {
      problems.push(options ? `${name}: ${JSON.stringify(value)} ${problem}` : `data-${name}="${value}" ${problem}`)
    }
  }
  if (!config.endpoint) problems.push(`Cannot tell where the Worker is. Give its address as data-endpoint="https://your-worker.example" (or the endpoint option).`)
  return { config, floating, problems }
}
