/**
 * The answer view, a part loaded on demand (widget/parts.ts) when the panel
 * opens: answers with their sources, feedback, copy link and report form, and
 * the network calls that fetch and send them.
 */
export { ask } from '../api'
export { Answer } from '../components/Answer'
export { answerEn as strings } from '../strings/en'
export { default as css } from './answer.css'
