/**
 * Deep links: a link to `#verity-review-<id>` anywhere on the page (the quote's "Read the full
 * review", a review's own `url`) scrolls to that review's card, highlights it and gives it the
 * focus. A review that is not loaded is fetched and shown first, if it is one of the list's own.
 */
import type { ReactiveController } from 'lit';
import type { Review } from '../../client/schemas.js';
import { reviewIdFromHash } from '../../contract/anchor.js';
import type { WidgetHost, WidgetServices } from '../../internal/element.js';
import { isOwnReview } from '../../internal/ownership.js';
import type { ReviewScope } from '../../internal/ownership.js';
import { cardId } from './card.js';

export class DeepLinkController implements ReactiveController {
  /** The linked review when it is not among the loaded ones: shown first. */
  linked?: Review;
  /** The id of the highlighted review. */
  highlighted?: string;
  private handledHash?: string;

  constructor(
    private readonly host: WidgetHost,
    private readonly services: WidgetServices,
    /** The reviews loaded so far, and whose reviews the list shows. */
    private readonly list: { loaded(): Review[]; scope(): ReviewScope | undefined },
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('hashchange', this.onHashChange);
  }

  hostDisconnected(): void {
    window.removeEventListener('hashchange', this.onHashChange);
  }

  /** Forgets the fetched review (the filters changed: it may not match them). */
  clear(): void {
    this.linked = undefined;
  }

  private readonly onHashChange = (): void => {
    this.handledHash = undefined;
    void this.follow();
  };

  /** Scrolls to and highlights the review the page's URL names, fetching it when it is not loaded. */
  async follow(): Promise<void> {
    const hash = location.hash;
    const id = reviewIdFromHash(hash);
    if (id === undefined || this.handledHash === hash) return;
    this.handledHash = hash;
    const loaded = this.list.loaded().some((r) => r.id === id);
    if (!loaded && this.linked?.id !== id) {
      const client = this.services.client();
      if (!client) return;
      try {
        const review = await client.getReview(id);
        // Another business's or product's review may be shown by another widget on the page.
        const scope = this.list.scope();
        if (!scope || !isOwnReview(review, scope)) return;
        this.linked = review;
      } catch (error) {
        this.services.reportError(error);
        return;
      }
    }
    this.highlighted = id;
    this.host.requestUpdate();
    await this.host.updateComplete;
    const card = this.host.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(cardId({ id }))}`);
    if (!card) return;
    const smooth = !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    card.scrollIntoView({ block: 'start', behavior: smooth ? 'smooth' : 'auto' });
    card.focus({ preventScroll: true });
  }
}
