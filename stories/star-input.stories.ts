import type { Meta, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { LOCALE_OPTIONS, THEME_OPTIONS, onPage } from './support.js';

interface StarInputArgs {
  value: number;
  required: boolean;
  disabled: boolean;
  label: string;
  locale: string;
  theme?: (typeof THEME_OPTIONS)[number];
}

const meta: Meta<StarInputArgs> = {
  title: 'Components/Star input',
  component: 'verity-star-input',
  tags: ['autodocs'],
  args: { value: 0, required: true, disabled: false, label: 'Your rating', locale: 'en' },
  argTypes: {
    value: { control: { type: 'range', min: 0, max: 5, step: 1 } },
    locale: { control: 'select', options: LOCALE_OPTIONS },
    theme: { control: 'inline-radio', options: THEME_OPTIONS },
  },
  render: ({ value, required, disabled, label, locale, theme }) =>
    onPage(
      theme,
      html`<form>
        <verity-star-input
          name="rating"
          value=${value}
          ?required=${required}
          ?disabled=${disabled}
          label=${label}
          locale=${locale}
          theme=${ifDefined(theme)}
        ></verity-star-input>
      </form>`,
    ),
};
export default meta;

type Story = StoryObj<StarInputArgs>;

export const Empty: Story = {};
export const Chosen: Story = { args: { value: 4 } };
export const Disabled: Story = { args: { value: 3, disabled: true } };
export const Swedish: Story = { args: { locale: 'sv', label: 'Ditt betyg' } };
export const Dark: Story = { args: { value: 2, theme: 'dark' } };
