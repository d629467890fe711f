import { STATES, inScreen, screenMeta, whenFound } from '../../../stories/dashboard-support.js';
import type { ScreenStory } from '../../../stories/dashboard-support.js';
import './define.js';

export default { title: 'Dashboard/Invitations', ...screenMeta('verity-dash-invitations') };

/** A file with good rows, a known order and broken rows, as a shop's export might have them. */
const SAMPLE_CSV = [
  'orderRef,email,purchasedAt,product,customerName,locale',
  'NK-900001,anna@mail.example,2026-05-01,,Anna Berg,sv',
  'NK-900002,not-an-address,2026-05-01,,,',
  'NK-900003,jonas@mail.example,2026-05-02T10:00:00Z,NK-ESPRESSO-1KG,"Jonas, Müller",de',
  ',missing@mail.example,yesterday,,,',
].join('\n');

export const Default: ScreenStory = {};
export const UploadWithProblems: ScreenStory = {
  name: 'After an upload with problems',
  play: async ({ canvasElement }) => {
    const input = await whenFound(() => inScreen<HTMLInputElement>(canvasElement, 'input[type="file"]'));
    const files = new DataTransfer();
    files.items.add(new File([SAMPLE_CSV], 'orders.csv', { type: 'text/csv' }));
    input.files = files.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  },
};
export const Failed: ScreenStory = {
  name: 'Failed invitations',
  args: { props: { params: new URLSearchParams('state=failed') } },
};
export const Loading: ScreenStory = STATES.loading;
export const Empty: ScreenStory = STATES.empty;
export const ServerError: ScreenStory = STATES.error;
export const Offline: ScreenStory = STATES.offline;
export const Dark: ScreenStory = STATES.dark;
export const Swedish: ScreenStory = STATES.swedish;
export const Czech: ScreenStory = STATES.czech;
export const German: ScreenStory = STATES.german;
