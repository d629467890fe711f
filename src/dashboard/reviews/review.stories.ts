import { STATES, inScreen, screenMeta, whenFound } from '../../../stories/dashboard-support.js';
import type { ScreenStory } from '../../../stories/dashboard-support.js';
import { DEMO_MEMBER_EMAIL } from '../../mocks/admin-store.js';
import './define.js';

const me = {
  email: DEMO_MEMBER_EMAIL,
  memberships: [{ business: { id: 'nordlys', name: 'Nordlys Kaffe' }, role: 'owner' as const }],
};
const review = (id: string) => ({ props: { reviewId: id, me } });

export default {
  title: 'Dashboard/Review',
  ...screenMeta('verity-dash-review', {
    args: { business: 'nordlys', locale: 'en', role: 'owner', ...review('nordlys-00003') },
  }),
};

export const Default: ScreenStory = {};
export const WithFlags: ScreenStory = { name: 'Waiting, with flags marked', args: review('nordlys-p0001') };
export const HostileText: ScreenStory = { name: 'Hostile text', args: review('nordlys-p0004') };
export const LongText: ScreenStory = { name: 'Long text', args: review('nordlys-p0005') };
export const RejectedReview: ScreenStory = { name: 'Rejected', args: review('nordlys-r1') };
export const WritingAReply: ScreenStory = {
  name: 'Writing a reply',
  play: async ({ canvasElement }) => {
    const edit = await whenFound(() => inScreen<HTMLButtonElement>(canvasElement, 'button.edit-reply'));
    edit.click();
  },
};
export const FindReviewerAnswered: ScreenStory = {
  name: 'Find reviewer: answered',
  args: review('nordlys-00002'),
};
export const FindReviewerUnanswered: ScreenStory = {
  name: 'Find reviewer: no answer, may be reported',
  args: review('nordlys-00007'),
};
export const FindReviewerWaiting: ScreenStory = { name: 'Find reviewer: waiting', args: review('nordlys-00009') };
export const FindReviewerProof: ScreenStory = {
  name: 'Find reviewer: proof requested',
  args: review('nordlys-00010'),
};
export const FindReviewerInvited: ScreenStory = {
  name: 'Find reviewer: verified by invitation, never asked',
  args: review('nordlys-00008'),
};
export const NotFound: ScreenStory = { name: 'No such review', args: review('no-such-review') };
export const Loading: ScreenStory = STATES.loading;
export const ServerError: ScreenStory = STATES.error;
export const Offline: ScreenStory = STATES.offline;
export const Dark: ScreenStory = STATES.dark;
export const Swedish: ScreenStory = STATES.swedish;
export const Czech: ScreenStory = STATES.czech;
export const German: ScreenStory = STATES.german;
