import { STATES, screenMeta, whenFound } from '../../../stories/dashboard-support.js';
import type { ScreenStory } from '../../../stories/dashboard-support.js';
import { LARGE_BUSINESS } from '../../mocks/fixtures.js';
import './define.js';

export default { title: 'Dashboard/Insights', ...screenMeta('verity-dash-insights') };

export const Default: ScreenStory = {};
export const AsTables: ScreenStory = {
  name: 'Shown as tables',
  play: async ({ canvasElement }) => {
    const root = await whenFound(
      () =>
        canvasElement.querySelector('[member-role]')?.shadowRoot?.querySelector('.table-toggle') &&
        canvasElement.querySelector('[member-role]')!.shadowRoot!,
    );
    for (const button of root.querySelectorAll<HTMLButtonElement>('.table-toggle')) button.click();
  },
};
export const BigShop: ScreenStory = { name: '10,000 reviews', args: { business: LARGE_BUSINESS, role: 'moderator' } };
export const Loading: ScreenStory = STATES.loading;
export const Empty: ScreenStory = STATES.empty;
export const ServerError: ScreenStory = STATES.error;
export const Offline: ScreenStory = STATES.offline;
export const Dark: ScreenStory = STATES.dark;
export const Swedish: ScreenStory = STATES.swedish;
export const Czech: ScreenStory = STATES.czech;
export const German: ScreenStory = STATES.german;
