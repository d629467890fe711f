import { css } from 'lit';

/**
 * The shared base of every element: global `--verity-*` tokens mapped to private variables on
 * `:host`, and the two themes.
 *
 * Themes follow CSS `color-scheme` through `light-dark()`: with no `theme` attribute a widget
 * matches the page (a page that declares `color-scheme: light dark` gets the visitor's
 * preference; a light-only shop stays light). `theme="light"` / `theme="dark"` force one.
 * Browsers without `light-dark()` get the light palette.
 */
export const baseStyles = css`
  :host {
    --star: var(--verity-color-star, #e8a300);
    --text: var(--verity-color-text, light-dark(#1f2328, #e6edf3));
    --muted: var(--verity-color-text-muted, light-dark(#57606a, #9da7b3));
    --surface: var(--verity-color-surface, light-dark(#ffffff, #0d1117));
    --border: var(--verity-color-border, light-dark(#d0d7de, #3d444d));
    --link: var(--verity-color-link, light-dark(#0b5cad, #58a6ff));
    --verified: var(--verity-color-verified, light-dark(#1a7f37, #3fb950));
    --star-empty: var(--verity-color-star-empty, light-dark(#d0d7de, #3d444d));
    --skeleton: light-dark(#eaeef2, #21262d);
    --focus: var(--verity-color-focus, var(--link));
    --radius: var(--verity-radius, 8px);

    font-family: var(--verity-font-family, inherit);
    font-size: var(--verity-font-size, 1rem);
    line-height: 1.5;
    color: var(--text);
  }

  @supports not (color: light-dark(#000, #fff)) {
    :host {
      --text: var(--verity-color-text, #1f2328);
      --muted: var(--verity-color-text-muted, #57606a);
      --surface: var(--verity-color-surface, #ffffff);
      --border: var(--verity-color-border, #d0d7de);
      --link: var(--verity-color-link, #0b5cad);
      --verified: var(--verity-color-verified, #1a7f37);
      --star-empty: var(--verity-color-star-empty, #d0d7de);
      --skeleton: #eaeef2;
    }
  }

  :host([hidden]) {
    display: none !important;
  }

  :host([theme='light']) {
    color-scheme: light;
  }

  :host([theme='dark']) {
    color-scheme: dark;
  }

  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }

  a {
    color: var(--link);
  }

  :focus-visible {
    outline: 2px solid var(--focus);
    outline-offset: 2px;
    border-radius: 2px;
  }

  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }

  .skeleton {
    display: inline-block;
    border-radius: 4px;
    background: var(--skeleton);
    animation: verity-pulse 1.4s ease-in-out infinite;
  }

  @keyframes verity-pulse {
    50% {
      opacity: 0.55;
    }
  }

  @media (prefers-reduced-motion: reduce) {
    .skeleton {
      animation: none;
    }
  }
`;
