import { css } from 'lit';

export const badgeStyles = css`
  :host {
    --line: 1.5em;
    --gap: 0.15em;
    --star-size: var(--verity-star-size, 1.25em);
    position: relative;
    display: inline-block;
    vertical-align: middle;
  }

  /* The same box before the code arrives (reserve.css), while loading, and loaded. */
  :host([variant='compact']) {
    height: 1.5em;
    line-height: 1.5;
  }

  .badge {
    display: grid;
    row-gap: var(--gap);
    color: inherit;
  }

  /* Space is reserved from the first paint: loading, loaded and failed badges are one size. */
  .badge.full {
    min-height: calc(3 * var(--line) + 2 * var(--gap));
    min-width: 14em;
  }

  .badge.compact {
    display: inline-flex;
    align-items: center;
    gap: 0.35em;
    height: var(--line);
    min-width: 8em;
    text-decoration: none;
  }

  a.badge.compact:hover .average,
  a.badge.compact:hover .count {
    text-decoration: underline;
  }

  .line {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    column-gap: 0.45em;
    min-height: var(--line);
  }

  .muted {
    color: var(--muted);
    font-size: 0.875em;
  }

  .average {
    font-weight: 700;
    font-variant-numeric: tabular-nums;
  }

  .grade {
    font-weight: 600;
  }

  .count {
    font-variant-numeric: tabular-nums;
  }

  .badge.compact .count {
    color: var(--muted);
  }

  .count + .invited::before {
    content: '·';
    margin-inline-end: 0.45em;
  }

  .empty-text {
    color: var(--muted);
  }

  .skeleton {
    height: 1em;
  }

  .stars-skeleton {
    width: calc(var(--star-size) * 5.32);
    height: var(--star-size);
  }

  .w-average {
    width: 2.2em;
  }

  .w-grade {
    width: 5em;
  }

  .w-count {
    width: 12em;
  }

  .w-verified {
    width: 10em;
  }
`;
