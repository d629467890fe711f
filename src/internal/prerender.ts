/**
 * What a widget is server-rendered with (`verity-reviews/ssr`). The server sets it for the one
 * widget it renders, synchronously, and the widget's tasks start COMPLETE with it (a task's
 * `initialValue`), so the server's render shows the data, not a skeleton. In a browser nothing is
 * ever set: the widget loads as always, its client answering from the data the server embedded.
 */
import type { Prefetched, VerityClient } from '../client/client.js';
import type { Review, ReviewPage, Summary } from '../client/schemas.js';

export interface PrerenderData {
  summary?: Summary | undefined;
  page?: ReviewPage | undefined;
  review?: Review | undefined;
}

let current: PrerenderData | undefined;

/** Runs `render` with `data` as what the widget constructed during it is rendered with. */
export function withPrerenderData<T>(data: PrerenderData, render: () => T): T {
  const outer = current;
  current = data;
  try {
    return render();
  } finally {
    current = outer;
  }
}

/** A task's `initialValue` while a server renders, else nothing (spread into the task's config). */
export function prerendered<K extends keyof PrerenderData>(
  key: K,
): { initialValue: NonNullable<PrerenderData[K]> } | Record<string, never> {
  const value = current?.[key];
  return value === undefined ? {} : { initialValue: value as NonNullable<PrerenderData[K]> };
}

/** The data a server-rendered widget carries for its client, in a JSON block of its light DOM. */
export const PREFETCHED_SELECTOR = ':scope > script[type="application/json"][data-verity-prefetched]';

/**
 * Hands the data a server rendered `host` with to its client once, so the widget's first load
 * is answered from it without a request. Whatever the block holds, the client validates it.
 */
export function primeFrom(host: Element, client: VerityClient): void {
  const block = typeof host.querySelector === 'function' ? host.querySelector(PREFETCHED_SELECTOR) : null;
  if (!block?.textContent) return;
  try {
    client.prime?.(JSON.parse(block.textContent) as Prefetched);
  } catch {
    // Not JSON: the widget loads as if it had not been server-rendered.
  }
}

/** The value a server renders the widget with, for state that a task's completion sets. */
export function prerenderedValue<K extends keyof PrerenderData>(key: K): PrerenderData[K] {
  return current?.[key];
}
