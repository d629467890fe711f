import { css } from 'lit';

/** The star row; shared by `<verity-stars>` and widgets that draw many rows (the list's cards). */
export const starRowStyles = css`
  .stars {
    --size: var(--verity-star-size, 1.25em);
    display: inline-block;
    vertical-align: middle;
    line-height: 0;
  }

  .stars > svg {
    display: block;
    width: calc(var(--size) * 5);
    height: var(--size);
  }

  /* Right-to-left pages fill from the right; the stars are symmetric, so a mirror is enough. */
  .stars:dir(rtl) > svg {
    transform: scaleX(-1);
  }

  .filled {
    fill: var(--star);
  }

  .unfilled {
    fill: var(--star-empty);
  }

  @media (forced-colors: active) {
    .filled {
      fill: CanvasText;
    }
    .unfilled {
      fill: GrayText;
    }
  }
`;

export const starsStyles = css`
  :host {
    display: inline-block;
    vertical-align: middle;
    line-height: 0;
  }
`;
