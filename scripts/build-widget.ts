/**
 * Builds the embeddable widget (widget/embed.tsx) into public/widget.js: one
 * minified IIFE with Preact and the stylesheet inlined. Prints its size and
 * fails above the gzip budget. `widgetSizes` is exported for the bench.
 */
import { readFile } from 'node:fs/promises'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import { build, transform, type Plugin } from 'esbuild'

export const WIDGET_PATH = fileURLToPath(new URL('../public/widget.js', import.meta.url))
const ENTRY = fileURLToPath(new URL('../widget/embed.tsx', import.meta.url))
const JSX_FACTORY = fileURLToPath(new URL('../widget/jsx.ts', import.meta.url))
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

export async function buildWidget(outfile = WIDGET_PATH): Promise<void> {
  await build({
    entryPoints: [ENTRY],
    outfile,
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
    // Preact's private vnode, component and hook fields (__k, __c, …) get one-letter names. Not those
    // it stores on DOM nodes (listeners, the root vnode, ref cleanups): a short name there could clash
    // with a DOM property. __html is dangerouslySetInnerHTML's public field.
    mangleProps: /^__/,
    reserveProps: /^__(a|e|k|x|html)$/,
    legalComments: 'none',
    plugins: [cssAsText],
    logLevel: 'warning',
  })
}

export async function widgetSizes(path = WIDGET_PATH): Promise<WidgetSizes> {
  const bytes = await readFile(path)
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  }
}

export function formatSizes({ raw, gzip, brotli }: WidgetSizes): string {
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`
  const bytes = (n: number) => `${n.toLocaleString('en')} bytes`
  return `widget.js: ${kb(raw)} raw, ${kb(gzip)} (${bytes(gzip)}) gzip, ${kb(brotli)} brotli (budget ${bytes(GZIP_BUDGET)} gzip)`
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await buildWidget()
  const sizes = await widgetSizes()
  console.log(formatSizes(sizes))
  if (sizes.gzip > GZIP_BUDGET) {
    console.error(`widget.js is ${(sizes.gzip - GZIP_BUDGET).toLocaleString('en')} bytes over its 12 KiB gzip budget: look for a new dependency or a large asset in widget/`)
    process.exitCode = 1
  }
}
