/**
 * What every dashboard story shares: the screen on a light or dark dashboard page, its args
 * (language, theme, role, business), the dashboard's mocks, and the states every screen has
 * (loading, empty, error, offline, dark, each language).
 */
import type { Meta, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import type { TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { ref } from 'lit/directives/ref.js';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import type { HttpHandler } from 'msw';
import { MEMBER_ROLES } from '../src/contract/dashboard.js';
import type { MemberRole } from '../src/contract/dashboard.js';
import { DASHBOARD_LOCALES } from '../src/dashboard/l10n.js';
import { createDashboardHandlers } from '../src/mocks/admin-handlers.js';
import { DEMO_BUSINESS, LARGE_BUSINESS } from '../src/mocks/fixtures.js';
import { offline, serverError, slow } from '../src/mocks/scenarios.js';
import { THEME_OPTIONS } from './support.js';

export interface ScreenArgs {
  business: string;
  locale: string;
  theme?: (typeof THEME_OPTIONS)[number];
  role: MemberRole;
  /** More properties of the screen (`params`, `reviewId`, `token`, …). */
  props?: Record<string, unknown>;
}

export type ScreenStory = StoryObj<ScreenArgs>;

/** The dashboard's page behind a screen: light, or dark as the dashboard's dark theme is. */
export function dashboardPage(theme: string | undefined, content: TemplateResult): TemplateResult {
  const dark = theme === 'dark';
  return html`<div
    style="padding: 24px; min-height: 100vh; box-sizing: border-box; color-scheme: ${dark ? 'dark' : 'light'}; background: ${
      dark ? '#010409' : '#f6f8fa'
    }; color: ${dark ? '#e6edf3' : '#1f2328'}; font-family: system-ui, sans-serif;"
  >
    ${content}
  </div>`;
}

/**
 * The meta of a screen's stories: its element, the mocks, the controls. Each story file spreads
 * it into its default export, which names the `title` itself (Storybook reads it statically).
 */
export function screenMeta(tag: string, extra: Partial<Meta<ScreenArgs>> = {}): Meta<ScreenArgs> {
  const element = unsafeStatic(tag);
  return {
    component: tag,
    args: { business: DEMO_BUSINESS, locale: 'en', role: 'owner' },
    argTypes: {
      business: { control: 'select', options: [DEMO_BUSINESS, LARGE_BUSINESS] },
      locale: { control: 'select', options: DASHBOARD_LOCALES },
      theme: { control: 'inline-radio', options: THEME_OPTIONS },
      role: { control: 'inline-radio', options: MEMBER_ROLES },
      props: { table: { disable: true } },
    },
    parameters: { msw: { handlers: createDashboardHandlers() }, layout: 'fullscreen' },
    render: ({ business, locale, theme, role, props }) =>
      dashboardPage(
        theme,
        staticHtml`<${element}
          business=${business}
          locale=${locale}
          theme=${ifDefined(theme)}
          member-role=${role}
          ${ref((el) => el && props && Object.assign(el, props))}
        ></${element}>`,
      ),
    ...extra,
  };
}

/** Pretends the browser is offline while a story shows (and online again after it). */
function offlineBrowser(): () => void {
  Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
  window.dispatchEvent(new Event('offline'));
  return () => {
    delete (navigator as { onLine?: boolean }).onLine;
  };
}

const withHandlers = (handlers: HttpHandler[]): ScreenStory => ({ parameters: { msw: { handlers } } });

/** The states every screen has a story of. */
export const STATES = {
  loading: { name: 'Loading', ...withHandlers(slow(Infinity, createDashboardHandlers())) },
  empty: { name: 'Empty', ...withHandlers(createDashboardHandlers({ empty: true })) },
  error: { name: 'Server error', ...withHandlers(serverError()) },
  offline: { name: 'Offline', ...withHandlers(offline()), beforeEach: offlineBrowser },
  dark: { name: 'Dark', args: { theme: 'dark' } },
  swedish: { name: 'Swedish', args: { locale: 'sv' } },
  czech: { name: 'Czech', args: { locale: 'cs' } },
  german: { name: 'German', args: { locale: 'de' } },
} satisfies Record<string, ScreenStory>;

/** Waits until `find` finds something in a story's canvas (a story's play function). */
export function whenFound<T>(find: () => T | null | undefined, timeout = 5000): Promise<T> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const look = () => {
      const found = find();
      if (found) resolve(found);
      else if (Date.now() - started > timeout) reject(new Error('not found in the story'));
      else setTimeout(look, 50);
    };
    look();
  });
}

/** The screen element of a story and its shadow root's first match of `selector`. */
export function inScreen<E extends Element>(canvas: HTMLElement, selector: string): E | null {
  const screen = canvas.querySelector('[member-role]');
  return screen?.shadowRoot?.querySelector<E>(selector) ?? null;
}
