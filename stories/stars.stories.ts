import type { Meta, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { LOCALE_OPTIONS, THEME_OPTIONS, onPage } from './support.js';

interface StarsArgs {
  rating: number;
  locale: string;
  theme?: (typeof THEME_OPTIONS)[number];
  size?: string;
}

const meta: Meta<StarsArgs> = {
  title: 'Components/Stars',
  component: 'verity-stars',
  tags: ['autodocs'],
  args: { rating: 4.3, locale: 'en' },
  argTypes: {
    rating: { control: { type: 'range', min: 0, max: 5, step: 0.1 } },
    locale: { control: 'select', options: LOCALE_OPTIONS },
    theme: { control: 'inline-radio', options: THEME_OPTIONS },
    size: { control: 'text', description: '`--verity-star-size`' },
  },
  render: ({ rating, locale, theme, size }) =>
    onPage(
      theme,
      html`<verity-stars
        rating=${rating}
        locale=${locale}
        theme=${ifDefined(theme)}
        style=${ifDefined(size ? `--verity-star-size: ${size}` : undefined)}
      ></verity-stars>`,
    ),
};
export default meta;

type Story = StoryObj<StarsArgs>;

export const Fractional: Story = {};
export const Whole: Story = { args: { rating: 5 } };
export const Half: Story = { args: { rating: 2.5 } };
export const None: Story = { args: { rating: 0 } };
export const Large: Story = { args: { rating: 3.7, size: '2.5rem' } };
export const Swedish: Story = { args: { rating: 4.62, locale: 'sv' } };
export const Czech: Story = { args: { rating: 4.62, locale: 'cs' } };
export const German: Story = { args: { rating: 4.62, locale: 'de' } };
export const Dark: Story = { args: { theme: 'dark' } };
export const CustomColours: Story = {
  render: () =>
    onPage(
      'light',
      html`<verity-stars
        rating="3.4"
        locale="en"
        style="--verity-color-star: #00b67a; --verity-color-star-empty: #dcdce6"
      ></verity-stars>`,
    ),
};
