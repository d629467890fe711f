import { css } from 'lit';

export const quoteStyles = css`
  :host {
    display: block;
  }

  :host([variant='inline']) {
    display: inline;
  }

  figure {
    margin: 0;
  }

  .card {
    display: grid;
    gap: 0.6rem;
    /* Room for a three-line quote and its caption, reserved while loading too. */
    min-height: 12.5rem;
    align-content: start;
    padding: 1.1rem 1.25rem;
    border: 1px solid var(--border);
    border-radius: var(--radius);
    background: var(--surface);
  }

  blockquote {
    margin: 0;
    font-size: 1.1em;
    line-height: 1.45;
    overflow-wrap: anywhere;
  }

  .card blockquote::before {
    content: open-quote;
  }

  .card blockquote::after {
    content: close-quote;
  }

  figcaption {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.3rem 0.75rem;
    color: var(--muted);
    font-size: 0.875em;
  }

  .author {
    color: var(--text);
    font-weight: 600;
  }

  .inline blockquote,
  .inline figcaption {
    display: inline;
  }

  .inline blockquote {
    font-size: inherit;
    font-style: italic;
  }

  .inline blockquote::before {
    content: open-quote;
  }

  .inline blockquote::after {
    content: close-quote;
  }

  .inline figcaption > * {
    margin-inline-start: 0.5em;
  }

  .skeleton {
    display: block;
    height: 1rem;
  }

  .sk-long {
    width: 100%;
  }

  .sk-short {
    width: 55%;
  }

  .inline .skeleton {
    display: inline-block;
    width: 16rem;
    vertical-align: middle;
  }
`;
