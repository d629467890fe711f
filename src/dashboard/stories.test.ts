/** Every dashboard story is also a test, light and dark, with axe (see test/helpers/stories.ts). */
import { storyTests } from '../../test/helpers/stories.js';
import * as account from './account/account.stories.js';
import * as app from './app.stories.js';
import * as inbox from './inbox/inbox.stories.js';
import * as insights from './insights/insights.stories.js';
import * as invitations from './invitations/invitations.stories.js';
import * as outbox from './outbox/outbox.stories.js';
import * as reports from './reports/reports.stories.js';
import * as review from './reviews/review.stories.js';
import * as reviews from './reviews/reviews.stories.js';
import * as settings from './settings/settings.stories.js';
import * as signIn from './sign-in/sign-in.stories.js';
import * as widgets from './widgets/widgets.stories.js';

/** Every screen in the story (and in the shell) has stopped loading, or `ms` have passed. */
function settled(root: HTMLElement, ms: number): Promise<void> {
  const started = Date.now();
  const busy = (node: ParentNode): boolean =>
    [...node.querySelectorAll('*')].some(
      (el) => el.getAttribute('aria-busy') === 'true' || (el.shadowRoot !== null && busy(el.shadowRoot)),
    );
  return new Promise((resolve) => {
    const look = () => {
      const screens = [...root.querySelectorAll('*')].filter((el) => el.localName.startsWith('verity-dash'));
      const ready = screens.length > 0 && screens.every((el) => el.shadowRoot && el.shadowRoot.childElementCount > 0);
      if ((ready && !busy(root)) || Date.now() - started > ms) resolve();
      else setTimeout(look, 50);
    };
    setTimeout(look, 50);
  });
}

storyTests([inbox, reviews, review, reports, invitations, outbox, widgets, settings, insights, account, signIn, app], {
  settled,
});
