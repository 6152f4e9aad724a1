import { describe, expect, it, vi } from 'vitest'
import { findBrowser, type FoundBrowser, type Host } from './find-browser'

const PACKAGED: FoundBrowser = { executablePath: '/repo/node_modules/.cache/sparticuz-chromium-153.0.0/chromium', source: '@sparticuz/chromium' }

function host(over: Partial<Host> & { executables?: string[] }): Host {
  const executables = new Set(over.executables ?? [])
  return {
    env: { PATH: '/usr/local/bin:/usr/bin:/bin', HOME: '/home/dev' },
    platform: 'linux',
    arch: 'x64',
    isExecutable: (path) => executables.has(path),
    unpackPackaged: vi.fn(async () => PACKAGED),
    ...over,
  }
}

describe('finding a browser for the e2e tests', () => {
  it('takes CHROMIUM_PATH first, over an installed browser', async () => {
    const h = host({ env: { CHROMIUM_PATH: '/opt/chrome/chrome' }, executables: ['/opt/chrome/chrome', '/usr/bin/chromium'] })
    expect(await findBrowser(h)).toEqual({ executablePath: '/opt/chrome/chrome', source: 'CHROMIUM_PATH' })
  })

  it('says so when CHROMIUM_PATH is not an executable, rather than quietly using another browser', async () => {
    const h = host({ env: { CHROMIUM_PATH: '/nowhere/chrome' }, executables: ['/usr/bin/chromium'] })
    await expect(findBrowser(h)).rejects.toThrow('CHROMIUM_PATH=/nowhere/chrome is not an executable file')
  })

  it("prefers the system's Chromium or Chrome on Linux, and does not unpack the npm one", async () => {
    const h = host({ executables: ['/usr/bin/google-chrome'] })
    expect(await findBrowser(h)).toEqual({ executablePath: '/usr/bin/google-chrome', source: 'system' })
    expect(h.unpackPackaged).not.toHaveBeenCalled()
  })

  it('finds a browser on the PATH', async () => {
    const h = host({ env: { PATH: '/nix/profile/bin' }, executables: ['/nix/profile/bin/chromium'] })
    expect((await findBrowser(h)).executablePath).toBe('/nix/profile/bin/chromium')
  })

  it('uses the Chromium from npm on Linux x64 when none is installed', async () => {
    expect(await findBrowser(host({}))).toBe(PACKAGED)
  })

  it('uses Google Chrome or Chromium from Applications on macOS', async () => {
    const chrome = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'
    expect((await findBrowser(host({ platform: 'darwin', executables: [chrome] }))).executablePath).toBe(chrome)
    const chromium = '/home/dev/Applications/Chromium.app/Contents/MacOS/Chromium'
    expect((await findBrowser(host({ platform: 'darwin', executables: [chromium] }))).executablePath).toBe(chromium)
  })

  it('fails on macOS without Chrome with one message saying what to install or set', async () => {
    const h = host({ platform: 'darwin', arch: 'arm64' })
    await expect(findBrowser(h)).rejects.toThrow(
      'No Chrome or Chromium found for the browser tests. Install Google Chrome (https://www.google.com/chrome/) or Chromium (brew install --cask chromium), or set CHROMIUM_PATH to a Chrome or Chromium executable.',
    )
    expect(h.unpackPackaged).not.toHaveBeenCalled()
  })

  it('fails on Linux arm64 without a browser, where the npm Chromium cannot run', async () => {
    const h = host({ arch: 'arm64' })
    await expect(findBrowser(h)).rejects.toThrow(/runs on Linux x64 only\. Install Chromium \(Debian\/Ubuntu: apt-get install chromium\).*set CHROMIUM_PATH/)
    expect(h.unpackPackaged).not.toHaveBeenCalled()
  })

  it('fails on Linux x64 when the npm package is not installed, saying to run npm install', async () => {
    await expect(findBrowser(host({ unpackPackaged: async () => undefined }))).rejects.toThrow(/is not installed: run npm install/)
  })
})
