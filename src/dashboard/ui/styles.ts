import { css } from 'lit';

/**
 * The dashboard's styles beside the widgets' `baseStyles` (the same `--verity-*` tokens): a few
 * tokens of its own, and the pieces every screen uses (panels, toolbars, forms, tables, badges,
 * dialogs, marks). Colours come in light and dark through `light-dark()`, following the
 * inherited `color-scheme`.
 */
export const dashboardTokens = css`
  :host {
    --page: var(--verity-color-page, light-dark(#f6f8fa, #010409));
    --danger: var(--verity-color-danger, light-dark(#b42318, #ff8a80));
    --danger-surface: light-dark(#fff1f0, #3a1618);
    --mark: var(--verity-color-mark, light-dark(#fff0a8, #5c4a00));
    --accent-surface: light-dark(#ddf4ff, #0c2d48);
    --ok-surface: light-dark(#dafbe1, #0f2e1a);
    --shadow: light-dark(0 1px 2px rgb(31 35 40 / 0.12), 0 1px 2px rgb(0 0 0 / 0.6));
  }

  @supports not (color: light-dark(#000, #fff)) {
    :host {
      --page: var(--verity-color-page, #f6f8fa);
      --danger: var(--verity-color-danger, #b42318);
      --danger-surface: #fff1f0;
      --mark: var(--verity-color-mark, #fff0a8);
      --accent-surface: #ddf4ff;
      --ok-surface: #dafbe1;
      --shadow: 0 1px 2px rgb(31 35 40 / 0.12);
    }
  }
`;

export const screenStyles = css`
  :host {
    display: block;
    color: var(--text);
  }

  .screen {
    display: grid;
    gap: 1.25rem;
    max-width: 72rem;
  }

  .screen-head {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: 0.5rem 1rem;
  }

  h1 {
    margin: 0;
    font-size: 1.6rem;
    line-height: 1.25;
  }

  h1:focus {
    outline: none;
  }

  h1:focus-visible {
    outline: 2px solid var(--focus);
  }

  h2 {
    margin: 0 0 0.5rem;
    font-size: 1.15rem;
  }

  h3 {
    margin: 0;
    font-size: 1rem;
  }

  p {
    margin: 0;
  }

  .intro,
  .muted,
  .help {
    color: var(--muted);
  }

  .help {
    font-size: 0.875rem;
  }

  .panel {
    display: grid;
    gap: 0.75rem;
    padding: 1rem;
    border: 1px solid var(--border);
    border-radius: var(--radius);
    background: var(--surface);
    box-shadow: var(--shadow);
    min-width: 0;
  }

  .stack {
    display: grid;
    gap: 0.75rem;
  }

  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 0.75rem;
  }

  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: 0.75rem 1rem;
  }

  .spacer {
    flex: 1;
  }

  ul.plain {
    display: grid;
    gap: 0.75rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }

  label,
  .label {
    font-weight: 600;
    font-size: 0.875rem;
  }

  .field {
    display: grid;
    gap: 0.25rem;
    min-width: 0;
  }

  input:not([type='checkbox'], [type='radio'], [type='file']),
  select,
  textarea {
    min-height: 44px;
    padding: 0.45rem 0.6rem;
    border: 1px solid var(--border);
    border-radius: calc(var(--radius) * 0.75);
    background: var(--surface);
    color: var(--text);
    max-width: 100%;
  }

  textarea {
    min-height: 7rem;
    resize: vertical;
    width: 100%;
  }

  input[type='checkbox'],
  input[type='radio'] {
    width: 1.25rem;
    height: 1.25rem;
    margin: 0;
    accent-color: var(--link);
  }

  .check {
    display: inline-flex;
    align-items: center;
    gap: 0.5rem;
    min-height: 44px;
    font-weight: 400;
    font-size: 1rem;
  }

  [aria-invalid='true'] {
    border-color: var(--danger) !important;
  }

  .field-error,
  .error-text {
    color: var(--danger);
    font-size: 0.875rem;
  }

  .button.danger {
    border-color: var(--danger);
    background: var(--danger);
    color: var(--surface);
  }

  .button.small {
    min-height: 36px;
    padding: 0.25em 0.8em;
  }

  .state {
    display: grid;
    justify-items: start;
    gap: 0.75rem;
    padding: 1.5rem 1rem;
    border: 1px dashed var(--border);
    border-radius: var(--radius);
    background: var(--surface);
  }

  .state.error {
    border-style: solid;
    border-color: var(--danger);
    background: var(--danger-surface);
  }

  .banner {
    padding: 0.6rem 0.9rem;
    border-radius: var(--radius);
    background: var(--accent-surface);
  }

  .banner.offline,
  .banner.warning {
    background: var(--mark);
  }

  .banner.success {
    background: var(--ok-surface);
  }

  /* The old answer while the new one loads: unchanged to the eye (dimmed text would fall below
     the contrast it needs), busy to assistive technology. */
  .stale {
    display: grid;
    gap: 1.25rem;
    cursor: progress;
  }

  .skeleton-block {
    display: block;
    height: 5.5rem;
    border-radius: var(--radius);
  }

  .badge {
    display: inline-block;
    padding: 0.05rem 0.5rem;
    border: 1px solid var(--border);
    border-radius: 999px;
    font-size: 0.8125rem;
    font-weight: 600;
    white-space: nowrap;
  }

  .badge.danger {
    border-color: var(--danger);
    color: var(--danger);
  }

  .badge.ok {
    border-color: var(--verified);
    color: var(--verified);
  }

  mark {
    background: var(--mark);
    color: inherit;
    border-radius: 2px;
    padding: 0 0.1em;
    outline: 1px solid color-mix(in srgb, var(--text) 35%, transparent);
  }

  .pager {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
  }

  table {
    width: 100%;
    border-collapse: collapse;
    font-size: 0.9375rem;
  }

  th,
  td {
    padding: 0.45rem 0.6rem;
    border-bottom: 1px solid var(--border);
    text-align: start;
    vertical-align: top;
  }

  th {
    font-weight: 600;
  }

  td.number,
  th.number {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }

  .scroll {
    overflow-x: auto;
  }

  dialog {
    width: min(36rem, calc(100vw - 2rem));
    max-height: calc(100dvh - 2rem);
    padding: 1.25rem;
    border: 1px solid var(--border);
    border-radius: var(--radius);
    background: var(--surface);
    color: var(--text);
  }

  dialog::backdrop {
    background: rgb(0 0 0 / 0.45);
  }

  fieldset {
    display: grid;
    gap: 0.35rem;
    margin: 0;
    padding: 0;
    border: 0;
  }

  legend {
    margin-bottom: 0.35rem;
    padding: 0;
    font-weight: 600;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }

  dl.facts {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.35rem 1rem;
    margin: 0;
  }

  dl.facts dt {
    font-weight: 600;
  }

  dl.facts dd {
    margin: 0;
    min-width: 0;
    overflow-wrap: anywhere;
  }

  .body-text {
    white-space: pre-line;
    overflow-wrap: anywhere;
  }

  code,
  pre {
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: 0.875rem;
  }
`;
