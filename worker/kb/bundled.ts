/** The knowledge base built into the deploy by `npm run kb:build`. */
import artifact from '../../generated/kb.json'
import { createKb, type Kb } from './load'

let kb: Kb | undefined

export function bundledKb(): Kb {
  kb ??= createKb(artifact, 'bundled')
  return kb
}
