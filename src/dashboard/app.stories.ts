import type { Meta, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { dashboardPage } from '../../stories/dashboard-support.js';
import { createDashboardHandlers, dashboardScenarioHandlers } from '../mocks/admin-handlers.js';
import { THEME_OPTIONS } from '../../stories/support.js';
import './define.js';

interface AppArgs {
  start: string;
  width?: number;
  theme?: (typeof THEME_OPTIONS)[number];
}

const meta: Meta<AppArgs> = {
  title: 'Dashboard/App',
  component: 'verity-dashboard',
  args: { start: '/dashboard/inbox?business=nordlys' },
  argTypes: {
    start: { control: 'text', description: 'The dashboard URL to start at (kept in memory in Storybook)' },
    width: { control: { type: 'number', min: 320, max: 1600 } },
    theme: { control: 'inline-radio', options: THEME_OPTIONS },
  },
  parameters: { msw: { handlers: createDashboardHandlers() }, layout: 'fullscreen' },
  render: ({ start, width, theme }) =>
    dashboardPage(
      theme,
      html`<div style=${width ? `width: ${width}px; max-width: 100%` : ''}>
        <verity-dashboard start=${start} theme=${ifDefined(theme)}></verity-dashboard>
      </div>`,
    ),
};
export default meta;

type Story = StoryObj<AppArgs>;

export const Inbox: Story = {};
export const Narrow: Story = { name: '360 px (menu button)', args: { width: 360 } };
export const Wide: Story = { name: '1440 px', args: { width: 1440 } };
export const Dark: Story = { args: { theme: 'dark' } };
export const Insights: Story = { args: { start: '/dashboard/insights?business=nordlys' } };
export const SignedOut: Story = {
  name: 'Signed out (sign-in screen)',
  parameters: { msw: { handlers: dashboardScenarioHandlers('signed-out') } },
};
export const Moderator: Story = {
  name: 'A moderator (no settings)',
  parameters: { msw: { handlers: dashboardScenarioHandlers('moderator') } },
};
export const Loading: Story = { parameters: { msw: { handlers: dashboardScenarioHandlers('slow', Infinity) } } };
export const ServerError: Story = { parameters: { msw: { handlers: dashboardScenarioHandlers('error') } } };
export const NotFound: Story = { name: 'An unknown address', args: { start: '/dashboard/nowhere?business=nordlys' } };
