import { STATES, inScreen, screenMeta, whenFound } from '../../../stories/dashboard-support.js';
import type { ScreenStory } from '../../../stories/dashboard-support.js';
import { DEMO_MEMBER_EMAIL } from '../../mocks/admin-store.js';
import './define.js';

const me = {
  email: DEMO_MEMBER_EMAIL,
  memberships: [{ business: { id: 'nordlys', name: 'Nordlys Kaffe' }, role: 'owner' as const }],
};

export default {
  title: 'Dashboard/Settings',
  ...screenMeta('verity-dash-settings', {
    args: { business: 'nordlys', locale: 'en', role: 'owner', props: { me } },
  }),
};

export const Default: ScreenStory = {};
export const NewSecret: ScreenStory = {
  name: 'A new webhook secret, shown once',
  play: async ({ canvasElement }) => {
    (await whenFound(() => inScreen<HTMLButtonElement>(canvasElement, 'button.new-secret'))).click();
    (await whenFound(() => inScreen<HTMLButtonElement>(canvasElement, 'button.confirm-secret'))).click();
  },
};
export const InvalidOrigin: ScreenStory = {
  name: 'An origin with a path',
  play: async ({ canvasElement }) => {
    const input = await whenFound(() => inScreen<HTMLInputElement>(canvasElement, '#origin'));
    input.value = 'https://shop.example/reviews';
    input.closest('form')!.requestSubmit();
  },
};
export const InvitationLanguage: ScreenStory = {
  name: 'The invitation language, changed and saved',
  play: async ({ canvasElement }) => {
    const select = await whenFound(() => inScreen<HTMLSelectElement>(canvasElement, '#defaultInvitationLocale'));
    select.value = 'de';
    select.closest('form')!.requestSubmit();
  },
};
export const Moderator: ScreenStory = { name: 'A moderator (owners only)', args: { role: 'moderator' } };
export const Loading: ScreenStory = STATES.loading;
export const Empty: ScreenStory = STATES.empty;
export const ServerError: ScreenStory = STATES.error;
export const Offline: ScreenStory = STATES.offline;
export const Dark: ScreenStory = STATES.dark;
export const Swedish: ScreenStory = STATES.swedish;
export const Czech: ScreenStory = STATES.czech;
export const German: ScreenStory = STATES.german;
