/**
 * Links that came over the network are used only when they are `http(s)`: a `javascript:` or
 * `data:` URL from a compromised or buggy API must never become a clickable link.
 */
export function safeHttpUrl(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value, globalThis.location?.href);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
