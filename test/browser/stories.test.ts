/**
 * Every story is also a test: each one is rendered with its own args and MSW handlers, in the
 * light and in the dark theme, and must have no axe violation (SPEC §5). A story added tomorrow
 * is tested tomorrow.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { render } from 'lit';
import type { TemplateResult } from 'lit';
import type { RequestHandler } from 'msw';
import { resetSharedClients } from '../../src/internal/clients.js';
import '../../src/define.js';
import { useMocks } from '../helpers/msw.js';
import * as badge from '../../stories/rating-badge.stories.js';
import * as form from '../../stories/review-form.stories.js';
import * as list from '../../stories/review-list.stories.js';
import * as quote from '../../stories/review-quote.stories.js';
import * as starInput from '../../stories/star-input.stories.js';
import * as stars from '../../stories/stars.stories.js';

interface StoryLike {
  name?: string;
  args?: Record<string, unknown>;
  parameters?: { msw?: { handlers?: RequestHandler[] } };
  render?: (args: Record<string, unknown>) => TemplateResult;
  play?: (context: { canvasElement: HTMLElement }) => unknown;
}

interface MetaLike extends StoryLike {
  title: string;
  beforeEach?: () => unknown;
}

const DATA_TAGS = 'verity-rating-badge, verity-review-list, verity-review-quote';

/** Resolves when every data widget has loaded or failed, or after `ms` (stories that never load). */
function settled(root: HTMLElement, ms: number): Promise<void> {
  const widgets = [...root.querySelectorAll(DATA_TAGS)];
  let waiting = widgets.length;
  return new Promise((resolve) => {
    if (waiting === 0) resolve();
    const done = () => {
      waiting -= 1;
      if (waiting <= 0) resolve();
    };
    for (const widget of widgets) {
      const once = () => {
        widget.removeEventListener('verity-load', once);
        widget.removeEventListener('verity-error', once);
        done();
      };
      widget.addEventListener('verity-load', once);
      widget.addEventListener('verity-error', once);
    }
    setTimeout(resolve, ms);
  });
}

for (const module of [badge, list, quote, form, starInput, stars] as Record<string, unknown>[]) {
  const meta = module.default as MetaLike;
  describe(`stories: ${meta.title}`, () => {
    for (const [exportName, value] of Object.entries(module)) {
      if (exportName === 'default') continue;
      const story = value as StoryLike;
      for (const theme of ['light', 'dark'] as const) {
        it(`${story.name ?? exportName} (${theme}) has no axe violations`, async () => {
          resetSharedClients();
          await meta.beforeEach?.();
          await useMocks(...(story.parameters?.msw?.handlers ?? meta.parameters?.msw?.handlers ?? []));
          const args = { ...meta.args, ...story.args };
          // The dark pass puts the story on a dark page that declares it, as a dark shop would.
          const container = await fixture<HTMLElement>(
            theme === 'dark'
              ? html`<div style="color-scheme: dark; background: #0d1117; color: #e6edf3"></div>`
              : html`<div></div>`,
          );
          const template = (story.render ?? meta.render)!({ ...args, theme: theme === 'dark' ? 'dark' : args.theme });
          render(template, container);
          await settled(container, 3500);
          await story.play?.({ canvasElement: container });
          await new Promise((resolve) => setTimeout(resolve, story.play ? 400 : 50));
          await expect(container).to.be.accessible();
        });
      }
    }
  });
}
