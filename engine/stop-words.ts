/**
 * Words that carry no topic: English function words, question words, the
 * filler people put around a question ("tell me", "put together") and verbs
 * that only report a view ("what did they reckon…"). Question words still
 * shape the answer; see kinds.ts.
 */
const LIST =
  `a about above after again against all also am an and any are aren't as at be because been before being
  below between both but by can can't cannot could couldn't did didn't do does doesn't doing don't down
  during each either else ever every few for from further get gets getting got had hadn't has hasn't have
  haven't having he he'd he'll her here here's hers herself him himself his how how's i i'd i'll i'm i've
  if in into is isn't it it's its itself just let's me might more most must mustn't my myself neither no
  nor not of off ok okay on once only or other ought our ours ourselves out over own per percent
  percentage cent please put same shall shan't she she'd she'll she's should shouldn't so some such tell
  than that that's the their theirs them themselves then there there's these they they'd they'll they're
  they've this those through to together too total under until up upon us very was wasn't we we'd we'll
  we're we've were weren't what what's whats when when's where where's whether which while who who's whos
  whom whose why why's will with won't would wouldn't yes yet you you'd you'll you're you've your yours
  yourself yourselves actually really exactly know want wanted many much thing things anything something
  say says said saying happen happened etc like kind sort lot lots give gave given whole entire
  everything everyone everybody nothing nobody anyone anybody someone somebody ones would've could've
  should've might've must've basically literally honestly apparently anyway anyways anyhow btw gonna wanna gotta roughly
  though although tho even altogether exact loads who'd who'll what'd what'll what're where'd where'll why'd when'd how'd how'll whatever whoever whichever wherever whenever
  reckon reckons reckoned reckoning mention mentions mentioned mentioning think thinks thinking believe believes believed believing`
    .split(/\s+/)
    .filter(Boolean)

/** Also without apostrophes, as people type them ("didnt", "theyd"). */
export const STOP_WORDS: ReadonlySet<string> = new Set([...LIST, ...LIST.map((w) => w.replace(/'/g, ''))])

const LONG_STOP_WORDS = [...STOP_WORDS].filter((w) => w.length >= 4 && !w.includes("'"))

/**
 * A slip in typing a stop word ("wernt", "becuase"): one letter added, lost,
 * changed or swapped; two in a word of six letters or more that is no English
 * word itself ("hapend", but not "weather" for "whether"), unless one slip
 * makes it another word (`oneSlipFromWord`: "runing" is "running", not
 * "during"). Only for words of four letters or more, where a slip is rarely
 * another word.
 */
export function isSlipOfStopWord(word: string, isEnglishWord: (word: string) => boolean = () => false, oneSlipFromWord = false): boolean {
  if (word.length < 4) return false
  if (LONG_STOP_WORDS.some((w) => withinOneEdit(word, w))) return true
  return word.length >= 6 && !oneSlipFromWord && !isEnglishWord(word) && LONG_STOP_WORDS.some((w) => w.length >= 6 && withinTwoEdits(word, w))
}

/** Two rows of edit distances, reused: slips are checked against every long stop word. */
let rowA = new Int32Array(32)
let rowB = new Int32Array(32)

/** Levenshtein distance of at most two. */
function withinTwoEdits(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 2) return false
  if (rowA.length <= b.length) {
    rowA = new Int32Array(b.length + 1)
    rowB = new Int32Array(b.length + 1)
  }
  let previous = rowA
  let row = rowB
  for (let j = 0; j <= b.length; j++) previous[j] = j
  for (let i = 1; i <= a.length; i++) {
    row[0] = i
    let least = i
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min((previous[j] as number) + 1, (row[j - 1] as number) + 1, (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1))
      if ((row[j] as number) < least) least = row[j] as number
    }
    if (least > 2) return false
    const done = previous
    previous = row
    row = done
  }
  return (previous[b.length] as number) <= 2
}

function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false
  let i = 0
  while (i < a.length && i < b.length && a[i] === b[i]) i++
  if (a.length === b.length) {
    const swapped = a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2)
    return swapped || a.slice(i + 1) === b.slice(i + 1)
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1)
}
