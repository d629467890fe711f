import type { Meta, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { http, HttpResponse } from 'msw';
import { createHandlers } from '../src/mocks/handlers.js';
import { DEMO_BUSINESS, DEMO_INVITATIONS, DEMO_PRODUCTS } from '../src/mocks/fixtures.js';
import { offline, rateLimited, serverError, slow } from '../src/mocks/scenarios.js';
import { API, LOCALE_OPTIONS, THEME_OPTIONS, onPage } from './support.js';

interface FormArgs {
  business: string;
  product?: string;
  invitation?: string;
  locale: string;
  theme?: (typeof THEME_OPTIONS)[number];
}

/** Types a review into the form, as a visitor would. */
async function fillIn(canvas: HTMLElement, submit = false): Promise<void> {
  const form = canvas.querySelector('verity-review-form')!;
  await form.updateComplete;
  const root = form.shadowRoot!;
  const set = (name: string, value: string | number | boolean) => {
    const control = root.querySelector<HTMLInputElement>(`[name="${name}"]`);
    if (!control) return;
    if (typeof value === 'boolean') control.checked = value;
    else (control as unknown as { value: unknown }).value = value;
    control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  };
  set('rating', 5);
  set('title', 'The best espresso I have had at home');
  set('body', 'Arrived two days after roasting, well packed, and the crema is fantastic. I will order again.');
  set('authorName', 'Maja S.');
  set('email', 'maja@mail.example');
  set('experiencedAt', new Date().toISOString().slice(0, 10));
  set('consent', true);
  await form.updateComplete;
  if (submit) root.querySelector<HTMLButtonElement>('[part="submit"]')!.click();
}

const meta: Meta<FormArgs> = {
  title: 'Components/Review form',
  component: 'verity-review-form',
  tags: ['autodocs'],
  args: { business: DEMO_BUSINESS, locale: 'en' },
  argTypes: {
    product: { control: 'select', options: [undefined, ...Object.values(DEMO_PRODUCTS)] },
    invitation: { control: 'text' },
    locale: { control: 'select', options: LOCALE_OPTIONS },
    theme: { control: 'inline-radio', options: THEME_OPTIONS },
  },
  parameters: { msw: { handlers: createHandlers() } },
  // Each story starts without a saved draft.
  beforeEach: () => {
    for (const key of Object.keys(localStorage)) if (key.startsWith('verity-draft:')) localStorage.removeItem(key);
  },
  render: ({ business, product, invitation, locale, theme }) =>
    onPage(
      theme,
      html`<verity-review-form
        api=${API}
        business=${business}
        product=${ifDefined(product)}
        invitation=${ifDefined(invitation || undefined)}
        locale=${locale}
        theme=${ifDefined(theme)}
      ></verity-review-form>`,
    ),
};
export default meta;

type Story = StoryObj<FormArgs>;

export const Empty: Story = {};
export const Filled: Story = { play: ({ canvasElement }) => fillIn(canvasElement) };
export const Invalid: Story = {
  play: async ({ canvasElement }) => {
    const form = canvasElement.querySelector('verity-review-form')!;
    await form.updateComplete;
    form.shadowRoot!.querySelector<HTMLButtonElement>('[part="submit"]')!.click();
  },
};
export const Submitting: Story = {
  parameters: { msw: { handlers: slow(Infinity) } },
  play: ({ canvasElement }) => fillIn(canvasElement, true),
};
export const SuccessPending: Story = {
  name: 'Success (pending moderation)',
  play: ({ canvasElement }) => fillIn(canvasElement, true),
};
export const SuccessPublished: Story = {
  name: 'Success (published)',
  parameters: {
    msw: {
      handlers: [
        http.post('*/v1/businesses/:business/reviews', () =>
          HttpResponse.json(
            { id: 'published-1', status: 'published', verification: { status: 'verified', method: 'invitation' } },
            { status: 201 },
          ),
        ),
      ],
    },
  },
  play: ({ canvasElement }) => fillIn(canvasElement, true),
};
export const ServerError: Story = {
  parameters: { msw: { handlers: serverError() } },
  play: ({ canvasElement }) => fillIn(canvasElement, true),
};
export const Offline: Story = {
  parameters: { msw: { handlers: offline() } },
  play: ({ canvasElement }) => fillIn(canvasElement, true),
};
export const RateLimited: Story = {
  parameters: { msw: { handlers: rateLimited(90) } },
  play: ({ canvasElement }) => fillIn(canvasElement, true),
};
export const WithInvitation: Story = { args: { invitation: DEMO_INVITATIONS[1] } };

/** The API refuses the invitation token: the form says why and offers to send it as not verified. */
function refusedInvitation(problem: 'invitation_expired' | 'invitation_used') {
  return [
    http.post('*/v1/businesses/:business/reviews', () =>
      HttpResponse.json(
        { error: { code: 'validation_failed', message: 'Invitation refused', fields: { invitationToken: problem } } },
        { status: 400 },
      ),
    ),
    ...createHandlers(),
  ];
}
export const InvitationExpired: Story = {
  name: 'Invitation link expired',
  args: { invitation: 'an-expired-token' },
  parameters: { msw: { handlers: refusedInvitation('invitation_expired') } },
  play: ({ canvasElement }) => fillIn(canvasElement, true),
};
export const InvitationUsed: Story = {
  name: 'Invitation link already used',
  args: { invitation: 'a-used-token' },
  parameters: { msw: { handlers: refusedInvitation('invitation_used') } },
  play: ({ canvasElement }) => fillIn(canvasElement, true),
};
export const ProductReview: Story = { args: { product: DEMO_PRODUCTS.grinder } };
export const Swedish: Story = { args: { locale: 'sv' } };
export const Czech: Story = { args: { locale: 'cs' } };
export const German: Story = { args: { locale: 'de' } };
export const Dark: Story = { args: { theme: 'dark' } };
export const DarkInvalid: Story = {
  args: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    const form = canvasElement.querySelector('verity-review-form')!;
    await form.updateComplete;
    form.shadowRoot!.querySelector<HTMLButtonElement>('[part="submit"]')!.click();
  },
};
