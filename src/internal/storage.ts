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

/**
 * The keys that start with `prefix`, in one pass: a widget that needs many small items (a vote
 * per review) reads them once, not one `getItem` per item on every render.
 */
export function keysWithPrefix(prefix: string): Set<string> {
  const keys = new Set<string>();
  for (const key of memory.keys()) if (key.startsWith(prefix)) keys.add(key);
  try {
    const storage = store();
    if (storage) {
      for (let i = 0; i < storage.length; i += 1) {
        const key = storage.key(i);
        if (key?.startsWith(prefix)) keys.add(key);
      }
    }
  } catch {
    // memory only
  }
  return keys;
}
