/** Parses `url` (relative to `base`, if given) and keeps it only if it is http(s): never javascript:, data: or garbage. */
export function httpUrl(url: string | undefined, base?: string): URL | undefined {
  if (!url) return undefined
  try {
    const u = new URL(url, base)
    return u.protocol === 'https:' || u.protocol === 'http:' ? u : undefined
  } catch {
    return undefined
  }
}
