import { css } from 'lit';

export const listStyles = css`
  :host {
    display: block;
    container-type: inline-size;
  }

  .list-root {
    display: grid;
    gap: 1rem;
  }

  /* Header: the score and the histogram side by side when there is room. */
  .header {
    display: grid;
    gap: 1rem 2rem;
    grid-template-columns: minmax(0, 1fr);
    padding-bottom: 1rem;
    border-bottom: 1px solid var(--border);
  }

  @container (min-width: 36rem) {
    .header {
      grid-template-columns: minmax(14rem, 1fr) minmax(14rem, 1.2fr);
    }
  }

  .score {
    position: relative;
    display: grid;
    align-content: start;
    gap: 0.35rem;
  }

  .score p {
    margin: 0;
  }

  .average-line {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
  }

  .big-average {
    font-size: 2.25em;
    font-weight: 700;
    line-height: 1;
    font-variant-numeric: tabular-nums;
  }

  .grade {
    font-weight: 600;
  }

  .based-on,
  .no-score {
    color: var(--muted);
  }

  .histogram {
    display: grid;
    gap: 0.25rem;
    align-content: start;
  }

  .bar-row {
    display: grid;
    grid-template-columns: 3em 1fr 3.5em;
    align-items: center;
    gap: 0.6rem;
    min-height: 28px;
    padding: 0.1rem 0.4rem;
    border: 1px solid transparent;
    border-radius: calc(var(--radius) / 2);
    background: transparent;
    cursor: pointer;
    text-align: start;
  }

  .bar-row:hover {
    border-color: var(--border);
  }

  .bar-row[aria-pressed='true'] {
    border-color: var(--link);
    background: color-mix(in srgb, var(--link) 10%, transparent);
  }

  /* An SVG, not a styled width: a style attribute would break a strict Content-Security-Policy. */
  .bar {
    display: block;
    width: 100%;
    height: 0.6rem;
    border-radius: 999px;
    overflow: hidden;
  }

  .bar-track {
    fill: var(--star-empty);
  }

  .bar-fill {
    fill: var(--star);
  }

  .bar-count {
    color: var(--muted);
    font-variant-numeric: tabular-nums;
    text-align: end;
  }

  /* Controls */
  .controls {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.75rem 1.25rem;
  }

  .control {
    display: inline-flex;
    align-items: center;
    gap: 0.5rem;
  }

  .control select,
  .control input[type='search'] {
    min-height: 36px;
    padding: 0.3em 0.5em;
    border: 1px solid var(--border);
    border-radius: calc(var(--radius) / 2);
    background: var(--surface);
  }

  .search {
    flex: 1 1 12rem;
  }

  .search input {
    width: 100%;
  }

  .check input {
    width: 1.1rem;
    height: 1.1rem;
    accent-color: var(--link);
  }

  .filter-notice {
    margin: 0;
    padding: 0.5rem 0.75rem;
    border-inline-start: 3px solid var(--link);
    background: color-mix(in srgb, var(--link) 8%, transparent);
  }

  .result-count {
    margin: 0;
    color: var(--muted);
    font-size: 0.875em;
  }

  .results[aria-busy='true'] {
    opacity: 0.6;
  }

  /* Cards */
  .reviews {
    display: grid;
    gap: 0;
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .card {
    display: grid;
    gap: 0.4rem;
    padding: 1rem 0.25rem;
    border-bottom: 1px solid var(--border);
    scroll-margin-top: 1rem;
  }

  .card:focus {
    outline: none;
  }

  .card:focus-visible {
    outline: 2px solid var(--focus);
    outline-offset: 2px;
  }

  .card.highlighted {
    padding-inline: 0.75rem;
    border-radius: var(--radius);
    background: color-mix(in srgb, var(--star) 14%, transparent);
    box-shadow: 0 0 0 2px var(--star);
  }

  .linked-label {
    margin: 0;
    font-size: 0.8em;
    font-weight: 700;
    text-transform: uppercase;
    letter-spacing: 0.04em;
    color: var(--muted);
  }

  .card-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 0.75rem;
  }

  .card-title {
    margin: 0;
    font-size: 1.05em;
    overflow-wrap: anywhere;
  }

  .card-meta,
  .card-dates {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.9rem;
    margin: 0;
    color: var(--muted);
    font-size: 0.875em;
  }

  .author {
    color: var(--text);
    font-weight: 600;
    overflow-wrap: anywhere;
  }

  .card-body {
    white-space: pre-line;
    overflow-wrap: anywhere;
  }

  .read-more {
    justify-self: start;
  }

  .reply {
    margin-top: 0.25rem;
    padding: 0.6rem 0.8rem;
    border-inline-start: 3px solid var(--border);
    border-radius: calc(var(--radius) / 2);
    background: color-mix(in srgb, var(--muted) 8%, transparent);
  }

  .reply p {
    margin: 0 0 0.25rem;
    font-size: 0.875em;
  }

  .reply-body {
    white-space: pre-line;
    overflow-wrap: anywhere;
  }

  .card-actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
  }

  .action {
    display: inline-flex;
    align-items: center;
    gap: 0.35rem;
    min-height: 32px;
    padding: 0.2rem 0.7rem;
    border: 1px solid var(--border);
    border-radius: 999px;
    background: transparent;
    color: var(--text);
    font-size: 0.875em;
    cursor: pointer;
  }

  .action[aria-pressed='true'] {
    border-color: var(--link);
    color: var(--link);
  }

  .action[aria-disabled='true'] {
    cursor: default;
  }

  .action .icon {
    width: 1em;
    height: 1em;
    fill: currentColor;
  }

  .vote-error {
    margin: 0;
    color: light-dark(#b42318, #ff8a80);
    font-size: 0.875em;
  }

  .more {
    display: grid;
    justify-items: center;
    gap: 0.5rem;
    padding-top: 1rem;
  }

  /* States */
  .state {
    display: grid;
    justify-items: center;
    gap: 0.75rem;
    padding: 2rem 1rem;
    text-align: center;
  }

  .state p {
    margin: 0;
  }

  .skeleton-list {
    display: grid;
    min-height: 28rem;
  }

  .skeleton-card {
    min-height: 9.5rem;
  }

  .skeleton {
    display: block;
    height: 0.9rem;
  }

  .sk-average {
    width: 7rem;
    height: 2.2rem;
  }

  .sk-line {
    width: 15rem;
  }

  .sk-bar {
    height: 0.6rem;
    margin: 0.5rem 0;
  }

  .sk-stars {
    width: 7rem;
    height: 1.2rem;
  }

  .sk-title {
    width: 45%;
  }

  .sk-text {
    width: 100%;
  }

  .sk-short {
    width: 60%;
  }

  /* The report dialog */
  dialog {
    width: min(32rem, calc(100vw - 2rem));
    padding: 1.25rem;
    border: 1px solid var(--border);
    border-radius: var(--radius);
    background: var(--surface);
    color: var(--text);
  }

  dialog::backdrop {
    background: rgb(0 0 0 / 0.45);
  }

  dialog h2 {
    margin: 0 0 0.75rem;
    font-size: 1.2em;
  }

  fieldset {
    display: grid;
    gap: 0.35rem;
    margin: 0 0 1rem;
    padding: 0;
    border: 0;
  }

  legend {
    margin-bottom: 0.5rem;
    font-weight: 600;
  }

  .reason {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    min-height: 32px;
  }

  .reason.closed {
    color: var(--muted);
  }

  .hint {
    margin: 0.25rem 0 0;
    color: var(--muted);
    font-size: 0.875em;
  }

  .note {
    display: grid;
    gap: 0.35rem;
  }

  textarea {
    padding: 0.5em;
    border: 1px solid var(--border);
    border-radius: calc(var(--radius) / 2);
    background: var(--surface);
    resize: vertical;
  }

  .dialog-actions {
    display: flex;
    justify-content: flex-end;
    gap: 0.75rem;
    margin-top: 1rem;
  }

  @media (forced-colors: active) {
    .bar-fill {
      fill: CanvasText;
    }
    .card.highlighted {
      outline: 2px solid Highlight;
    }
  }
`;
