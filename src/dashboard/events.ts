/** The events a screen sends up to the dashboard's shell (bubbling, composed). */
import type { Me } from '../contract/dashboard.js';

/** A screen asks for another URL (after signing in, after a form): the shell pushes it. */
export class DashboardNavigateEvent extends Event {
  readonly href: string;
  readonly replace: boolean;
  constructor(href: string, replace = false) {
    super('verity-dash-navigate', { bubbles: true, composed: true });
    this.href = href;
    this.replace = replace;
  }
}

/** Signing in worked: here is who is signed in. */
export class DashboardSignedInEvent extends Event {
  readonly me: Me;
  constructor(me: Me) {
    super('verity-dash-signed-in', { bubbles: true, composed: true });
    this.me = me;
  }
}

/** The API answered 401, or the member signed out: the sign-in screen is next. */
export class DashboardSignedOutEvent extends Event {
  constructor() {
    super('verity-dash-signed-out', { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'verity-dash-navigate': DashboardNavigateEvent;
    'verity-dash-signed-in': DashboardSignedInEvent;
    'verity-dash-signed-out': DashboardSignedOutEvent;
  }
}
