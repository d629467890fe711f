/** Every widget story is also a test (see test/helpers/stories.ts). */
import '../../src/define.js';
import { storyTests } from '../helpers/stories.js';
import * as badge from '../../stories/rating-badge.stories.js';
import * as form from '../../stories/review-form.stories.js';
import * as list from '../../stories/review-list.stories.js';
import * as quote from '../../stories/review-quote.stories.js';
import * as starInput from '../../stories/star-input.stories.js';
import * as stars from '../../stories/stars.stories.js';

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

storyTests([badge, list, quote, form, starInput, stars] as Record<string, unknown>[], { settled });
