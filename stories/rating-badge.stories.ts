import type { Meta, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { BADGE_VARIANTS } from '../src/components/rating-badge/rating-badge.js';
import type { BadgeVariant } from '../src/components/rating-badge/rating-badge.js';
import { createHandlers } from '../src/mocks/handlers.js';
import {
  DEMO_BUSINESS,
  DEMO_PRODUCTS,
  EMPTY_BUSINESS,
  LARGE_BUSINESS,
  UNSCORED_BUSINESS,
} from '../src/mocks/fixtures.js';
import { malformedJson, offline, rateLimited, serverError, slow } from '../src/mocks/scenarios.js';
import { API, LOCALE_OPTIONS, THEME_OPTIONS, onPage } from './support.js';

interface BadgeArgs {
  business: string;
  product?: string;
  locale: string;
  variant: BadgeVariant;
  theme?: (typeof THEME_OPTIONS)[number];
  href?: string;
}

const meta: Meta<BadgeArgs> = {
  title: 'Components/Rating badge',
  component: 'verity-rating-badge',
  tags: ['autodocs'],
  args: { business: DEMO_BUSINESS, locale: 'en', variant: 'full', href: '#reviews' },
  argTypes: {
    business: { control: 'select', options: [DEMO_BUSINESS, EMPTY_BUSINESS, UNSCORED_BUSINESS, LARGE_BUSINESS] },
    product: { control: 'select', options: [undefined, ...Object.values(DEMO_PRODUCTS)] },
    locale: { control: 'select', options: LOCALE_OPTIONS },
    variant: { control: 'inline-radio', options: BADGE_VARIANTS },
    theme: { control: 'inline-radio', options: THEME_OPTIONS },
    href: { control: 'text' },
  },
  parameters: { msw: { handlers: createHandlers() } },
  render: ({ business, product, locale, variant, theme, href }) =>
    onPage(
      theme,
      html`<verity-rating-badge
        api=${API}
        business=${business}
        product=${ifDefined(product)}
        locale=${locale}
        variant=${variant}
        theme=${ifDefined(theme)}
        href=${ifDefined(href)}
      ></verity-rating-badge>`,
    ),
};
export default meta;

type Story = StoryObj<BadgeArgs>;

export const Default: Story = {};
export const Compact: Story = { args: { variant: 'compact' } };
export const ProductBadge: Story = { args: { product: DEMO_PRODUCTS.espresso } };
export const NoReviews: Story = { args: { business: EMPTY_BUSINESS } };
export const NoScoreYet: Story = {
  name: 'No score yet (only imported and unverified reviews)',
  args: { business: UNSCORED_BUSINESS },
};
export const Loading: Story = { parameters: { msw: { handlers: slow(Infinity) } } };
export const LoadingCompact: Story = {
  args: { variant: 'compact' },
  parameters: { msw: { handlers: slow(Infinity) } },
};
export const Slow: Story = { name: 'Slow API (3 s)', parameters: { msw: { handlers: slow(3000) } } };
export const ServerError: Story = { parameters: { msw: { handlers: serverError() } } };
export const MalformedResponse: Story = { parameters: { msw: { handlers: malformedJson() } } };
export const RateLimited: Story = { parameters: { msw: { handlers: rateLimited(120) } } };
export const TenThousandReviews: Story = { name: '10,000 reviews', args: { business: LARGE_BUSINESS } };
export const Offline: Story = { parameters: { msw: { handlers: offline() } } };
export const Swedish: Story = { args: { locale: 'sv' } };
export const Czech: Story = { args: { locale: 'cs' } };
export const German: Story = { args: { locale: 'de' } };
export const Dark: Story = { args: { theme: 'dark' } };
export const DarkCompact: Story = { args: { theme: 'dark', variant: 'compact' } };
export const DisclosureOpen: Story = {
  name: 'How reviews are verified (open)',
  play: async ({ canvasElement }) => {
    const badge = canvasElement.querySelector('verity-rating-badge')!;
    const button = await new Promise<HTMLButtonElement>((resolve) => {
      const find = () => {
        const found = badge.shadowRoot?.querySelector<HTMLButtonElement>('[part~="verified"]');
        if (found) resolve(found);
        else setTimeout(find, 50);
      };
      find();
    });
    button.click();
  },
};
export const Themed: Story = {
  name: 'Themed with tokens',
  render: () =>
    onPage(
      'light',
      html`<verity-rating-badge
        api=${API}
        business=${DEMO_BUSINESS}
        locale="en"
        style="--verity-color-star: #00b67a; --verity-font-family: Georgia, serif; --verity-color-link: #6b2fb3; --verity-radius: 0"
      ></verity-rating-badge>`,
    ),
};
