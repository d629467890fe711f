import { STATES, screenMeta } from '../../../stories/dashboard-support.js';
import type { ScreenStory } from '../../../stories/dashboard-support.js';
import { DEMO_PRODUCTS } from '../../mocks/fixtures.js';
import './define.js';

export default { title: 'Dashboard/Widgets', ...screenMeta('verity-dash-widgets') };

export const Default: ScreenStory = {};
export const Loading: ScreenStory = STATES.loading;
export const Empty: ScreenStory = STATES.empty;
export const ServerError: ScreenStory = STATES.error;
export const Dark: ScreenStory = STATES.dark;
export const Swedish: ScreenStory = STATES.swedish;
export const Czech: ScreenStory = STATES.czech;
export const German: ScreenStory = STATES.german;
/** Product widgets: the SKU field filled in. */
export const Product: ScreenStory = {
  name: 'For a product',
  play: async ({ canvasElement }) => {
    const screen = canvasElement.querySelector('[member-role]') as HTMLElement & { updateComplete: Promise<unknown> };
    await screen.updateComplete;
    const input = screen.shadowRoot!.querySelector<HTMLInputElement>('#product')!;
    input.value = DEMO_PRODUCTS.espresso;
    input.dispatchEvent(new Event('change'));
  },
};
