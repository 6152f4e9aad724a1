/**
 * Every string the widget shows or announces, in English, in two parts: the
 * panel's, in widget.js, and the answer view's, which load with it
 * (parts/answer.tsx). Other languages (strings/cy.ts) fill every name and
 * load on demand; `data-strings` or the `strings` option replace any of them.
 * `{n}` marks a number filled in at runtime. An empty string is not shown.
 */
export const en = {
  title: 'Probation Answers',
  greeting: 'Ask me about the 2014–2021 part-privatisation of probation in England and Wales. Every answer cites its sources.',
  /** Under the greeting, for languages other than the sources' own. */
  englishNote: '',
  close: 'Close',
  clear: 'Clear',
  conversation: 'Conversation',
  tryAsking: 'Try asking',
  question: 'Your question',
  placeholder: 'Ask a question…',
  keys: 'Enter sends, Shift+Enter starts a new line.',
  send: 'Send',
  finding: 'Finding an answer…',
  answer: 'Answer:',
  tryAgain: 'Try again',
  /** Also when the answer view's part cannot be loaded: the other failures come with it. */
  network: "We couldn't reach Probation Answers. Check your connection and try again.",
}

/** The answer view's strings. */
export const answerEn = {
  youCouldAsk: 'You could ask',
  /** Above an answer the sources do not cover. */
  declined: '',
  sources: 'Sources',
  /** The accessible name of an `[n]` marker, followed by the source's title. */
  source: 'Source {n}:',
  readSource: 'Read the source',
  newTab: '(opens in a new tab)',
  'kind.parliament': 'Parliament',
  'kind.audit': 'Audit office',
  'kind.inspectorate': 'Inspectorate',
  'kind.government': 'Government',
  'kind.legislation': 'Legislation',
  'kind.news': 'News',
  'kind.union': 'Trade union',
  'kind.charity': 'Charity',
  'kind.company': 'Company',
  'kind.research': 'Research',
  'kind.blog': 'Blog',
  /** Space-separated. */
  months: 'January February March April May June July August September October November December',
  helpful: 'Was this helpful?',
  yes: 'Yes',
  no: 'No',
  yesName: 'Yes, helpful',
  noName: 'No, not helpful',
  thanks: 'Thanks for your feedback',
  notSent: "Sorry, that didn't send. Please try again.",
  copyLink: 'Copy link',
  copied: 'Link copied',
  linkLabel: 'Link to this answer (selected: copy it)',
  report: 'Report an inaccuracy',
  reportTitle: 'What is wrong with this answer?',
  reason: 'Reason',
  'reason.inaccurate': 'It is inaccurate',
  'reason.out_of_date': 'It is out of date',
  'reason.missing_source': 'A source is missing',
  'reason.other': 'Something else',
  note: 'Note (optional)',
  noteHint: 'Up to {n} characters.',
  sendReport: 'Send report',
  cancel: 'Cancel',
  reported: 'Thank you. We will check this answer against its sources.',
  reportFailed: "Sorry, the report didn't send. Please try again.",
  timeout: 'The answer took too long to arrive. Please try again.',
  serverError: 'Something went wrong on our side. Please try again in a moment.',
  rateLimited: 'Too many questions in a short time. Please try again in {n} seconds.',
  rejected: 'The question could not be sent (HTTP {n}).',
}

export type Strings = typeof en & typeof answerEn
export type StringName = keyof Strings

/** Puts `n` in place of `{n}`. */
export const fill = (text: string, n: number | string) => text.replace('{n}', String(n))
