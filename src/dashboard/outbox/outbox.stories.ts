import { STATES, inScreen, screenMeta, whenFound } from '../../../stories/dashboard-support.js';
import type { ScreenStory } from '../../../stories/dashboard-support.js';
import './define.js';

export default { title: 'Dashboard/Outbox', ...screenMeta('verity-dash-outbox') };

const open =
  (index: number): ScreenStory['play'] =>
  async ({ canvasElement }) => {
    await whenFound(() => inScreen(canvasElement, '.message-button'));
    canvasElement
      .querySelector('[member-role]')!
      .shadowRoot!.querySelectorAll<HTMLButtonElement>('.message-button')
      [index]?.click();
  };

export const Default: ScreenStory = {};
export const Reading: ScreenStory = { name: 'Reading an invitation', play: open(0) };
export const HostileMessage: ScreenStory = { name: 'A hostile message, sealed', play: open(6) };
export const Loading: ScreenStory = STATES.loading;
export const Empty: ScreenStory = STATES.empty;
export const ServerError: ScreenStory = STATES.error;
export const Offline: ScreenStory = STATES.offline;
export const Dark: ScreenStory = { ...STATES.dark, play: open(1) };
export const Swedish: ScreenStory = STATES.swedish;
export const Czech: ScreenStory = STATES.czech;
export const German: ScreenStory = STATES.german;
