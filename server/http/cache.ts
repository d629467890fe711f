/**
 * A small in-process cache of hot GET answers (summaries, list pages), so most of them cost no
 * query at all. Entries belong to a scope (a business, a review) and live briefly: a write on this
 * server invalidates its scope at once, and a write on another server behind the same load
 * balancer is seen here after at most `ttlMs`. A read that started before an invalidation does not
 * store its (possibly stale) answer.
 */
import { createHash } from 'node:crypto';

export interface CachedAnswer {
  body: string;
  etag: string;
}

interface Entry {
  answer: CachedAnswer;
  scopes: string[];
  generations: number[];
  expires: number;
}

/** A weak validator: same bytes, same tag. */
export function etagOf(body: string): string {
  return `W/"${createHash('sha1').update(body).digest('base64url')}"`;
}

export class ResponseCache {
  private readonly entries = new Map<string, Entry>();
  private readonly generations = new Map<string, number>();
  private readonly flights = new Map<string, { generations: number[]; promise: Promise<CachedAnswer> }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 5000,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Call before reading from the database; pass the result to `set`. */
  snapshot(scopes: string[]): number[] {
    return scopes.map((scope) => this.generations.get(scope) ?? 0);
  }

  get(key: string): CachedAnswer | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    const fresh =
      entry.expires > this.clock() &&
      entry.scopes.every((s, i) => (this.generations.get(s) ?? 0) === entry.generations[i]);
    if (!fresh) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.answer;
  }

  set(key: string, scopes: string[], generations: number[], answer: CachedAnswer): void {
    if (this.ttlMs <= 0) return;
    if (scopes.some((s, i) => (this.generations.get(s) ?? 0) !== generations[i])) return;
    this.entries.delete(key);
    this.entries.set(key, { answer, scopes, generations, expires: this.clock() + this.ttlMs });
    // Oldest first out: Map keeps insertion order.
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  /**
   * The cached answer, or the one `compute` makes. Requests that miss at the same moment share one
   * computation (when an entry expires under load, the database sees one query, not one per
   * connection), unless a write invalidated the scope after that computation started.
   */
  async answer(key: string, scopes: string[], compute: () => Promise<CachedAnswer>): Promise<CachedAnswer> {
    const cached = this.get(key);
    if (cached) return cached;
    const current = this.snapshot(scopes);
    const flight = this.flights.get(key);
    if (flight && flight.generations.every((g, i) => g === current[i])) return flight.promise;
    const promise = compute();
    this.flights.set(key, { generations: current, promise });
    try {
      const answer = await promise;
      this.set(key, scopes, current, answer);
      return answer;
    } finally {
      if (this.flights.get(key)?.promise === promise) this.flights.delete(key);
    }
  }

  invalidate(...scopes: string[]): void {
    for (const scope of scopes) this.generations.set(scope, (this.generations.get(scope) ?? 0) + 1);
  }
}
