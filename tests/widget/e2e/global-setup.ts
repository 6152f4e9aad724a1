/**
 * Finds a Chromium (find-browser.ts) and starts it once for every browser test file, which connect
 * to it (browser.ts), and starts the real Worker (wrangler dev, workerd) on 127.0.0.1 for them; stops
 * both afterwards. The port is WIDGET_E2E_PORT, or else one the system says is free, so runs in
 * several checkouts at once do not collide.
 */
import { execFile, spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdir } from 'node:fs/promises'
import { createServer, type AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { chromium } from 'playwright-core'
import type { TestProject } from 'vitest/node'
import { buildWidget } from '../../../scripts/build-widget'
import { WRANGLER_ENV } from '../../../scripts/wrangler-env'
import { findBrowser } from './find-browser'

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string
    screenshotDir: string
    /** Where browser.ts connects to the Chromium started here. */
    browserEndpoint: string
  }
}

const ROOT = fileURLToPath(new URL('../../../', import.meta.url))
const STARTUP_MS = 90_000
/** What playwright-core 1.65 passes as --disable-features (chromiumSwitches.ts). */
const PLAYWRIGHT_DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync', 'DestroyProfileOnBrowserClose', 'HttpsUpgrades', 'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay', 'MediaRouter', 'PaintHolding', 'ThirdPartyStoragePartitioning', 'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin', 'OptimizationHints', 'NetworkTimeServiceQuerying', 'AimEnabled', 'PreconnectToSearch',
  'msForceBrowserSignIn', 'msEdgeUpdateLaunchServicesPreferredVersion',
]
// Chrome's new headless mode builds two omnibox pop-ups (WebUI pages, a renderer each) for every
// context's window, which no test shows: without them the browser tests take about a quarter less
// time. Chrome reads only the last --disable-features, so this one repeats playwright-core's.
const DISABLED_FEATURES = [...PLAYWRIGHT_DISABLED_FEATURES, 'WebUIOmniboxPopup', 'WebUIOmniboxAimPopup']
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
  `--disable-features=${DISABLED_FEATURES.join(',')}`,
]

export default async function setup(project: TestProject) {
  const found = await findBrowser()
  const port = process.env.WIDGET_E2E_PORT ?? String(await freePort())
  const baseUrl = `http://127.0.0.1:${port}`
  // `npm test` has built it already; this keeps `vitest run --project e2e` on its own correct.
  await buildWidget()
  const screenshotDir = fileURLToPath(new URL('test-results/screenshots/', `file://${ROOT}`))
  await mkdir(screenshotDir, { recursive: true })

  if (await answers(`${baseUrl}/api/health`)) {
    throw new Error(`Something is already listening on ${baseUrl}; stop it, or unset WIDGET_E2E_PORT to use a free port.`)
  }
  // One browser for every file (a test opens its own context in it) saves starting one per file;
  // it starts while wrangler starts the Worker.
  const [browser, worker] = await Promise.allSettled([
    chromium.launchServer({ executablePath: found.executablePath, env: found.env && { ...process.env, ...found.env }, args: CHROMIUM_ARGS }),
    startWorker(port),
  ])
  const dropped = browser.status === 'fulfilled' ? droppedFeatures(browser.value.process().spawnargs) : []
  if (browser.status === 'rejected' || worker.status === 'rejected' || dropped.length) {
    if (browser.status === 'fulfilled') await browser.value.close()
    if (worker.status === 'fulfilled') await worker.value()
    if (browser.status === 'rejected') throw browser.reason
    if (worker.status === 'rejected') throw worker.reason
    throw new Error(`playwright-core now also turns off ${dropped.join(', ')}: add them to PLAYWRIGHT_DISABLED_FEATURES in tests/widget/e2e/global-setup.ts.`)
  }
  project.provide('baseUrl', baseUrl)
  project.provide('screenshotDir', screenshotDir)
  project.provide('browserEndpoint', browser.value.wsEndpoint())
  console.log(`e2e: Worker on ${baseUrl}; Chromium from ${found.source} (${found.executablePath})`)
  return async () => {
    await Promise.all([browser.value.close(), worker.value()])
  }
}

/** Applies the migrations to the local D1 and starts wrangler dev; once the Worker answers, gives back how to stop it. */
async function startWorker(port: string): Promise<() => Promise<void>> {
  const wrangler = fileURLToPath(new URL('node_modules/wrangler/bin/wrangler.js', `file://${ROOT}`))
  const env = { ...process.env, ...WRANGLER_ENV }
  // The Worker records answers and feedback in the local D1, whose tables come from migrations/.
  await promisify(execFile)(process.execPath, [wrangler, 'd1', 'migrations', 'apply', 'DB', '--local'], { cwd: ROOT, env })
  // Every browser test asks from 127.0.0.1, two files at a time: the per-client limits (tested in
  // tests/worker, the widget's 429 message in tests/widget) would turn them away mid-run.
  const args = ['dev', '--ip', '127.0.0.1', '--port', port, '--show-interactive-dev-session=false', '--var', 'RATE_LIMIT:off']
  const child = spawn(process.execPath, [wrangler, ...args], {
    cwd: ROOT,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.on('data', (d) => (output += d))
  child.stderr.on('data', (d) => (output += d))
  const stop = async () => {
    if (child.exitCode !== null || child.pid === undefined) return
    const pid = child.pid
    process.kill(-pid, 'SIGTERM')
    const kill = setTimeout(() => process.kill(-pid, 'SIGKILL'), 5000)
    await once(child, 'exit')
    clearTimeout(kill)
  }

  try {
    await waitForHealth(`http://127.0.0.1:${port}/api/health`, () => child.exitCode !== null)
  } catch (err) {
    await stop()
    throw new Error(`${(err as Error).message}\n--- wrangler dev output ---\n${output}`)
  }
  return stop
}

/** Features an earlier --disable-features turns off that the last one, the one Chrome reads, leaves on. */
function droppedFeatures(args: string[]): string[] {
  const lists = args.filter((a) => a.startsWith('--disable-features=')).map((a) => a.slice('--disable-features='.length).split(','))
  const last = new Set(lists.at(-1))
  return lists.slice(0, -1).flat().filter((feature) => !last.has(feature))
}

/** A port nothing listens on now: the system picks it for a moment's listener. */
async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = server.address() as AddressInfo
  server.close()
  await once(server, 'close')
  return port
}

async function waitForHealth(url: string, exited: () => boolean) {
  const deadline = Date.now() + STARTUP_MS
  while (Date.now() < deadline) {
    if (exited()) throw new Error('wrangler dev exited before the Worker was ready')
    if (await answers(url)) return
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error(`The Worker did not answer ${url} within ${STARTUP_MS / 1000} s`)
}

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(url)).ok
  } catch {
    return false
  }
}
