// `cem analyze` reads the JSDoc of the element classes; Storybook's docs pages and editors read
// the manifest it writes.
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.styles.ts', 'src/mocks/**', 'src/translations/**', 'src/dashboard/**'],
  outdir: '.',
  litelement: true,
  packagejson: false,
  plugins: [
    {
      // Events are documented by name with `@event`; the analyzer also lists each
      // `dispatchEvent(new SomeEvent(…))` without a name, which helps no reader.
      name: 'verity-public-api-only',
      packageLinkPhase({ customElementsManifest }) {
        for (const mod of customElementsManifest.modules) {
          for (const declaration of mod.declarations ?? []) {
            if (declaration.events) declaration.events = declaration.events.filter((event) => event.name);
            // Private and protected members are not API: keep them out of docs and editors.
            if (declaration.members) {
              declaration.members = declaration.members.filter(
                (member) => member.privacy !== 'private' && member.privacy !== 'protected',
              );
            }
          }
        }
      },
    },
  ],
};
