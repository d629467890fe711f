import { expect, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import type { VerityErrorEvent, VerityLoadEvent } from '../../src/internal/events.js';

/** Resolves with the next `verity-load` or `verity-error` anywhere on the page. */
export function nextOutcome(): Promise<VerityLoadEvent | VerityErrorEvent> {
  return new Promise((resolve) => {
    const done = (event: VerityLoadEvent | VerityErrorEvent) => {
      document.removeEventListener('verity-load', done);
      document.removeEventListener('verity-error', done);
      resolve(event);
    };
    document.addEventListener('verity-load', done);
    document.addEventListener('verity-error', done);
  });
}

/** Collects uncaught errors and unhandled rejections: a widget must never throw into the page. */
export function watchPageErrors(): { errors: unknown[]; stop: () => void } {
  const errors: unknown[] = [];
  const onError = (event: ErrorEvent) => errors.push(event.error ?? event.message);
  const onRejection = (event: PromiseRejectionEvent) => errors.push(event.reason);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return {
    errors,
    stop: () => {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    },
  };
}

/** The text a sighted user sees in a shadow root: visually hidden text left out, spaces collapsed. */
export function visibleText(root: ShadowRoot | Element): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      parts.push(node.textContent ?? '');
      return;
    }
    if (!(node instanceof Element)) {
      node.childNodes.forEach(walk);
      return;
    }
    if (node.classList.contains('visually-hidden') || node.hasAttribute('hidden')) return;
    if (getComputedStyle(node).display === 'none') return;
    if (node.shadowRoot) node.shadowRoot.childNodes.forEach(walk);
    node.childNodes.forEach(walk);
    parts.push(' ');
  };
  root.childNodes.forEach(walk);
  return parts.join('').replace(/\s+/g, ' ').trim();
}

/** `waitUntil` with room for three browser engines sharing two cores. */
export function until(predicate: () => unknown, message: string): Promise<void> {
  return waitUntil(predicate, message, { timeout: 8000 });
}

/** Every live region on the page, in the document and in every shadow root. */
export function liveRegions(root: Document | ShadowRoot = document): Element[] {
  const found: Element[] = [];
  for (const el of root.querySelectorAll('*')) {
    const live = el.getAttribute('aria-live');
    if ((live && live !== 'off') || ['status', 'alert', 'log'].includes(el.getAttribute('role') ?? '')) found.push(el);
    if (el.shadowRoot) found.push(...liveRegions(el.shadowRoot));
  }
  return found;
}

/** Each text the page's loading announcement takes from now on (`''` when it falls silent). */
export function loadingAnnouncements(): { said: string[]; stop: () => void } {
  const said: string[] = [];
  const current = () => document.querySelector('[data-verity-live]')?.textContent ?? '';
  let last = current();
  const observer = new MutationObserver(() => {
    const text = current();
    if (text !== last) said.push(text);
    last = text;
  });
  observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  return { said, stop: () => observer.disconnect() };
}

/** An element's accessible description: the text of what its `aria-describedby` names in its own root. */
export function description(el: Element): string {
  const root = el.getRootNode() as Document | ShadowRoot;
  return (el.getAttribute('aria-describedby') ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((id) => root.getElementById(id)?.textContent?.trim() ?? '')
    .join(' ');
}

/** An element's node of the browser's accessibility tree: what a screen reader is given. */
export interface AccessibilityNode {
  role?: string;
  name?: string;
  description?: string;
  invalid?: string;
}

/**
 * The accessibility node of the first element matching `selector`, searched through shadow
 * roots; `null` where the engine's driver cannot tell (only Chromium's can).
 */
export async function accessibilityNode(selector: string): Promise<AccessibilityNode | null> {
  if (!navigator.userAgent.includes('Chrome')) return null;
  return executeServerCommand<AccessibilityNode | null, { selector: string }>('accessibility-node', { selector });
}

const describeElement = (el: Element | null | undefined): string =>
  el
    ? `<${el.localName}${el.className ? ` class="${el.className}"` : ''}> "${el.textContent?.trim().slice(0, 40)}"`
    : 'nothing';

/**
 * Asserts that the keyboard focus is on `target` (in its own shadow root), naming what has it
 * otherwise. (A failed `expect(activeElement).to.equal(target)` would try to print two elements.)
 */
export function expectFocusOn(target: Element): void {
  const active = (target.getRootNode() as Document | ShadowRoot).activeElement;
  expect(
    active === target,
    `the focus is on ${describeElement(active ?? document.activeElement)}, not on ${describeElement(target)}`,
  ).to.equal(true);
}

/**
 * Presses Enter on `button` and asserts that while `host` is busy with it the button keeps the
 * keyboard focus, is `aria-disabled` and says `busyText`.
 */
export async function pressAndStayBusy(
  button: HTMLElement,
  host: { updateComplete: Promise<unknown> },
  busyText: string,
): Promise<void> {
  button.focus();
  await sendKeys({ press: 'Enter' });
  await host.updateComplete;
  expectFocusOn(button);
  expect(button.getAttribute('aria-disabled')).to.equal('true');
  expect(button.textContent!.trim()).to.equal(busyText);
}

/** Asserts that `button`, no longer busy, still has the keyboard focus. */
export function expectIdleWithFocus(button: HTMLElement): void {
  expectFocusOn(button);
  expect(button.getAttribute('aria-disabled')).to.equal('false');
}
