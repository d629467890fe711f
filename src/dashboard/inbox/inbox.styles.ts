import { css } from 'lit';

export const inboxStyles = css`
  .shortcuts {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.25rem 1rem;
    font-size: 0.875rem;
    color: var(--muted);
  }

  .shortcuts h2 {
    margin: 0;
    font-size: 0.875rem;
  }

  .shortcuts ul {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }

  kbd {
    display: inline-block;
    min-width: 1.5em;
    padding: 0 0.35em;
    border: 1px solid var(--border);
    border-bottom-width: 2px;
    border-radius: 4px;
    background: var(--surface);
    color: var(--text);
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    text-align: center;
  }

  .card {
    display: grid;
    gap: 0.6rem;
    padding: 1rem;
    border: 1px solid var(--border);
    border-radius: var(--radius);
    background: var(--surface);
    box-shadow: var(--shadow);
  }

  .card.current {
    border-color: var(--link);
    box-shadow: 0 0 0 1px var(--link);
  }

  .card:focus {
    outline: 2px solid var(--focus);
    outline-offset: 2px;
  }

  .card-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 0.75rem;
  }

  .card-head h3 {
    flex: 1 1 12rem;
    min-width: 0;
    overflow-wrap: anywhere;
  }

  .meta {
    color: var(--muted);
    font-size: 0.9375rem;
  }

  .flags {
    display: grid;
    gap: 0.25rem;
    padding: 0.5rem 0.75rem;
    border-inline-start: 3px solid var(--mark);
    background: color-mix(in srgb, var(--mark) 25%, transparent);
    font-size: 0.9375rem;
  }

  .flags ul {
    margin: 0;
    padding-inline-start: 1.25rem;
    overflow-wrap: anywhere;
  }

  .reason {
    align-items: flex-start;
    padding: 0.25rem 0;
  }

  .reason input {
    margin-top: 0.15rem;
    flex: none;
  }
`;
