import { STATES, screenMeta } from '../../../stories/dashboard-support.js';
import type { ScreenStory } from '../../../stories/dashboard-support.js';
import './define.js';

export default { title: 'Dashboard/Reports', ...screenMeta('verity-dash-reports') };

export const Default: ScreenStory = {};
export const Open: ScreenStory = { args: { props: { params: new URLSearchParams('outcome=open') } } };
export const Removed: ScreenStory = { args: { props: { params: new URLSearchParams('outcome=removed') } } };
export const Loading: ScreenStory = STATES.loading;
export const Empty: ScreenStory = STATES.empty;
export const ServerError: ScreenStory = STATES.error;
export const Offline: ScreenStory = STATES.offline;
export const Dark: ScreenStory = STATES.dark;
export const Swedish: ScreenStory = STATES.swedish;
export const Czech: ScreenStory = STATES.czech;
export const German: ScreenStory = STATES.german;
