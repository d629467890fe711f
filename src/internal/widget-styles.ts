import { css } from 'lit';

// The styles of the widgets other than the badge (which never loads them): buttons and the
// problems beside form fields.

/** Buttons and text-like buttons shared by the list, the quote and the form. */
export const buttonStyles = css`
  button,
  select,
  input,
  textarea {
    font: inherit;
    color: inherit;
  }

  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-height: 44px;
    padding: 0.5em 1.1em;
    border: 1px solid var(--link);
    border-radius: calc(var(--radius) * 0.75);
    background: var(--link);
    color: var(--surface);
    font-weight: 600;
    text-decoration: none;
    cursor: pointer;
  }

  .button.secondary {
    background: transparent;
    color: var(--link);
  }

  /* Busy buttons stay focusable (a disabled one would drop the keyboard focus). */
  .button[aria-disabled='true'] {
    opacity: 0.6;
    cursor: progress;
  }

  .link-button {
    min-height: 24px;
    padding: 0;
    border: 0;
    background: none;
    color: var(--link);
    text-decoration: underline;
    text-underline-offset: 0.15em;
    cursor: pointer;
  }
`;

/** A field's problem, beside the field: the form's fields and the star input share it. */
export const fieldMessageStyles = css`
  :host {
    --error: light-dark(#b42318, #ff8a80);
  }

  @supports not (color: light-dark(#000, #fff)) {
    :host {
      --error: #b42318;
    }
  }

  .message {
    margin: 0;
    color: var(--error);
    font-weight: 600;
    font-size: 0.9em;
  }
`;
