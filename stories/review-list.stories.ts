import type { Meta, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { SORTS } from '../src/client/schemas.js';
import type { Sort } from '../src/client/schemas.js';
import { createHandlers } from '../src/mocks/handlers.js';
import { DEMO_BUSINESS, DEMO_PRODUCTS, EMPTY_BUSINESS, LARGE_BUSINESS } from '../src/mocks/fixtures.js';
import { empty, offline, serverError, slow } from '../src/mocks/scenarios.js';
import { API, LOCALE_OPTIONS, THEME_OPTIONS, onPage } from './support.js';

interface ListArgs {
  business: string;
  product?: string;
  locale: string;
  sort: Sort;
  rating?: string;
  verified: boolean;
  pageSize: number;
  formHref?: string;
  theme?: (typeof THEME_OPTIONS)[number];
}

const meta: Meta<ListArgs> = {
  title: 'Components/Review list',
  component: 'verity-review-list',
  tags: ['autodocs'],
  args: { business: DEMO_BUSINESS, locale: 'en', sort: 'newest', verified: false, pageSize: 10, formHref: '#write' },
  argTypes: {
    business: { control: 'select', options: [DEMO_BUSINESS, EMPTY_BUSINESS, LARGE_BUSINESS] },
    product: { control: 'select', options: [undefined, ...Object.values(DEMO_PRODUCTS)] },
    locale: { control: 'select', options: LOCALE_OPTIONS },
    sort: { control: 'select', options: SORTS },
    rating: { control: 'text', description: 'Preset rating filter, e.g. `4,5`' },
    verified: { control: 'boolean' },
    pageSize: { control: { type: 'number', min: 1, max: 50 } },
    formHref: { control: 'text' },
    theme: { control: 'inline-radio', options: THEME_OPTIONS },
  },
  parameters: { msw: { handlers: createHandlers() }, layout: 'fullscreen' },
  render: ({ business, product, locale, sort, rating, verified, pageSize, formHref, theme }) =>
    onPage(
      theme,
      html`<verity-review-list
        api=${API}
        business=${business}
        product=${ifDefined(product)}
        locale=${locale}
        sort=${sort}
        rating=${ifDefined(rating || undefined)}
        ?verified=${verified}
        page-size=${pageSize}
        form-href=${ifDefined(formHref)}
        theme=${ifDefined(theme)}
      ></verity-review-list>`,
    ),
};
export default meta;

type Story = StoryObj<ListArgs>;

export const Default: Story = {};
export const ProductReviews: Story = { args: { product: DEMO_PRODUCTS.espresso } };
export const PresetFilter: Story = { name: 'Preset filter (4–5 stars, disclosed)', args: { rating: '4,5' } };
export const VerifiedOnly: Story = { args: { verified: true } };
export const MostHelpful: Story = { args: { sort: 'helpful' } };
export const LongTexts: Story = { name: 'Long texts', args: { sort: 'newest', pageSize: 5 } };
export const Empty: Story = { args: { business: EMPTY_BUSINESS } };
export const EmptyEverywhere: Story = {
  name: 'Empty (no reviews anywhere)',
  parameters: { msw: { handlers: empty() } },
};
export const Loading: Story = { parameters: { msw: { handlers: slow(Infinity) } } };
export const Slow: Story = { name: 'Slow API (3 s)', parameters: { msw: { handlers: slow(3000) } } };
export const ServerError: Story = { parameters: { msw: { handlers: serverError() } } };
export const Offline: Story = { parameters: { msw: { handlers: offline() } } };
export const TenThousandReviews: Story = { name: '10,000 reviews', args: { business: LARGE_BUSINESS, pageSize: 50 } };
export const Swedish: Story = { args: { locale: 'sv' } };
export const Czech: Story = { args: { locale: 'cs' } };
export const German: Story = { args: { locale: 'de' } };
export const Dark: Story = { args: { theme: 'dark' } };
export const RightToLeft: Story = {
  name: 'Right-to-left text in a review',
  args: { pageSize: 8 },
  render: (args) =>
    onPage(
      args.theme,
      html`<p>The sixth review is written in Arabic and laid out right to left inside a left-to-right page.</p>
        <verity-review-list
          api=${API}
          business=${args.business}
          locale=${args.locale}
          page-size="8"
        ></verity-review-list>`,
    ),
};
