import type { Meta, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { http, HttpResponse } from 'msw';
import { QUOTE_VARIANTS } from '../src/components/review-quote/review-quote.js';
import type { QuoteVariant } from '../src/components/review-quote/review-quote.js';
import { createHandlers } from '../src/mocks/handlers.js';
import { DEMO_BUSINESS } from '../src/mocks/fixtures.js';
import { MockStore } from '../src/mocks/store.js';
import { LONG_TEXT } from '../src/mocks/texts.js';
import { slow } from '../src/mocks/scenarios.js';
import { API, LOCALE_OPTIONS, THEME_OPTIONS, onPage } from './support.js';

// The fixtures are deterministic, so the stories can name real reviews of the demo business.
const store = new MockStore();
const shopReviews = store.reviews.filter((r) => r.business === DEMO_BUSINESS && r.status === 'published' && !r.product);
const longReview = shopReviews.find((r) => r.body === LONG_TEXT.body)!;
const twoStars = shopReviews.find((r) => r.rating === 2 && r.verification.status === 'verified' && r.body.length > 60)!;
const fiveStars = shopReviews.filter(
  (r) => r.rating === 5 && r.verification.status === 'verified' && r.language === 'en',
);

interface QuoteArgs {
  business: string;
  review: string;
  excerpt?: string;
  maxLength: number;
  variant: QuoteVariant;
  locale: string;
  href?: string;
  theme?: (typeof THEME_OPTIONS)[number];
}

const meta: Meta<QuoteArgs> = {
  title: 'Components/Review quote',
  component: 'verity-review-quote',
  tags: ['autodocs'],
  args: {
    business: DEMO_BUSINESS,
    review: longReview.id,
    excerpt: 'every bag has arrived within a week of roasting … the taste has been consistent from bag to bag.',
    maxLength: 160,
    variant: 'card',
    locale: 'en',
    href: '#reviews',
  },
  argTypes: {
    review: { control: 'select', options: shopReviews.slice(0, 40).map((r) => r.id) },
    excerpt: { control: 'text' },
    maxLength: { control: { type: 'number', min: 20, max: 400 } },
    variant: { control: 'inline-radio', options: QUOTE_VARIANTS },
    locale: { control: 'select', options: LOCALE_OPTIONS },
    href: { control: 'text' },
    theme: { control: 'inline-radio', options: THEME_OPTIONS },
  },
  parameters: { msw: { handlers: createHandlers({ store }) } },
  render: ({ business, review, excerpt, maxLength, variant, locale, href, theme }) =>
    onPage(
      theme,
      html`<div style="max-width: 36rem">
        <verity-review-quote
          api=${API}
          business=${business}
          review=${review}
          excerpt=${ifDefined(excerpt || undefined)}
          max-length=${maxLength}
          variant=${variant}
          locale=${locale}
          href=${ifDefined(href)}
          theme=${ifDefined(theme)}
        ></verity-review-quote>
      </div>`,
    ),
};
export default meta;

type Story = StoryObj<QuoteArgs>;

export const Card: Story = {};
export const Inline: Story = {
  args: { variant: 'inline', excerpt: 'I would recommend starting with the sampler' },
  render: ({ business, review, excerpt, locale }) =>
    onPage(
      undefined,
      html`<p style="max-width: 40rem">
        What do customers think of the subscription?
        <verity-review-quote
          api=${API}
          business=${business}
          review=${review}
          excerpt=${ifDefined(excerpt)}
          variant="inline"
          locale=${locale}
        ></verity-review-quote>
      </p>`,
    ),
};
export const AutomaticExcerpt: Story = { name: 'Automatic excerpt', args: { excerpt: undefined } };
export const MismatchFallback: Story = {
  name: 'Mismatch: falls back to an automatic excerpt',
  args: { excerpt: 'every bag has arrived within a day of roasting, always perfect' },
};
export const TwoStarReview: Story = {
  name: 'A kind sentence from a 2-star review',
  args: { review: twoStars.id, excerpt: twoStars.body.split('. ')[0] },
};
export const NotFound: Story = { name: 'Review not found (shows nothing)', args: { review: 'no-such-review' } };
/** `GET /v1/reviews/{id}` answers for any business: a quote shows only its own shop's reviews. */
export const ForeignReview: Story = {
  name: 'Review of another business (shows nothing, fires foreign_review)',
  args: { review: 'other-shop-review-1', excerpt: undefined },
  parameters: {
    msw: {
      handlers: [
        http.get('*/v1/reviews/:id', ({ params }) =>
          HttpResponse.json({ ...store.toPublic(longReview), id: String(params.id), business: 'other-shop' }),
        ),
        ...createHandlers({ store }),
      ],
    },
  },
};
export const Loading: Story = { parameters: { msw: { handlers: slow(Infinity) } } };
export const Swedish: Story = { args: { locale: 'sv' } };
export const Czech: Story = { args: { locale: 'cs' } };
export const German: Story = { args: { locale: 'de' } };
export const Dark: Story = { args: { theme: 'dark' } };
export const QuoteWall: Story = {
  name: 'Quote wall',
  render: ({ business, locale }) =>
    onPage(
      undefined,
      html`<div style="display: grid; gap: 1rem; grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr))">
        ${fiveStars
          .slice(0, 2)
          .map(
            (r) =>
              html`<verity-review-quote
                api=${API}
                business=${business}
                review=${r.id}
                max-length="120"
                locale=${locale}
              ></verity-review-quote>`,
          )}
        <verity-review-quote
          api=${API}
          business=${business}
          review=${twoStars.id}
          max-length="120"
          locale=${locale}
        ></verity-review-quote>
      </div>`,
    ),
};
