import { css } from 'lit';

export const starsStyles = css`
  :host {
    --size: var(--verity-star-size, 1.25em);
    display: inline-block;
    vertical-align: middle;
    line-height: 0;
  }

  .stars {
    display: inline-flex;
    gap: calc(var(--size) * 0.08);
  }

  .star {
    position: relative;
    display: block;
    width: var(--size);
    height: var(--size);
  }

  svg {
    display: block;
    width: var(--size);
    height: var(--size);
    fill: currentColor;
  }

  .empty {
    color: var(--star-empty);
  }

  .fill {
    position: absolute;
    inset-block: 0;
    inset-inline-start: 0;
    overflow: hidden;
    color: var(--star);
  }

  @media (forced-colors: active) {
    .empty {
      color: GrayText;
    }
    .fill {
      color: CanvasText;
    }
  }
`;
