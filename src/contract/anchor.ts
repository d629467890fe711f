/**
 * A review's anchor on the shop's review page: the list gives each card the id
 * `verity-review-<id>`, a link to `#verity-review-<id>` scrolls to it (the quote's "Read the full
 * review", the review's own `url` in the API). Built here only, so the widgets, the mocks and the
 * server cannot drift apart.
 */
const PREFIX = 'verity-review-';

/** The card's element id, and the fragment (without `#`) that links to it. */
export function reviewAnchor(id: string): string {
  return `${PREFIX}${id}`;
}

/** The review a page's `location.hash` links to, if it names one. */
export function reviewIdFromHash(hash: string): string | undefined {
  if (!hash.startsWith(`#${PREFIX}`) || hash.length === PREFIX.length + 1) return undefined;
  try {
    return decodeURIComponent(hash.slice(PREFIX.length + 1));
  } catch {
    return undefined;
  }
}

/** A review's permalink on the shop's own review page (`<shop>/reviews#verity-review-<id>`). */
export function reviewUrl(businessUrl: string | null | undefined, id: string): string {
  return `${(businessUrl ?? '').replace(/\/+$/, '')}/reviews#${reviewAnchor(encodeURIComponent(id))}`;
}
