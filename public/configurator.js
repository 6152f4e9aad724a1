/**
 * The demo page's configurator (public/index.html), not part of widget.js.
 * Each change takes the widget off the page with ProbationAnswers.destroy()
 * and includes widget.js again with the chosen data attributes: the snippet
 * shown is exactly what made the widget on the page.
 */
const form = document.getElementById('configurator')
const snippet = document.getElementById('cfg-snippet')
const copied = document.getElementById('cfg-copied')
const field = (name) => form.elements.namedItem(name)

/** The data attributes that differ from the widget's defaults, in a stable order. */
function attributes() {
  const chosen = [['data-accent', field('accent').value]]
  const add = (name, value, otherwise) => value && value !== otherwise && chosen.push([`data-${name}`, value])
  add('position', field('position').value, 'bottom-right')
  add('lang', field('lang').value, 'en')
  add('theme', field('theme').value, 'light')
  add('title', field('title').value.trim())
  add('greeting', field('greeting').value.trim())
  return chosen
}

const escape = (text) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')

function show(chosen) {
  snippet.textContent = `<script src="${location.origin}/widget.js" async${chosen.map(([name, value]) => `\n  ${name}="${escape(value)}"`).join('')}></script>`
  copied.textContent = ''
}

// One re-inclusion at a time: a change made meanwhile is applied once the widget is back.
let including = false
let changedMeanwhile = false

function apply() {
  const chosen = attributes()
  show(chosen)
  if (including) {
    changedMeanwhile = true
    return
  }
  including = true
  // A panel left open stays open; data-open does not take focus from the field being edited.
  const wasOpen = Boolean(document.querySelector('probation-answers')?.shadowRoot?.querySelector('.panel'))
  window.ProbationAnswers?.destroy()
  document.getElementById('widget-script')?.remove()
  const script = document.createElement('script')
  script.id = 'widget-script'
  script.src = '/widget.js'
  for (const [name, value] of chosen) script.setAttribute(name, value)
  if (wasOpen) script.setAttribute('data-open', '')
  const done = () => {
    including = false
    if (changedMeanwhile) {
      changedMeanwhile = false
      apply()
    }
  }
  // After widget.js has run (or failed to load).
  script.addEventListener('load', done)
  script.addEventListener('error', done)
  document.body.append(script)
}

let typing
form.addEventListener('input', (event) => {
  clearTimeout(typing)
  // Typing in a text field settles for a moment first; a choice applies at once.
  typing = setTimeout(apply, event.target.matches('input[type=text], textarea') ? 300 : 0)
})
form.addEventListener('submit', (event) => event.preventDefault())

document.getElementById('cfg-copy').addEventListener('click', async () => {
  try {
    await navigator.clipboard.writeText(snippet.textContent)
    copied.textContent = 'Copied to the clipboard.'
  } catch {
    // No clipboard access: select the snippet so it can be copied by hand.
    getSelection().selectAllChildren(snippet)
    copied.textContent = 'Selected: press Ctrl+C (⌘C on a Mac) to copy.'
  }
})

show(attributes())
document.getElementById('configure').hidden = false
