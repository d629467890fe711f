/**
 * `localStorage` that never throws: it is missing or refuses writes in private modes, sandboxed
 * iframes and when full. A widget then falls back to memory for the visit.
 */
const memory = new Map<string, string>();

function store(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

export function readItem(key: string): string | null {
  try {
    const value = store()?.getItem(key);
    if (value !== undefined && value !== null) return value;
  } catch {
    // fall through to memory
  }
  return memory.get(key) ?? null;
}

export function writeItem(key: string, value: string): void {
  memory.set(key, value);
  try {
    store()?.setItem(key, value);
  } catch {
    // memory keeps it for this visit
  }
}

export function removeItem(key: string): void {
  memory.delete(key);
  try {
    store()?.removeItem(key);
  } catch {
    // nothing more to do
  }
}
