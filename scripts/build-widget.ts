/**
 * Builds the embeddable widget into public/: widget.js (widget/embed.tsx), one
 * minified IIFE with Preact and the stylesheet inlined, and beside it the
 * parts it loads on demand (widget/parts.ts): public/widget-<name>.js. Prints
 * their sizes and fails when widget.js is above the gzip budget. `widgetSizes`
 * is exported for the bench.
 */
import { readFile } from 'node:fs/promises'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import { build, transform, type BuildOptions, type Plugin } from 'esbuild'
import { PART_EVENT, SHARED, type PartName } from '../widget/parts'
import { themeCss } from '../widget/theme'

const at = (path: string) => fileURLToPath(new URL(path, import.meta.url))
export const WIDGET_PATH = at('../public/widget.js')
const ENTRY = at('../widget/embed.tsx')
const JSX_FACTORY = at('../widget/jsx.ts')
/** Each part's entry module; it is built to public/widget-<name>.js. */
export const PARTS: Record<PartName, string> = {
  cy: at('../widget/strings/cy.ts'),
  answer: at('../widget/parts/answer.tsx'),
}
export const partPath = (name: string) => at(`../public/widget-${name}.js`)
/** Bytes, gzip level 9: 12 KiB, a little above the current size, so growth is a decision rather than an accident. */
export const GZIP_BUDGET = 12 * 1024

export interface WidgetSizes {
  raw: number
  gzip: number
  brotli: number
}

/** Stylesheets become minified strings, adopted into the shadow root at runtime. */
const cssAsText: Plugin = {
  name: 'css-as-text',
  setup(b) {
    b.onLoad({ filter: /\.css$/ }, async ({ path }) => {
      const { code } = await transform(await readFile(path, 'utf8'), { loader: 'css', minify: true })
      return { contents: code.trim(), loader: 'text' }
    })
  },
}

/**
 * In a part, Preact is the one widget.js already has: its imports become the
 * parameter `P` of the function the part hands over (see widget/parts.ts).
 * Importing anything from Preact that SHARED lacks fails the build.
 */
const sharedPreact: Plugin = {
  name: 'shared-preact',
  setup(b) {
    b.onResolve({ filter: /^preact(\/hooks)?$/ }, () => ({ path: 'preact', namespace: 'shared' }))
    b.onLoad({ filter: /.*/, namespace: 'shared' }, () => ({ contents: `export const {${Object.keys(SHARED).join(',')}} = P`, loader: 'js' }))
  },
}

const COMMON: BuildOptions = {
  bundle: true,
  format: 'iife',
  minify: true,
  target: 'es2020',
  jsx: 'transform',
  jsxFactory: 'h',
  jsxFragment: 'Fragment',
  inject: [JSX_FACTORY],
  // Replaces tsconfig.json, whose "jsx": "react-jsx" would win over the classic transform above.
  tsconfigRaw: { compilerOptions: { strict: true } },
  legalComments: 'none',
  logLevel: 'warning',
}

export async function buildWidget(outfile = WIDGET_PATH): Promise<void> {
  await build({
    ...COMMON,
    entryPoints: [ENTRY],
    outfile,
    // Preact's private vnode, component and hook fields (__k, __c, …) get one-letter names. Not those
    // it stores on DOM nodes (listeners, the root vnode, ref cleanups): a short name there could clash
    // with a DOM property. __html is dangerouslySetInnerHTML's public field.
    mangleProps: /^__/,
    reserveProps: /^__(a|e|k|x|html)$/,
    define: { THEME_CSS: JSON.stringify(themeCss()) },
    plugins: [cssAsText],
  })
  for (const [name, entry] of Object.entries(PARTS)) {
    await build({
      ...COMMON,
      entryPoints: [entry],
      outfile: partPath(name),
      // The part runs when widget.js calls the function it hands over on its script element.
      globalName: 'R',
      banner: { js: `document.currentScript.dispatchEvent(new CustomEvent(${JSON.stringify(PART_EVENT)},{detail:function(P){` },
      footer: { js: 'return R}}));' },
      plugins: [cssAsText, sharedPreact],
    })
  }
}

export async function widgetSizes(path = WIDGET_PATH): Promise<WidgetSizes> {
  const bytes = await readFile(path)
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  }
}

export function formatSizes({ raw, gzip, brotli }: WidgetSizes, name = 'widget.js', budget = true): string {
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`
  const bytes = (n: number) => `${n.toLocaleString('en')} bytes`
  return `${name}: ${kb(raw)} raw, ${kb(gzip)} (${bytes(gzip)}) gzip, ${kb(brotli)} brotli${budget ? ` (budget ${bytes(GZIP_BUDGET)} gzip)` : ', on demand'}`
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await buildWidget()
  const sizes = await widgetSizes()
  console.log(formatSizes(sizes))
  for (const name of Object.keys(PARTS)) console.log(formatSizes(await widgetSizes(partPath(name)), `widget-${name}.js`, false))
  if (sizes.gzip > GZIP_BUDGET) {
    console.error(`widget.js is ${(sizes.gzip - GZIP_BUDGET).toLocaleString('en')} bytes over its 12 KiB gzip budget: look for a new dependency or a large asset in widget/, or load it on demand (widget/parts.ts)`)
    process.exitCode = 1
  }
}
