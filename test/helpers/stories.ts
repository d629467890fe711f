/**
 * Every story is also a test: each one is rendered with its own args and MSW handlers, in the
 * light and in the dark theme, and must have no axe violation (SPEC §5). A story added tomorrow
 * is tested tomorrow. The widgets' and the dashboard's story tests both run through this.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { render } from 'lit';
import type { TemplateResult } from 'lit';
import type { RequestHandler } from 'msw';
import { resetSharedClients } from '../../src/internal/clients.js';
import { useMocks } from './msw.js';

interface StoryLike {
  name?: string;
  args?: Record<string, unknown>;
  parameters?: { msw?: { handlers?: RequestHandler[] } };
  render?: (args: Record<string, unknown>) => TemplateResult;
  play?: (context: { canvasElement: HTMLElement }) => unknown;
  beforeEach?: () => unknown;
}

interface MetaLike extends StoryLike {
  title: string;
}

export interface StoryTestOptions {
  /** Resolves when the stories' elements have loaded, or after `ms` (stories that never load). */
  settled: (root: HTMLElement, ms: number) => Promise<void>;
}

/** Registers a test per story and theme of every module given. */
export function storyTests(modules: Record<string, unknown>[], options: StoryTestOptions): void {
  for (const module of modules) {
    const meta = module.default as MetaLike;
    describe(`stories: ${meta.title}`, () => {
      for (const [exportName, value] of Object.entries(module)) {
        if (exportName === 'default' || typeof value !== 'object' || value === null) continue;
        const story = value as StoryLike;
        for (const theme of ['light', 'dark'] as const) {
          it(`${story.name ?? exportName} (${theme}) has no axe violations`, async () => {
            resetSharedClients();
            const cleanups = [await meta.beforeEach?.(), await story.beforeEach?.()];
            try {
              await useMocks(...(story.parameters?.msw?.handlers ?? meta.parameters?.msw?.handlers ?? []));
              const args = { ...meta.args, ...story.args };
              // The dark pass puts the story on a dark page that declares it, as a dark shop would.
              const container = await fixture<HTMLElement>(
                theme === 'dark'
                  ? html`<div style="color-scheme: dark; background: #0d1117; color: #e6edf3"></div>`
                  : html`<div></div>`,
              );
              const template = (story.render ?? meta.render)!({
                ...args,
                theme: theme === 'dark' ? 'dark' : args.theme,
              });
              render(template, container);
              await options.settled(container, 3500);
              await story.play?.({ canvasElement: container });
              await new Promise((resolve) => setTimeout(resolve, story.play ? 400 : 50));
              await expect(container).to.be.accessible();
            } finally {
              for (const cleanup of cleanups) if (typeof cleanup === 'function') cleanup();
            }
          });
        }
      }
    });
  }
}
