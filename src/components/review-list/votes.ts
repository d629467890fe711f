/**
 * Helpful votes: one per browser and review (remembered in `localStorage`), counted at once and
 * rolled back with a message when the API refuses or cannot be reached.
 */
import type { ReactiveController } from 'lit';
import type { Review } from '../../client/schemas.js';
import type { WidgetHost, WidgetServices } from '../../internal/element.js';
import { keysWithPrefix, removeItem, writeItem } from '../../internal/storage.js';

const PREFIX = 'verity-helpful:';
const voteKey = (id: string): string => `${PREFIX}${id}`;

export class VotesController implements ReactiveController {
  private counts = new Map<string, number>();
  /** This browser's votes, read from storage once each time the list is put on the page. */
  private votes = new Set<string>();
  /** The review whose vote just failed: its card says so. */
  failed?: string;

  constructor(
    private readonly host: WidgetHost,
    private readonly services: WidgetServices,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.votes = keysWithPrefix(PREFIX);
  }

  /** The count to show: the one this browser's vote produced, else the API's. */
  count(review: Review): number {
    return this.counts.get(review.id) ?? review.helpfulCount;
  }

  voted(id: string): boolean {
    return this.votes.has(voteKey(id));
  }

  private setCount(id: string, count: number): void {
    this.counts = new Map(this.counts).set(id, count);
    this.host.requestUpdate();
  }

  readonly vote = async (review: Review): Promise<void> => {
    const client = this.services.client();
    if (!client || this.voted(review.id)) return;
    const before = this.count(review);
    writeItem(voteKey(review.id), '1');
    this.votes.add(voteKey(review.id));
    this.failed = undefined;
    this.setCount(review.id, before + 1);
    try {
      const { helpfulCount } = await client.voteHelpful(review.id);
      this.setCount(review.id, helpfulCount);
    } catch (error) {
      removeItem(voteKey(review.id));
      this.votes.delete(voteKey(review.id));
      this.failed = review.id;
      this.setCount(review.id, before);
      this.services.reportError(error);
    }
  };
}
