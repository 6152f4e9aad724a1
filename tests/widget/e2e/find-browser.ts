/**
 * Finds the Chromium that the browser tests drive, so `npm install && npm test` works on a machine
 * where nobody installed a browser. In this order:
 * 1. CHROMIUM_PATH, when set (it must be an executable; a wrong path is an error, not skipped);
 * 2. a Chrome or Chromium installed on the system;
 * 3. on Linux x64, the Chromium inside the npm package @sparticuz/chromium (a devDependency),
 *    unpacked once into node_modules/.cache by whoever runs the tests, so no root is needed.
 * Otherwise it fails with one message saying what to install.
 */
import { execFile } from 'node:child_process'
import { accessSync, constants, readFileSync, statSync } from 'node:fs'
import { chmod, mkdir, rename, rm } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { homedir } from 'node:os'
import { delimiter, dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'

export interface FoundBrowser {
  executablePath: string
  /** Where it came from, for the e2e setup's one line. */
  source: 'CHROMIUM_PATH' | 'system' | '@sparticuz/chromium'
  /** Extra environment for the browser process (the packaged one's own libraries when the system lacks them). */
  env?: Record<string, string>
}

/** What the search looks at; tests pass a fake one. */
export interface Host {
  env: Record<string, string | undefined>
  platform: NodeJS.Platform
  arch: string
  isExecutable(path: string): boolean
  /** Unpacks the npm package's Chromium; undefined when the package is not installed. */
  unpackPackaged(): Promise<FoundBrowser | undefined>
}

const LINUX_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']
const MAC_APPS = ['Google Chrome.app/Contents/MacOS/Google Chrome', 'Chromium.app/Contents/MacOS/Chromium']

/** Installed browsers to try, most usual first. */
export function systemCandidates(host: Pick<Host, 'env' | 'platform'>): string[] {
  if (host.platform === 'darwin') {
    const home = host.env.HOME ?? homedir()
    return [...MAC_APPS.map((app) => `/Applications/${app}`), ...MAC_APPS.map((app) => `${home}/Applications/${app}`)]
  }
  if (host.platform !== 'linux') return []
  const onPath = (host.env.PATH ?? '').split(delimiter).filter(Boolean)
  const dirs = [...new Set(['/usr/bin', ...onPath, '/snap/bin'])]
  return LINUX_NAMES.flatMap((name) => dirs.map((dir) => join(dir, name)))
}

export function notFoundMessage(platform: NodeJS.Platform, arch: string): string {
  const install =
    platform === 'darwin'
      ? 'Install Google Chrome (https://www.google.com/chrome/) or Chromium (brew install --cask chromium)'
      : platform === 'linux'
        ? `The Chromium from npm (@sparticuz/chromium) runs on Linux x64 only${arch === 'x64' ? ' and is not installed: run npm install' : ''}. Install Chromium (Debian/Ubuntu: apt-get install chromium) or Google Chrome`
        : 'Install Google Chrome or Chromium'
  return `No Chrome or Chromium found for the browser tests. ${install}, or set CHROMIUM_PATH to a Chrome or Chromium executable.`
}

export async function findBrowser(host: Host = realHost()): Promise<FoundBrowser> {
  const given = host.env.CHROMIUM_PATH
  if (given) {
    if (!host.isExecutable(given)) throw new Error(`CHROMIUM_PATH=${given} is not an executable file. Point it at a Chrome or Chromium executable, or unset it.`)
    return { executablePath: given, source: 'CHROMIUM_PATH' }
  }
  const installed = systemCandidates(host).find((path) => host.isExecutable(path))
  if (installed) return { executablePath: installed, source: 'system' }
  if (host.platform === 'linux' && host.arch === 'x64') {
    const packaged = await host.unpackPackaged()
    if (packaged) return packaged
  }
  throw new Error(notFoundMessage(host.platform, host.arch))
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK)
    return statSync(path).isFile()
  } catch {
    return false
  }
}

const ROOT = fileURLToPath(new URL('../../../', import.meta.url))

export function realHost(): Host {
  return {
    env: process.env,
    platform: process.platform,
    arch: process.arch,
    isExecutable,
    unpackPackaged: () => unpackPackaged(ROOT),
  }
}

/**
 * The package ships Chromium brotli-compressed, and its executablePath() unpacks it to
 * /tmp/chromium: shared by every checkout and user, mode 0700, and reused whatever version or
 * state it is in. So its inflate() runs in a child whose TMPDIR is a fresh directory of ours,
 * which is then renamed into place: two runs at once each unpack a copy and one rename wins, and
 * a half-unpacked copy is never used.
 */
async function unpackPackaged(root: string): Promise<FoundBrowser | undefined> {
  let entry: string
  try {
    entry = createRequire(join(root, 'package.json')).resolve('@sparticuz/chromium')
  } catch {
    return undefined
  }
  const pkg = join(dirname(entry), '..')
  const { version } = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')) as { version: string }
  // node_modules belongs to whoever ran npm install (Vitest too needs to write there).
  const dir = join(root, 'node_modules', '.cache', `sparticuz-chromium-${version}`)
  try {
    await unpackInto(dir, join(pkg, 'bin'), root)
  } catch (err) {
    throw new Error(`Could not unpack the Chromium of @sparticuz/chromium ${version} into ${dir}: ${(err as Error).message}`)
  }
  return { executablePath: join(dir, 'chromium'), source: '@sparticuz/chromium', env: await ownLibraries(dir) }
}

async function unpackInto(dir: string, bin: string, root: string): Promise<void> {
  if (isExecutable(join(dir, 'chromium'))) return
  const partial = `${dir}.partial-${process.pid}`
  await rm(partial, { recursive: true, force: true })
  await mkdir(partial, { recursive: true })
  try {
    // The browser, the software GL it falls back on, and the shared libraries for ownLibraries(); not
    // the fonts, whose fonts.conf names Lambda's directories.
    const script = `import { inflate } from '@sparticuz/chromium'
      await Promise.all(['chromium.br', 'swiftshader.tar.br', 'al2023.tar.br'].map((f) => inflate(process.argv[1] + '/' + f)))`
    await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script, bin], { cwd: root, env: { ...process.env, TMPDIR: partial } })
    await chmod(join(partial, 'chromium'), 0o755)
    await rename(partial, dir)
  } catch (err) {
    await rm(partial, { recursive: true, force: true })
    // Another run unpacked the same version first.
    if (isExecutable(join(dir, 'chromium'))) return
    throw err
  }
}

/**
 * The packaged Chromium links to NSS, NSPR and expat, which most Linux systems have. Where the
 * system lacks one, the browser gets the copies the package ships for Amazon Linux 2023.
 */
async function ownLibraries(dir: string): Promise<Record<string, string> | undefined> {
  const ldd = await promisify(execFile)('ldd', [join(dir, 'chromium')]).then(
    ({ stdout }) => stdout,
    () => '',
  )
  if (!ldd.includes('not found')) return undefined
  const lib = join(dir, 'al2023', 'lib')
  return { LD_LIBRARY_PATH: [lib, process.env.LD_LIBRARY_PATH].filter(Boolean).join(delimiter) }
}
