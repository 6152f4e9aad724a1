/**
 * Personal data out of what the Worker stores. Visitors sometimes type their
 * own details into a question ("my case no. 12345, call me on 07700 900123"),
 * and D1 keeps questions for the maintainers' reports; before any text a
 * visitor wrote is stored, each e-mail address, phone number, postcode and
 * case or reference number in it becomes a placeholder. Answers are computed
 * from the question as asked; only what is stored is scrubbed.
 *
 * Patterns, in order (earlier ones take what later ones would misread):
 * - e-mail addresses;
 * - UK phone numbers: +44 or 0 then 9 or 10 more digits, spaced, hyphenated
 *   or bracketed as people write them ("+44 (0)20 7946 0958", "020 7946 0958", "07700900123");
 * - National Insurance numbers and prison numbers (A1234BC);
 * - UK postcodes ("SW1A 1AA", "m1 1ae");
 * - a reference after a word that introduces one ("case no. 12345", "ref ABC/123/456", "CRN X123456");
 * - codes of letters and digits in three or more parts ("ABC/123/456", "AB-12-345"), not
 *   words like "covid-19-related" or dates like 22/06/2018;
 * - any other run of six or more digits (four-digit years and short figures stay).
 */

export const PLACEHOLDERS = {
  email: '[email]',
  phone: '[phone]',
  postcode: '[postcode]',
  reference: '[reference]',
  number: '[number]',
} as const

const EMAIL = /[\p{L}\p{N}._%+'-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu

/** +44 (optionally "(0)") or a leading 0, then 9 or 10 digits with at most one space, hyphen or bracket between them. */
const PHONE = /(?<![\p{L}\p{N}+])(?:\+\s?44\s?(?:\(0\)\s?)?|\(?0)(?:[\s-]?\)?[\s-]?\d){9,10}(?!\p{N})/gu

const NI_NUMBER = /\b[A-CEGHJ-PR-TW-Z]{2}\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D]\b/gi
const PRISON_NUMBER = /\b[A-Z]\d{4}[A-Z]{2}\b/gi

/** Outward code (A9, A99, A9A, AA9, AA99, AA9A), then the inward code (9AA). */
const POSTCODE = /\b(?:[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?|GIR)\s?\d[ABD-HJLNP-UW-Z]{2}\b/gi

/**
 * A word that introduces a reference, an optional "no."/"number"/"is"/"#", then a
 * token of at least three characters holding a digit, not a lone year ("the case in 2014" stays).
 */
const KEYWORD_REFERENCE =
  /\b(case|reference|ref|crn|pnc|nomis|docket|claim|account|(?:prison|prisoner|booking) (?:no\.?|number))\b(\s*(?:no\.?|nos\.?|number|num\.?|ref\.?|id)?\s*(?:is|was)?\s*[:#.]?\s*)(?!(?:19|20)\d\d(?![\p{L}\p{N}/.-]))((?=[\p{L}\p{N}/.-]*\p{N})[\p{L}\p{N}][\p{L}\p{N}/.-]+[\p{L}\p{N}])/giu

/** Parts of letters and digits joined by / or -: a code when three or more, two of them with digits and one letter somewhere ("ABC/123/456"). */
const PARTS = /(?<![\p{L}\p{N}])[\p{L}\p{N}]+(?:[/-][\p{L}\p{N}]+){2,}(?![\p{L}\p{N}])/gu

function isCode(token: string): boolean {
  const parts = token.split(/[/-]/)
  return /\p{L}/u.test(token) && parts.filter((p) => /\p{N}/u.test(p)).length >= 2
}

const LONG_DIGITS = /\p{N}{6,}/gu

/**
 * Replacing one thing can expose another ("123456789SW1A 1AA": the postcode has
 * a word boundary only once the digits are a placeholder), so passes repeat
 * until nothing changes. Each pass that changes anything turns characters a
 * visitor typed into placeholders, which no pattern matches, so this ends.
 */
export function scrub(text: string): string {
  // Every pattern needs a digit or an @: most questions hold neither, and skip the passes.
  if (!/[\p{N}@]/u.test(text)) return text
  let out = text
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const next = scrubOnce(out)
    if (next === out) break
    out = next
  }
  return out
}

const MAX_PASSES = 8

function scrubOnce(text: string): string {
  return text
    .replace(EMAIL, PLACEHOLDERS.email)
    .replace(PHONE, PLACEHOLDERS.phone)
    .replace(NI_NUMBER, PLACEHOLDERS.reference)
    .replace(PRISON_NUMBER, PLACEHOLDERS.reference)
    .replace(POSTCODE, PLACEHOLDERS.postcode)
    .replace(KEYWORD_REFERENCE, (_, word: string, between: string) => `${word}${between}${PLACEHOLDERS.reference}`)
    .replace(PARTS, (token) => (isCode(token) ? PLACEHOLDERS.reference : token))
    .replace(LONG_DIGITS, PLACEHOLDERS.number)
}
