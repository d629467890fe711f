import { STATES, screenMeta } from '../../../stories/dashboard-support.js';
import type { ScreenStory } from '../../../stories/dashboard-support.js';
import './define.js';

export default { title: 'Dashboard/Reviews', ...screenMeta('verity-dash-reviews') };

export const Default: ScreenStory = {};
export const Rejected: ScreenStory = { args: { props: { params: new URLSearchParams('status=rejected') } } };
export const FilteredToOneStar: ScreenStory = {
  name: 'Filtered: 1 star, verified only',
  args: { props: { params: new URLSearchParams('rating=1&verified=true') } },
};
export const NoMatch: ScreenStory = {
  name: 'Search without results',
  args: { props: { params: new URLSearchParams('q=nothing-matches-this') } },
};
export const Loading: ScreenStory = STATES.loading;
export const Empty: ScreenStory = STATES.empty;
export const ServerError: ScreenStory = STATES.error;
export const Offline: ScreenStory = STATES.offline;
export const Dark: ScreenStory = STATES.dark;
export const Swedish: ScreenStory = STATES.swedish;
export const Czech: ScreenStory = STATES.czech;
export const German: ScreenStory = STATES.german;
