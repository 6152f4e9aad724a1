/**
 * The widget's configuration, read from the data attributes of its script
 * tag. A bad value is reported with how to fix it and replaced by the
 * default, so a typo in an attribute never takes the widget off the page.
 */
import { httpUrl } from './url'

export type Position = 'bottom-right' | 'bottom-left'

export interface WidgetConfig {
  /** Origin of the Worker that answers questions. */
  endpoint: string
  title: string
  greeting: string
  /** A CSS colour, or '' to keep the theme's accent. */
  accent: string
  position: Position
  suggestions: string[]
  open: boolean
}

export const DEFAULTS: Omit<WidgetConfig, 'endpoint'> = {
  title: 'Probation Answers',
  greeting:
    'Ask me about the 2014–2021 part-privatisation of probation in England and Wales. Every answer cites its sources.',
  accent: '',
  position: 'bottom-right',
  suggestions: [
    'What was Transforming Rehabilitation?',
    'How much were the CRC contracts worth?',
    'What did the inspectorate find about the CRCs?',
  ],
  open: false,
}

export interface ParsedConfig {
  config: WidgetConfig
  /** One message per bad attribute, each saying how to fix it. */
  problems: string[]
}

/**
 * @param data the element's dataset (data-* attributes)
 * @param scriptSrc the widget script's own URL, whose origin is the default endpoint
 */
export function parseConfig(data: DOMStringMap, scriptSrc: string | undefined): ParsedConfig {
  const problems: string[] = []
  const config: WidgetConfig = { endpoint: '', ...DEFAULTS }

  const endpoint = data.endpoint?.trim() || scriptSrc
  const origin = httpUrl(endpoint, document.baseURI)?.origin
  if (origin) config.endpoint = origin
  else if (data.endpoint) problems.push(`data-endpoint="${data.endpoint}" is not an http(s) URL. Use the Worker's address, e.g. data-endpoint="https://answers.example.org".`)
  else problems.push('Cannot tell where the Worker is. Add data-endpoint="https://your-worker.example" to the widget\'s script tag.')

  if (data.title?.trim()) config.title = data.title.trim()
  if (data.greeting?.trim()) config.greeting = data.greeting.trim()

  const accent = data.accent?.trim()
  if (accent) {
    if (CSS.supports('color', accent)) config.accent = accent
    else problems.push(`data-accent="${accent}" is not a CSS colour. Use e.g. data-accent="#1d4ed8".`)
  }

  const position = data.position?.trim()
  if (position) {
    if (position === 'bottom-right' || position === 'bottom-left') config.position = position
    else problems.push(`data-position="${position}" is not a position. Use "bottom-right" or "bottom-left".`)
  }

  if (data.suggestions !== undefined) {
    config.suggestions = data.suggestions.split('|').map((s) => s.trim()).filter(Boolean)
  }

  const open = data.open?.trim().toLowerCase()
  if (open !== undefined) {
    if (open === '' || open === 'true') config.open = true
    else if (open !== 'false') problems.push(`data-open="${data.open}" is not true or false. Write data-open (or data-open="true") to start open.`)
  }
  return { config, problems }
}
