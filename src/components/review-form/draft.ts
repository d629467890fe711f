/**
 * The form's draft: what the visitor has typed, saved as they type (debounced) and restored after
 * a reload, with the idempotency key that makes every retry of it the same review. It keeps no
 * personal data longer than needed: never the e-mail address, gone once the review is sent, and
 * forgotten after 7 days.
 */
import type { ReactiveController } from 'lit';
import { randomId } from '../../client/client.js';
import type { WidgetHost } from '../../internal/element.js';
import { readItem, removeItem, writeItem } from '../../internal/storage.js';

/** What the visitor has typed: the draft that is saved and restored. */
export interface DraftFields {
  rating: number;
  title: string;
  body: string;
  /** The language the review is written in; empty: the page's. */
  language: string;
  authorName: string;
  email: string;
  /** The order's reference, optional, without an invitation: it may verify the review. */
  orderReference: string;
  experiencedAt: string;
  consent: boolean;
}

/** A draft in `localStorage`: never the e-mail address, and only for a week. */
interface StoredDraft {
  fields: Omit<DraftFields, 'email'>;
  idempotencyKey: string;
  savedAt: string;
  /** The invitation token taken from the page's URL, so a reload keeps the review verified. */
  invitation?: string;
}

/** How long an unsent draft (a name among it) is kept. */
export const DRAFT_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;

export const EMPTY_DRAFT: DraftFields = {
  rating: 0,
  title: '',
  body: '',
  language: '',
  authorName: '',
  email: '',
  orderReference: '',
  experiencedAt: '',
  consent: false,
};

const SAVE_DEBOUNCE_MS = 400;

/** What the draft needs to know of the form. */
export interface DraftOwner {
  /** The review was sent: nothing is left to keep. */
  sent(): boolean;
  /** The invitation from the page's URL to keep with the draft, if any. */
  invitation(): string | undefined;
  /** A reloaded draft brings back the invitation it was saved with. */
  restoreInvitation(token: string): void;
}

export class DraftController implements ReactiveController {
  fields: DraftFields = { ...EMPTY_DRAFT };
  /** A draft with something in it came back from storage (the form offers to discard it). */
  restored = false;
  private idempotencyKey?: string | undefined;
  private key?: string | undefined;
  private saveTimer?: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly host: WidgetHost,
    private readonly owner: DraftOwner,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    // Whatever was typed is saved before the form goes away.
    if (this.saveTimer) {
      clearTimeout(this.saveTimer);
      this.save();
    }
  }

  /** The draft's storage key: one per API, business and product. A new key loads its draft. */
  use(key: string | undefined): void {
    if (key === this.key) return;
    this.key = key;
    this.load();
  }

  /** The key every send of this draft carries: made once, kept until it is sent or discarded. */
  sendKey(): string {
    return (this.idempotencyKey ??= randomId());
  }

  set<K extends keyof DraftFields>(name: K, value: DraftFields[K]): void {
    this.fields = { ...this.fields, [name]: value };
    this.host.requestUpdate();
    this.schedule();
  }

  private load(): void {
    this.fields = { ...EMPTY_DRAFT };
    this.idempotencyKey = undefined;
    this.restored = false;
    if (!this.key) return;
    const raw = readItem(this.key);
    if (!raw) {
      // A token that has left the URL is kept with the draft at once: a reload keeps it.
      if (this.owner.invitation()) this.save();
      return;
    }
    let draft: StoredDraft | undefined;
    try {
      draft = JSON.parse(raw) as StoredDraft;
    } catch {
      // unreadable: forgotten below
    }
    const age = Date.now() - Date.parse(draft?.savedAt ?? '');
    if (!draft || typeof draft.fields !== 'object' || !(age >= 0 && age <= DRAFT_MAX_AGE_MS)) {
      removeItem(this.key);
      return;
    }
    const { email, ...fields } = draft.fields as Partial<DraftFields>;
    this.fields = { ...EMPTY_DRAFT, ...fields };
    this.idempotencyKey = draft.idempotencyKey;
    this.restored = Object.values(fields).some((value) => Boolean(value));
    if (draft.invitation) this.owner.restoreInvitation(draft.invitation);
    // A draft saved by an older version may hold the e-mail address: it is dropped at once.
    if (email !== undefined) this.save();
  }

  /** Saves now (a pending debounced save is done with). */
  save(): void {
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    // Sent: nothing is left to keep (a keystroke during sending must not bring the draft back).
    if (!this.key || this.owner.sent()) return;
    this.idempotencyKey ??= randomId();
    const { email: _email, ...fields } = this.fields;
    const invitation = this.owner.invitation();
    const draft: StoredDraft = {
      fields,
      idempotencyKey: this.idempotencyKey,
      savedAt: new Date().toISOString(),
      ...(invitation ? { invitation } : {}),
    };
    writeItem(this.key, JSON.stringify(draft));
  }

  private schedule(): void {
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => this.save(), SAVE_DEBOUNCE_MS);
  }

  /** The review was sent: the stored draft and its key are gone. */
  forget(): void {
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    if (this.key) removeItem(this.key);
    this.idempotencyKey = undefined;
    this.restored = false;
  }

  /** The visitor threw the draft away: the text goes; an invitation from the URL stays with it. */
  discard(): void {
    this.forget();
    this.fields = { ...EMPTY_DRAFT };
    this.host.requestUpdate();
    if (this.owner.invitation()) this.save();
  }
}
