import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isVerityApiError } from '../client/errors.js';

/** Whether a failure is the browser being offline (not the API failing). */
export function isOfflineError(error: unknown): boolean {
  return isVerityApiError(error) && error.code === 'network' && !navigator.onLine;
}

/**
 * Loads again by itself once the browser is back online, after loading failed because it was
 * offline. However often loading fails, a widget holds at most one `online` listener, and none
 * while it is not in the document (it listens again when it comes back).
 */
export class OnlineRetryController implements ReactiveController {
  private waiting = false;
  private listening = false;
  private connected = false;

  constructor(
    host: ReactiveControllerHost,
    private readonly retry: () => void,
  ) {
    host.addController(this);
  }

  /** Call after every failure: an offline one makes the widget wait for `online`. */
  failed(error: unknown): void {
    if (!isOfflineError(error)) return;
    this.waiting = true;
    // A request that fails after the widget left the page waits until it is back.
    if (this.connected) this.listen(true);
  }

  hostConnected(): void {
    this.connected = true;
    if (this.waiting) this.listen(true);
  }

  hostDisconnected(): void {
    this.connected = false;
    this.listen(false);
  }

  private listen(on: boolean): void {
    if (on === this.listening) return;
    this.listening = on;
    if (on) window.addEventListener('online', this.onOnline);
    else window.removeEventListener('online', this.onOnline);
  }

  private readonly onOnline = (): void => {
    this.waiting = false;
    this.listen(false);
    this.retry();
  };
}
