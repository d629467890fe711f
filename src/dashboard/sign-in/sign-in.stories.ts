import { http, HttpResponse } from 'msw';
import { STATES, inScreen, screenMeta, whenFound } from '../../../stories/dashboard-support.js';
import type { ScreenStory } from '../../../stories/dashboard-support.js';
import { createDashboardHandlers } from '../../mocks/admin-handlers.js';
import './define.js';

export default {
  title: 'Dashboard/Sign in',
  ...screenMeta('verity-dash-sign-in', {
    parameters: { msw: { handlers: createDashboardHandlers({ signedIn: false }) }, layout: 'fullscreen' },
  }),
};

const send: ScreenStory['play'] = async ({ canvasElement }) => {
  const input = await whenFound(() => inScreen<HTMLInputElement>(canvasElement, 'input[type="email"]'));
  input.value = 'someone@shop.example';
  input.closest('form')!.requestSubmit();
};

export const Default: ScreenStory = {};
export const LinkSent: ScreenStory = { name: 'Link sent (whoever asked)', play: send };
export const InvalidAddress: ScreenStory = {
  name: 'Not an e-mail address',
  play: async ({ canvasElement }) => {
    const input = await whenFound(() => inScreen<HTMLInputElement>(canvasElement, 'input[type="email"]'));
    input.value = 'not an address';
    input.closest('form')!.requestSubmit();
  },
};
export const TooManyAttempts: ScreenStory = {
  name: 'Too many attempts (429)',
  parameters: {
    msw: {
      handlers: [
        http.post('*/v1/auth/sign-in', () =>
          HttpResponse.json(
            { error: { code: 'rate_limited', message: 'Too many requests' } },
            { status: 429, headers: { 'retry-after': '120' } },
          ),
        ),
      ],
    },
  },
  play: send,
};
export const UsedLink: ScreenStory = {
  name: 'A used or expired link',
  args: { props: { token: 'used-or-expired-token-0000' } },
};
export const SigningIn: ScreenStory = {
  name: 'Signing in with a link',
  args: { props: { token: 'demo-sign-in-token-0001' } },
  parameters: {
    msw: { handlers: [http.post('*/v1/auth/session', () => new Promise<Response>(() => undefined))] },
  },
};
export const Dark: ScreenStory = STATES.dark;
export const Swedish: ScreenStory = STATES.swedish;
export const Czech: ScreenStory = STATES.czech;
export const German: ScreenStory = STATES.german;
