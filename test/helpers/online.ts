/**
 * The browser offline, as far as the widgets can tell: `navigator.onLine` is false, and every
 * `online` listener on `window` is counted while it is attached.
 */
export interface Offline {
  /** `online` listeners attached to `window` right now. */
  listeners: () => number;
  /** Takes `el` out of the page and puts it back; answers the listeners counted while it was out. */
  leaveAndReturn: (el: Element) => number;
  /** Back online: `navigator.onLine` is true again and `online` fires. */
  reconnect: () => void;
  /** Restores `navigator.onLine` and `window`'s listener methods. */
  restore: () => void;
}

export function goOffline(): Offline {
  const attached = new Set<unknown>();
  const add = window.addEventListener;
  const remove = window.removeEventListener;
  window.addEventListener = function (this: Window, ...args: Parameters<Window['addEventListener']>) {
    if (args[0] === 'online') attached.add(args[1]);
    return add.apply(this, args);
  } as Window['addEventListener'];
  window.removeEventListener = function (this: Window, ...args: Parameters<Window['removeEventListener']>) {
    if (args[0] === 'online') attached.delete(args[1]);
    return remove.apply(this, args);
  } as Window['removeEventListener'];
  Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
  const restore = () => {
    window.addEventListener = add;
    window.removeEventListener = remove;
    delete (navigator as { onLine?: boolean }).onLine;
  };
  return {
    listeners: () => attached.size,
    leaveAndReturn: (el) => {
      const parent = el.parentElement!;
      el.remove();
      const away = attached.size;
      parent.append(el);
      return away;
    },
    reconnect: () => {
      delete (navigator as { onLine?: boolean }).onLine;
      window.dispatchEvent(new Event('online'));
    },
    restore,
  };
}
