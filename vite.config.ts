// The ESM package build (`npm run build` runs it, then the script-tag bundle and the types).
// Dependencies stay external: an app's bundler dedupes lit, zod, msw and react with its own.
import { defineConfig } from 'vite';

export const entries = {
  index: 'src/index.ts',
  define: 'src/define.ts',
  client: 'src/client/index.ts',
  mocks: 'src/mocks/index.ts',
  react: 'src/react.ts',
  ssr: 'src/ssr.ts',
  'components/stars/define': 'src/components/stars/define.ts',
  'components/rating-badge/define': 'src/components/rating-badge/define.ts',
  'components/provider/define': 'src/components/provider/define.ts',
  'components/review-list/define': 'src/components/review-list/define.ts',
  'components/review-quote/define': 'src/components/review-quote/define.ts',
  'components/star-input/define': 'src/components/star-input/define.ts',
  'components/review-form/define': 'src/components/review-form/define.ts',
};

export default defineConfig({
  publicDir: false,
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2022',
    minify: false,
    sourcemap: true,
    lib: { entry: entries, formats: ['es'] },
    rolldownOptions: { external: [/^lit/, /^@lit\//, /^@lit-labs\//, /^zod/, /^msw/, /^react/] },
  },
});
