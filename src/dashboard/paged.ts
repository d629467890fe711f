/**
 * A paged list as the dashboard shows one: the first page through a `Task` (its arguments are
 * the filters, so a new filter aborts the old request), then "Load more" one page at a time —
 * never everything at once — and room for optimistic changes (an approved review leaves the
 * inbox at once and comes back if the API says no).
 */
import type { Task } from '@lit/task';
import type { ReactiveControllerHost } from 'lit';

export interface PageAnswer<T> {
  items: T[];
  nextCursor: string | null;
  total: number;
}

export type PageFetcher<T, A extends readonly unknown[]> = (
  args: A,
  cursor: string | undefined,
  signal: AbortSignal,
) => Promise<PageAnswer<T>>;

type Loader = <R, A extends readonly unknown[]>(
  task: (args: A, signal: AbortSignal) => Promise<R>,
  args: () => A,
) => Task<A, R>;

export class Paged<T extends { id: string }, A extends readonly unknown[]> {
  items: T[] = [];
  total = 0;
  nextCursor: string | null = null;
  loadingMore = false;
  moreFailed = false;
  readonly task: Task<A, PageAnswer<T>>;
  private more?: AbortController;

  constructor(
    private readonly host: ReactiveControllerHost,
    load: Loader,
    private readonly fetchPage: PageFetcher<T, A>,
    private readonly args: () => A,
  ) {
    this.task = load<PageAnswer<T>, A>(async (values, signal) => {
      this.more?.abort();
      const page = await fetchPage(values, undefined, signal);
      this.items = [...page.items];
      this.total = page.total;
      this.nextCursor = page.nextCursor;
      this.loadingMore = false;
      this.moreFailed = false;
      return page;
    }, args);
  }

  /** Appends the next page; resolves with how many items came. */
  async loadMore(): Promise<number> {
    if (!this.nextCursor || this.loadingMore) return 0;
    this.loadingMore = true;
    this.moreFailed = false;
    this.host.requestUpdate();
    const controller = new AbortController();
    this.more = controller;
    try {
      const page = await this.fetchPage(this.args(), this.nextCursor, controller.signal);
      const known = new Set(this.items.map((item) => item.id));
      const added = page.items.filter((item) => !known.has(item.id));
      this.items = [...this.items, ...added];
      this.total = page.total;
      this.nextCursor = page.nextCursor;
      return added.length;
    } catch (error) {
      if (!controller.signal.aborted) this.moreFailed = true;
      throw error;
    } finally {
      if (this.more === controller) this.loadingMore = false;
      this.host.requestUpdate();
    }
  }

  /** Takes an item out (optimistically); returns where it was, to put it back. */
  remove(item: T): number {
    const index = this.items.indexOf(item);
    if (index >= 0) {
      this.items = this.items.filter((other) => other !== item);
      this.total = Math.max(0, this.total - 1);
      this.host.requestUpdate();
    }
    return index;
  }

  /** Puts an item back where it was (the API refused the change). */
  restore(item: T, index: number): void {
    if (this.items.includes(item)) return;
    const items = [...this.items];
    items.splice(Math.min(Math.max(index, 0), items.length), 0, item);
    this.items = items;
    this.total += 1;
    this.host.requestUpdate();
  }

  /** Replaces an item by one with the same id (an answer with the new state). */
  replace(item: T): void {
    this.items = this.items.map((other) => (other.id === item.id ? item : other));
    this.host.requestUpdate();
  }
}
