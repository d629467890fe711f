import { ensureTranslation } from './localize.js';
import { TaskStatus } from '@lit/task';
import type { Task } from '@lit/task';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * One polite "Loading reviews…" per page, however many widgets load. A category page of 24
 * badges used to make 24 announcements; now the skeletons are only `aria-busy`, and a single
 * visually hidden live region of the document (created the first time anything loads) speaks
 * once while any widget is loading, and falls silent when the last one is done.
 */

/** A load that is over this soon is not announced at all (and a new live region is heard). */
const ANNOUNCE_AFTER_MS = 150;

const loading = new Set<LoadingAnnouncer>();
let region: HTMLElement | undefined;
let timer: ReturnType<typeof setTimeout> | undefined;

function liveRegion(): HTMLElement {
  if (!region) {
    region = document.createElement('div');
    region.setAttribute('role', 'status');
    region.setAttribute('aria-live', 'polite');
    region.setAttribute('data-verity-live', '');
    // Visually hidden through the CSSOM, which a strict style-src allows.
    Object.assign(region.style, {
      position: 'absolute',
      width: '1px',
      height: '1px',
      margin: '-1px',
      padding: '0',
      border: '0',
      overflow: 'hidden',
      clipPath: 'inset(50%)',
      whiteSpace: 'nowrap',
    });
  }
  if (!region.isConnected) document.body.append(region);
  return region;
}

function start(owner: LoadingAnnouncer): void {
  loading.add(owner);
  if (loading.size > 1) return;
  const target = liveRegion();
  timer = setTimeout(() => {
    // Said in the widget's language: if its texts are still on the way, once they are here.
    const [first] = loading;
    const say = () => {
      if (first && loading.has(first)) target.textContent = first.currentText() ?? '';
    };
    const pending = first?.languagePending();
    if (pending) void pending.then(say, say);
    else say();
  }, ANNOUNCE_AFTER_MS);
}

function stop(owner: LoadingAnnouncer): void {
  if (!loading.delete(owner) || loading.size > 0) return;
  clearTimeout(timer);
  if (region) region.textContent = '';
}

/** Adds a widget to the page's loading announcement while `text()` says what it is loading. */
export class LoadingAnnouncer implements ReactiveController {
  constructor(
    private readonly host: ReactiveControllerHost & { readonly resolvedLocale?: string },
    /** The text to say while the widget is loading, `undefined` when it is not. */
    private readonly text: () => string | undefined,
  ) {
    host.addController(this);
  }

  /** Resolves when the widget's language is loaded; `undefined` when it is already. */
  languagePending(): Promise<void> | undefined {
    return this.host.resolvedLocale ? ensureTranslation(this.host.resolvedLocale) : undefined;
  }

  /** What the widget is loading, in its language; `undefined` when it is not loading. */
  currentText(): string | undefined {
    return this.text();
  }

  hostUpdated(): void {
    if (this.text() === undefined) stop(this);
    else if (!loading.has(this)) start(this);
  }

  hostDisconnected(): void {
    stop(this);
  }
}

/** Whether a task shows what it loaded, or its failure: it is not loading (any more). */
export function settled(task: Task<readonly unknown[], unknown>): boolean {
  return task.status === TaskStatus.ERROR || (task.status === TaskStatus.COMPLETE && task.value !== undefined);
}
