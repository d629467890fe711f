import { setCustomElementsManifest } from '@storybook/web-components';
import type { Preview } from '@storybook/web-components';
import { mswLoader } from 'msw-storybook-addon/csf3';
import manifest from '../custom-elements.json';
import '../src/define.js';

// Docs pages (attributes, events, parts, CSS properties) come from the JSDoc in the code.
setCustomElementsManifest(manifest);

const preview: Preview = {
  loaders: [mswLoader()],
  parameters: {
    controls: { expanded: true },
    a11y: { test: 'error' },
    layout: 'padded',
  },
};

export default preview;
