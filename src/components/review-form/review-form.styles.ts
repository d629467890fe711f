import { css } from 'lit';

export const formStyles = css`
  :host {
    display: block;
    max-width: 40rem;
  }

  form,
  .thanks {
    display: grid;
    gap: 1rem;
  }

  .title,
  .thanks h3 {
    margin: 0;
    font-size: 1.3em;
  }

  .thanks h3:focus {
    outline: none;
  }

  .field {
    display: grid;
    gap: 0.3rem;
  }

  .field > label,
  .label {
    font-weight: 600;
  }

  .field.check {
    grid-template-columns: auto 1fr;
    align-items: start;
    column-gap: 0.6rem;
  }

  .field.check > label {
    font-weight: normal;
  }

  .field.check .message {
    grid-column: 1 / -1;
  }

  .check input {
    width: 1.25rem;
    height: 1.25rem;
    margin: 0.15rem 0 0;
    accent-color: var(--link);
  }

  input[type='text'],
  input[type='email'],
  input[type='date'],
  select,
  textarea {
    width: 100%;
    min-height: 44px;
    padding: 0.5em 0.65em;
    border: 1px solid var(--border);
    border-radius: calc(var(--radius) / 2);
    background: var(--surface);
    color: var(--text);
    font: inherit;
  }

  textarea {
    resize: vertical;
  }

  .invalid input,
  .invalid select,
  .invalid textarea {
    border-color: var(--error);
    border-width: 2px;
  }

  .hint,
  .counter {
    margin: 0;
    color: var(--muted);
    font-size: 0.875em;
  }

  .counter {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }

  .counter.short {
    color: var(--text);
  }

  .error-summary {
    padding: 0.75rem 1rem;
    border: 2px solid var(--error);
    border-radius: var(--radius);
  }

  .error-summary p {
    margin: 0 0 0.35rem;
  }

  .error-summary ul {
    margin: 0;
    padding-inline-start: 1.2rem;
  }

  .error-summary a {
    color: var(--error);
  }

  .notice {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
    margin: 0;
    padding: 0.65rem 0.9rem;
    border-inline-start: 4px solid var(--link);
    border-radius: calc(var(--radius) / 2);
    background: color-mix(in srgb, var(--link) 8%, transparent);
  }

  .notice p {
    margin: 0;
  }

  .notice.verified {
    border-color: var(--verified);
    background: color-mix(in srgb, var(--verified) 10%, transparent);
  }

  .notice.failure {
    border-color: var(--error);
    background: color-mix(in srgb, var(--error) 8%, transparent);
  }

  .live:empty {
    display: none;
  }

  .submit {
    justify-self: start;
  }

  .notice .button {
    min-height: 36px;
  }

  /* The honeypot: out of sight and out of the tab order; people never fill it. */
  .hp {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
