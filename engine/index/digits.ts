/**
 * Base64 digits read one at a time: the artifact stores numbers and bits as
 * these so the Worker reads them in place from the string, with no decoding
 * pass at start-up or per request.
 */
export const DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

/** Value of each digit by character code; -1 for characters that are not digits. */
export const DIGIT_VALUE = new Int8Array(128).fill(-1)
for (let i = 0; i < DIGITS.length; i++) DIGIT_VALUE[DIGITS.charCodeAt(i)] = i
