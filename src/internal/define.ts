import { VERSION } from './version.js';

type VerityConstructor = CustomElementConstructor & { verityVersion?: string };

/**
 * Registers a tag unless it is registered already: loading the script twice (or the script and
 * the npm package) must not throw. A different version already on the page is kept, with a
 * warning, since the first one may already have elements upgraded.
 */
export function defineElement(tag: string, element: CustomElementConstructor): void {
  if (typeof customElements === 'undefined') return;
  const existing = customElements.get(tag) as VerityConstructor | undefined;
  if (existing) {
    if (existing !== element && existing.verityVersion !== VERSION) {
      console.warn(
        `<${tag}> is already defined by Verity ${existing.verityVersion ?? '(unknown version)'}; ` +
          `version ${VERSION} is not registered. Load Verity once per page.`,
      );
    }
    return;
  }
  (element as VerityConstructor).verityVersion = VERSION;
  customElements.define(tag, element);
}
