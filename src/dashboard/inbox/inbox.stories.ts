import { STATES, inScreen, screenMeta, whenFound } from '../../../stories/dashboard-support.js';
import type { ScreenStory } from '../../../stories/dashboard-support.js';
import './define.js';

export default { title: 'Dashboard/Inbox', ...screenMeta('verity-dash-inbox') };

/** The queue with R4 flags marked, hostile and long texts among them. */
export const Default: ScreenStory = {};
export const RejectDialog: ScreenStory = {
  name: 'Reject (the reason dialog)',
  play: async ({ canvasElement }) => {
    const reject = await whenFound(() => inScreen<HTMLButtonElement>(canvasElement, 'button.reject'));
    reject.click();
  },
};
export const Selected: ScreenStory = {
  name: 'Two selected for bulk approval',
  play: async ({ canvasElement }) => {
    await whenFound(() => inScreen(canvasElement, 'input.select'));
    const boxes = canvasElement
      .querySelector('[member-role]')!
      .shadowRoot!.querySelectorAll<HTMLInputElement>('input.select');
    boxes[0]?.click();
    boxes[2]?.click();
  },
};
export const Loading: ScreenStory = STATES.loading;
export const Empty: ScreenStory = STATES.empty;
export const ServerError: ScreenStory = STATES.error;
export const Offline: ScreenStory = STATES.offline;
export const Dark: ScreenStory = STATES.dark;
export const Swedish: ScreenStory = STATES.swedish;
export const Czech: ScreenStory = STATES.czech;
export const German: ScreenStory = STATES.german;
