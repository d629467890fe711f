import { STATES, screenMeta } from '../../../stories/dashboard-support.js';
import type { ScreenStory } from '../../../stories/dashboard-support.js';
import { DEMO_MEMBER_EMAIL } from '../../mocks/admin-store.js';
import './define.js';

export default {
  title: 'Dashboard/Account',
  ...screenMeta('verity-dash-account', {
    args: {
      business: 'nordlys',
      locale: 'en',
      role: 'owner',
      props: { me: { email: DEMO_MEMBER_EMAIL, memberships: [] } },
    },
  }),
};

export const Default: ScreenStory = {};
export const Loading: ScreenStory = STATES.loading;
export const OnlyThisBrowser: ScreenStory = { ...STATES.empty, name: 'Only this browser' };
export const ServerError: ScreenStory = STATES.error;
export const Offline: ScreenStory = STATES.offline;
export const Dark: ScreenStory = STATES.dark;
export const Swedish: ScreenStory = STATES.swedish;
export const Czech: ScreenStory = STATES.czech;
export const German: ScreenStory = STATES.german;
