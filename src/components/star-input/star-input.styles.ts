import { css } from 'lit';

export const starInputStyles = css`
  :host {
    --size: var(--verity-star-size, 2rem);
    display: inline-block;
  }

  :host([disabled]) {
    opacity: 0.55;
  }

  .message {
    margin-top: 0.3rem;
  }

  .group {
    display: inline-flex;
    gap: 0.15rem;
    touch-action: manipulation;
  }

  .option {
    display: grid;
    place-items: center;
    width: calc(var(--size) + 0.5rem);
    height: calc(var(--size) + 0.5rem);
    border-radius: 6px;
    color: var(--star-empty);
    cursor: pointer;
  }

  :host([disabled]) .option {
    cursor: not-allowed;
  }

  .option.on {
    color: var(--star);
  }

  .option.preview:not(.on) {
    color: color-mix(in srgb, var(--star) 55%, var(--star-empty));
  }

  .option:focus-visible {
    outline: 2px solid var(--focus);
    outline-offset: 1px;
  }

  svg {
    width: var(--size);
    height: var(--size);
    fill: currentColor;
    pointer-events: none;
  }

  @media (forced-colors: active) {
    .option {
      color: GrayText;
    }
    .option.on {
      color: Highlight;
    }
  }
`;
