import { html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { randomId } from '../../client/client.js';
import { isVerityApiError } from '../../client/errors.js';
import { LIMITS } from '../../client/schemas.js';
import type { ReviewInput, SubmitResult } from '../../client/schemas.js';
import { validateReviewInput } from '../../client/validate.js';
import type { FieldErrors, FieldProblem } from '../../client/validate.js';
import { VerityDataElement } from '../../internal/element.js';
import { VerityReviewSubmittedEvent } from '../../internal/events.js';
import { BUILT_IN_LOCALES } from '../../internal/localize.js';
import { readItem, removeItem, writeItem } from '../../internal/storage.js';
import { earliestExperienceDate, isoDay } from '../../rules/windows.js';
import { buttonStyles, fieldMessageStyles } from '../../internal/styles.js';
import type { Translation } from '../../translations/en.js';
import { formStyles } from './review-form.styles.js';

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

/** Why the API refused the invitation: the review can still be sent, as not verified. */
export type InvitationProblem = keyof Translation['invitationProblems'];

/** The invitation's problem in a `validation_failed` answer, if it has one. */
function invitationProblemOf(fields: FieldErrors): InvitationProblem | undefined {
  if (fields.product === 'invitation_mismatch') return 'mismatch';
  const token: string | undefined = fields.invitationToken;
  if (token === undefined) return undefined;
  return token === 'invitation_expired' ? 'expired' : token === 'invitation_used' ? 'used' : 'invalid';
}

/**
 * Takes `?invitation=` out of the page's URL (the rest of it and the hash stay exactly as they
 * were), so the token is not kept in the history, sent on as a referrer or shared with a link.
 */
function takeInvitationFromUrl(): string | undefined {
  try {
    const query = location.search.replace(/^\?/, '');
    if (!query) return undefined;
    let token: string | undefined;
    const kept = query.split('&').filter((pair) => {
      const [name = '', value = ''] = pair.split('=');
      if (decodeURIComponent(name.replace(/\+/g, ' ')) !== 'invitation') return true;
      token ??= decodeURIComponent(value.replace(/\+/g, ' ')) || undefined;
      return false;
    });
    if (kept.length === query.split('&').length) return undefined;
    const search = kept.length > 0 ? `?${kept.join('&')}` : '';
    history.replaceState(history.state, '', `${location.pathname}${search}${location.hash}`);
    return token;
  } catch {
    return undefined;
  }
}

/** How long an unsent draft (a name among it) is kept. */
export const DRAFT_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;

const EMPTY: DraftFields = {
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

/** The order fields appear in, for the error summary. */
const FIELD_ORDER = [
  'rating',
  'title',
  'body',
  'language',
  'authorName',
  'email',
  'orderReference',
  'experiencedAt',
  'consent',
] as const;

const SAVE_DEBOUNCE_MS = 400;
const SPEAK_DEBOUNCE_MS = 1200;

type Status = 'editing' | 'submitting' | 'done';

/** Why the last send failed: shown, with a retry, until the visitor edits or it is sent. */
type Failure = 'network' | 'server' | 'rate-limited' | 'conflict';

/**
 * The review form. It collects an honest review (a rating, the text, a display name, the date of
 * the experience within the last 6 months (R7), a consent that no incentive was received (R8))
 * and never loses a word: the draft is saved as the visitor types and restored after a reload,
 * a failed submit keeps everything, and a retry reuses the draft's idempotency key, so however
 * often it is sent, exactly one review is created. The saved draft keeps no personal data
 * longer than needed: never the e-mail address, gone once the review is sent, and forgotten
 * after 7 days.
 *
 * With an invitation token (the `invitation` attribute, or `?invitation=` in the page's URL,
 * which the form then removes from the URL and keeps with the draft) the review is verified and
 * no e-mail address is asked for. When the API refuses the token (expired, already used, not
 * valid, or for another product) the form says so and offers to send the review as not
 * verified, keeping everything that was typed.
 *
 * @customElement verity-review-form
 * @summary The write-a-review form, verified by invitation.
 *
 * @event verity-review-submitted - The API accepted the review (`detail`: `{ id, status }`).
 * @event verity-error - Sending failed (`network`, `timeout`, `http`, `rate_limited`, `validation_failed`, …);
 *   the form keeps what was typed and offers a retry.
 *
 * @csspart form - The `<form>`.
 * @csspart field - Each field with its label, hint and message.
 * @csspart error-summary - The list of problems shown after a failed submit.
 * @csspart submit - The submit button.
 * @csspart notice - Draft, invitation and failure notices.
 * @csspart thanks - The thank-you panel.
 *
 * @cssproperty --verity-font-family - Font of all text.
 * @cssproperty --verity-color-text - Text.
 * @cssproperty --verity-color-text-muted - Hints.
 * @cssproperty --verity-color-link - The submit button and links.
 * @cssproperty --verity-color-surface - Field backgrounds.
 * @cssproperty --verity-color-border - Field borders.
 * @cssproperty --verity-color-focus - The focus ring.
 * @cssproperty --verity-color-star - Chosen stars.
 * @cssproperty --verity-radius - Corner radius.
 */
export class VerityReviewForm extends VerityDataElement {
  static override styles = [...VerityDataElement.styles, buttonStyles, fieldMessageStyles, formStyles];

  /** An invitation token (R8); also read from `?invitation=` in the page's URL. */
  @property() invitation?: string;

  /**
   * The shop's own name for an order's reference (`Order number`, `Ordernummer`): the label of the
   * optional field that, without an invitation, lets a matching order verify the review.
   */
  @property({ attribute: 'order-reference-label' }) orderReferenceLabel?: string;

  @state() private fields: DraftFields = { ...EMPTY };
  @state() private errors: FieldErrors = {};
  @state() private showSummary = false;
  @state() private status: Status = 'editing';
  @state() private failure?: Failure;
  @state() private invitationProblem?: InvitationProblem;
  /** The visitor chose to send without the refused invitation. */
  @state() private invitationDropped = false;
  /** The token taken from the page's URL (or the draft), once. */
  @state() private urlInvitation?: string;
  @state() private result?: SubmitResult;
  @state() private restored = false;
  @state() private retryAfter?: number;
  @state() private spokenCounter = '';

  @query('.error-summary') private summaryElement?: HTMLElement;
  @query('.invitation-problem') private invitationAlert?: HTMLElement;
  @query('.thanks h3') private thanksHeading?: HTMLElement;

  private idempotencyKey?: string;
  private draftKey?: string;
  private saveTimer?: ReturnType<typeof setTimeout>;
  private speakTimer?: ReturnType<typeof setTimeout>;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Whatever was typed is saved before the form goes away.
    if (this.saveTimer) {
      clearTimeout(this.saveTimer);
      this.saveDraft();
    }
    clearTimeout(this.speakTimer);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.urlInvitation ??= takeInvitationFromUrl();
  }

  /** The invitation in effect: the attribute, else the one from the page's URL. */
  get invitationToken(): string | undefined {
    if (this.invitationDropped) return undefined;
    return this.invitation || this.urlInvitation;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('invitation') && changed.get('invitation') !== undefined) {
      // The page gave another invitation: it is tried afresh.
      this.invitationDropped = false;
      this.invitationProblem = undefined;
    }
    const business = this.resolvedBusiness;
    const key = business
      ? `verity-draft:${this.resolvedApi ?? ''}|${business}|${this.resolvedProduct ?? ''}`
      : undefined;
    if (key !== this.draftKey) {
      this.draftKey = key;
      this.loadDraft();
    }
  }

  // -- Drafts ----------------------------------------------------------------------------------

  private loadDraft(): void {
    this.fields = { ...EMPTY };
    this.idempotencyKey = undefined;
    this.restored = false;
    if (!this.draftKey) return;
    const raw = readItem(this.draftKey);
    if (!raw) {
      // A token that has left the URL is kept with the draft at once: a reload keeps it.
      if (this.urlInvitation) this.saveDraft();
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
      removeItem(this.draftKey);
      return;
    }
    const { email, ...fields } = draft.fields as Partial<DraftFields>;
    this.fields = { ...EMPTY, ...fields };
    this.idempotencyKey = draft.idempotencyKey;
    this.restored = Object.values(fields).some((value) => Boolean(value));
    this.urlInvitation ??= draft.invitation;
    // A draft saved by an older version may hold the e-mail address: it is dropped at once.
    if (email !== undefined) this.saveDraft();
  }

  private saveDraft(): void {
    this.saveTimer = undefined;
    // Sent: nothing is left to keep (a keystroke during sending must not bring the draft back).
    if (!this.draftKey || this.status === 'done') return;
    this.idempotencyKey ??= randomId();
    const { email: _email, ...fields } = this.fields;
    const draft: StoredDraft = {
      fields,
      idempotencyKey: this.idempotencyKey,
      savedAt: new Date().toISOString(),
      ...(this.urlInvitation && !this.invitationDropped ? { invitation: this.urlInvitation } : {}),
    };
    writeItem(this.draftKey, JSON.stringify(draft));
  }

  private scheduleSave(): void {
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => this.saveDraft(), SAVE_DEBOUNCE_MS);
  }

  private readonly discardDraft = (): void => {
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    if (this.draftKey) removeItem(this.draftKey);
    this.fields = { ...EMPTY };
    this.idempotencyKey = undefined;
    this.errors = {};
    this.showSummary = false;
    this.restored = false;
    this.status = 'editing';
    this.failure = undefined;
    // The text goes; an invitation from the URL stays with the (now empty) draft.
    if (this.urlInvitation && !this.invitationDropped) this.saveDraft();
  };

  // -- Editing ---------------------------------------------------------------------------------

  private setField<K extends keyof DraftFields>(name: K, value: DraftFields[K]): void {
    this.fields = { ...this.fields, [name]: value };
    if (this.status === 'editing') this.failure = undefined;
    // After a failed submit, problems disappear as the visitor fixes them.
    if (this.showSummary) this.errors = this.validate().fields;
    this.scheduleSave();
  }

  private readonly onInput = (event: Event): void => {
    const target = event.target as HTMLInputElement;
    const name = target.name as keyof DraftFields;
    if (name === 'consent') this.setField('consent', target.checked);
    else if (name === 'rating') this.setField('rating', Number((target as unknown as { value: number }).value) || 0);
    else if (name in EMPTY) this.setField(name, target.value as never);
    if (name === 'body') this.scheduleCounter();
  };

  private scheduleCounter(): void {
    clearTimeout(this.speakTimer);
    this.speakTimer = setTimeout(() => {
      const length = this.fields.body.trim().length;
      this.spokenCounter = this.l10n.t.bodyCounterSpoken(length, LIMITS.bodyMin, LIMITS.bodyMax);
    }, SPEAK_DEBOUNCE_MS);
  }

  private payload(): ReviewInput {
    const f = this.fields;
    const invitation = this.invitationToken;
    const website = this.renderRoot.querySelector<HTMLInputElement>('input[name="website"]')?.value ?? '';
    return {
      ...(this.resolvedProduct ? { product: this.resolvedProduct } : {}),
      rating: f.rating,
      ...(f.title.trim() ? { title: f.title } : {}),
      body: f.body,
      authorName: f.authorName,
      ...(invitation ? { invitationToken: invitation } : f.email.trim() ? { email: f.email.trim() } : {}),
      ...(!invitation && f.orderReference.trim() ? { orderReference: f.orderReference.trim() } : {}),
      experiencedAt: f.experiencedAt,
      language: f.language || this.pageLanguage,
      consent: f.consent as true,
      website,
    };
  }

  /** The page's language (`de` for `de-AT`), which a review is written in unless the reviewer says otherwise. */
  private get pageLanguage(): string {
    return this.resolvedLocale.trim().toLowerCase().split(/[-_]/)[0] || 'en';
  }

  private validate(): { payload: ReviewInput; fields: FieldErrors } {
    const payload = this.payload();
    const result = validateReviewInput(payload, new Date());
    return { payload, fields: result.success ? {} : result.fields };
  }

  // -- Submitting ------------------------------------------------------------------------------

  private readonly onSubmit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    await this.submit();
  };

  /** Validates and sends; a retry after a failure sends the same draft with the same key. */
  private async submit(): Promise<void> {
    if (this.status === 'submitting' || this.status === 'done') return;
    const { payload, fields } = this.validate();
    if (Object.keys(fields).length > 0) {
      this.errors = fields;
      this.showSummary = true;
      await this.updateComplete;
      this.summaryElement?.focus();
      return;
    }
    const client = this.client;
    const business = this.resolvedBusiness;
    if (!client || !business) {
      this.emitError(
        'missing_config',
        '<verity-review-form> needs api and business: set the attributes, a <verity-provider>, or configure({...}).',
      );
      this.failure = 'server';
      return;
    }
    this.errors = {};
    this.showSummary = false;
    this.idempotencyKey ??= randomId();
    clearTimeout(this.saveTimer);
    this.saveDraft();
    this.status = 'submitting';
    try {
      const result = await client.submitReview(business, payload, { idempotencyKey: this.idempotencyKey });
      this.result = result;
      this.status = 'done';
      this.failure = undefined;
      if (this.draftKey) removeItem(this.draftKey);
      this.idempotencyKey = undefined;
      this.restored = false;
      this.dispatchEvent(new VerityReviewSubmittedEvent({ id: result.id, status: result.status }));
      await this.updateComplete;
      this.thanksHeading?.focus();
    } catch (error) {
      this.reportError(error);
      this.status = 'editing';
      if (!isVerityApiError(error)) {
        this.failure = 'server';
        return;
      }
      switch (error.code) {
        case 'validation_failed': {
          this.failure = undefined;
          const fields = (error.fields ?? {}) as FieldErrors;
          this.invitationProblem = invitationProblemOf(fields);
          // The invitation has no field of its own: its problem is said at the top of the form.
          const { invitationToken: _token, ...rest } = fields;
          if (rest.product === 'invitation_mismatch') delete rest.product;
          this.errors = rest;
          this.showSummary = true;
          await this.updateComplete;
          (this.invitationProblem ? this.invitationAlert : this.summaryElement)?.focus();
          break;
        }
        case 'rate_limited':
          this.failure = 'rate-limited';
          this.retryAfter = error.retryAfter;
          break;
        case 'idempotency_conflict':
          this.failure = 'conflict';
          break;
        case 'network':
        case 'timeout':
          this.failure = 'network';
          break;
        default:
          this.failure = 'server';
      }
    }
  }

  private readonly retry = (): void => {
    void this.submit();
  };

  /** Sends without the refused invitation, as not verified: everything typed stays. */
  private readonly dropInvitation = async (): Promise<void> => {
    this.invitationDropped = true;
    this.invitationProblem = undefined;
    this.saveDraft();
    await this.updateComplete;
    // Without an invitation the e-mail address is needed: the visitor is taken there.
    this.renderRoot.querySelector<HTMLElement>('#f-email')?.focus();
  };

  // -- Rendering -------------------------------------------------------------------------------

  private message(field: string, problem: FieldProblem | string): string {
    const { t, number } = { t: this.l10n.t, number: (n: number) => this.l10n.number(n) };
    const e = t.errors;
    switch (field) {
      case 'rating':
        return e.rating;
      case 'title':
        return problem === 'too_long' ? e.titleTooLong(number(LIMITS.titleMax)) : e.invalid;
      case 'body':
        if (problem === 'too_short') return e.bodyTooShort(number(LIMITS.bodyMin));
        if (problem === 'too_long') return e.bodyTooLong(number(LIMITS.bodyMax));
        return e.bodyRequired;
      case 'authorName':
        if (problem === 'too_short') return e.nameTooShort(number(LIMITS.authorNameMin));
        if (problem === 'too_long') return e.nameTooLong(number(LIMITS.authorNameMax));
        return e.nameRequired;
      case 'email':
        return problem === 'required' ? e.emailRequired : e.emailInvalid;
      case 'experiencedAt':
        if (problem === 'future') return e.dateFuture;
        if (problem === 'too_old')
          return e.dateTooOld(
            this.l10n.date(`${earliestExperienceDate(new Date())}T12:00:00Z`, { dateStyle: 'long', timeZone: 'UTC' }),
          );
        return this.fields.experiencedAt ? e.invalid : e.dateRequired;
      case 'consent':
        return e.consent;
      case 'product':
        return e.productUnknown;
      default:
        return e.invalid;
    }
  }

  /** A field's label, control, hint and message, wired with `aria-describedby` and `aria-invalid`. */
  private field(
    name: string,
    label: string,
    control: (describedBy: string, invalid: boolean) => TemplateResult,
    hint?: string,
  ): TemplateResult {
    const problem = this.errors[name];
    const describedBy = [hint ? `h-${name}` : '', problem ? `e-${name}` : ''].filter(Boolean).join(' ');
    return html`<div part="field" class="field ${problem ? 'invalid' : ''}">
      <label for="f-${name}">${label}</label>
      ${hint ? html`<p class="hint" id="h-${name}">${hint}</p>` : nothing} ${control(describedBy, Boolean(problem))}
      ${problem ? html`<p class="message" id="e-${name}">${this.message(name, problem)}</p>` : nothing}
    </div>`;
  }

  override render() {
    const { t } = this.l10n;
    if (this.status === 'done' && this.result) {
      return html`<div part="thanks" class="thanks" role="status">
        <h3 tabindex="-1">${t.thanksTitle}</h3>
        ${this.result.confirmation === 'email' ? html`<p>${t.thanksConfirm}</p>` : nothing}
        <p>${this.result.status === 'published' ? t.thanksPublished : t.thanksPending}</p>
      </div>`;
    }
    return html`<form part="form" novalidate @submit=${this.onSubmit} @input=${this.onInput} @change=${this.onInput}>
      <h3 class="title">${t.formTitle}</h3>
      ${this.renderNotices()} ${this.renderSummary()} ${this.renderFields()}
      <p class="hint">${t.moderationNote} ${t.noIncentive}</p>
      <button part="submit" class="button submit" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>
        ${this.busy ? t.submitting : t.submit}
      </button>
    </form>`;
  }

  /**
   * Sending: the buttons that send stay focusable and say so (`aria-disabled`), and ignore
   * clicks; a `disabled` button would drop the keyboard focus to the page.
   */
  private get busy(): boolean {
    return this.status === 'submitting';
  }

  private renderNotices(): TemplateResult {
    const l10n = this.l10n;
    const { t } = l10n;
    const failure =
      this.failure === 'network'
        ? t.networkFailed
        : this.failure === 'server'
          ? t.serverFailed
          : this.failure === 'conflict'
            ? t.alreadySent
            : this.failure === 'rate-limited'
              ? t.rateLimited(l10n.relative(new Date(Date.now() + (this.retryAfter ?? 60) * 1000)))
              : undefined;
    const invitation = this.invitationProblem;
    return html`${
        invitation
          ? html`<div part="notice" class="notice failure invitation-problem" role="alert" tabindex="-1">
              <p>${t.invitationProblems[invitation]} ${t.invitationFallback}</p>
              <button type="button" class="button secondary" @click=${this.dropInvitation}>${t.dropInvitation}</button>
            </div>`
          : this.invitationToken
            ? html`<p part="notice" class="notice verified">${t.invitationNote}</p>`
            : nothing
      }
      ${
        this.restored
          ? html`<p part="notice" class="notice">
              ${t.draftRestored}
              <button type="button" class="link-button" @click=${this.discardDraft}>${t.discardDraft}</button>
            </p>`
          : nothing
      }
      <div class="live" role="alert">
        ${
          failure
            ? html`<div part="notice" class="notice failure">
                <p>${failure}</p>
                ${
                  this.failure === 'conflict'
                    ? nothing
                    : html`<button
                        type="button"
                        class="button secondary retry"
                        aria-disabled=${this.busy ? 'true' : 'false'}
                        @click=${this.retry}
                      >
                        ${this.busy ? t.submitting : t.retry}
                      </button>`
                }
                ${
                  this.failure === 'conflict'
                    ? html`<button type="button" class="button secondary" @click=${this.discardDraft}>
                        ${t.discardDraft}
                      </button>`
                    : nothing
                }
              </div>`
            : nothing
        }
      </div>`;
  }

  private renderSummary(): TemplateResult | typeof nothing {
    const entries = Object.entries(this.errors).filter(([, problem]) => problem);
    if (!this.showSummary || entries.length === 0) return nothing;
    const order = (name: string) => {
      const index = FIELD_ORDER.indexOf(name as (typeof FIELD_ORDER)[number]);
      return index === -1 ? FIELD_ORDER.length : index;
    };
    entries.sort(([a], [b]) => order(a) - order(b));
    return html`<div part="error-summary" class="error-summary" tabindex="-1" role="alert">
      <p><strong>${this.l10n.t.errorSummary}</strong></p>
      <ul>
        ${entries.map(([name, problem]) =>
          (FIELD_ORDER as readonly string[]).includes(name)
            ? html`<li>
                <a href="#f-${name}" @click=${(event: Event) => this.focusField(event, name)}
                  >${this.message(name, problem!)}</a
                >
              </li>`
            : // A problem without a field of its own (the product) is said, not linked.
              html`<li>${this.message(name, problem!)}</li>`,
        )}
      </ul>
    </div>`;
  }

  private focusField(event: Event, name: string): void {
    event.preventDefault();
    const target = this.renderRoot.querySelector<HTMLElement>(`#f-${name}`);
    target?.focus();
    target?.scrollIntoView({ block: 'center' });
  }

  /** The built-in languages and the page's, each in the page's language, the chosen one selected. */
  private renderLanguages(describedBy: string, invalid: boolean): TemplateResult {
    const l10n = this.l10n;
    const chosen = this.fields.language || this.pageLanguage;
    const codes = [...new Set<string>([...BUILT_IN_LOCALES, this.pageLanguage, chosen])]
      .map((code) => ({ code, name: l10n.displayName('language', code) }))
      .sort((a, b) => a.name.localeCompare(b.name, l10n.locale));
    return html`<select
      id="f-language"
      name="language"
      aria-describedby=${describedBy || nothing}
      aria-invalid=${invalid ? 'true' : 'false'}
    >
      ${codes.map(({ code, name }) => html`<option value=${code} ?selected=${code === chosen}>${name}</option>`)}
    </select>`;
  }

  private renderFields(): TemplateResult {
    const l10n = this.l10n;
    const { t } = l10n;
    const f = this.fields;
    const now = new Date();
    const earliest = earliestExperienceDate(now);
    const bodyLength = f.body.trim().length;
    const ratingProblem = this.errors.rating;
    const describedBy = (ids: string) => ids || nothing;
    return html`
      <div part="field" class="field ${ratingProblem ? 'invalid' : ''}">
        <span class="label" id="l-rating">${t.ratingLabel}</span>
        <verity-star-input
          id="f-rating"
          name="rating"
          required
          .value=${f.rating}
          .error=${ratingProblem ? this.message('rating', ratingProblem) : ''}
          label=${t.ratingLabel}
          locale=${l10n.locale}
        ></verity-star-input>
      </div>
      ${this.field(
        'title',
        t.titleLabel,
        (ids, invalid) =>
          html`<input
            id="f-title"
            name="title"
            type="text"
            maxlength=${LIMITS.titleMax}
            .value=${f.title}
            aria-describedby=${describedBy(ids)}
            aria-invalid=${invalid ? 'true' : 'false'}
          />`,
      )}
      ${this.field(
        'body',
        t.bodyLabel,
        (ids, invalid) =>
          html`<textarea
              id="f-body"
              name="body"
              rows="6"
              required
              maxlength=${LIMITS.bodyMax}
              .value=${f.body}
              aria-describedby=${describedBy([ids, 'c-body'].filter(Boolean).join(' '))}
              aria-invalid=${invalid ? 'true' : 'false'}
            ></textarea>
            <p
              class="counter ${bodyLength > 0 && bodyLength < LIMITS.bodyMin ? 'short' : ''}"
              id="c-body"
              aria-hidden="true"
            >
              ${t.bodyCounter(l10n.number(bodyLength), l10n.number(LIMITS.bodyMax))}
            </p>
            <span class="visually-hidden" aria-live="polite">${this.spokenCounter}</span>`,
      )}
      ${this.field('language', t.reviewLanguageLabel, (ids, invalid) => this.renderLanguages(ids, invalid))}
      ${this.field(
        'authorName',
        t.nameLabel,
        (ids, invalid) =>
          html`<input
            id="f-authorName"
            name="authorName"
            type="text"
            autocomplete="nickname"
            required
            maxlength=${LIMITS.authorNameMax}
            .value=${f.authorName}
            aria-describedby=${describedBy(ids)}
            aria-invalid=${invalid ? 'true' : 'false'}
          />`,
        t.nameHint,
      )}
      ${
        this.invitationToken
          ? nothing
          : this.field(
              'email',
              t.emailLabel,
              (ids, invalid) =>
                html`<input
                  id="f-email"
                  name="email"
                  type="email"
                  autocomplete="email"
                  required
                  .value=${f.email}
                  aria-describedby=${describedBy(ids)}
                  aria-invalid=${invalid ? 'true' : 'false'}
                />`,
              t.emailHint,
            )
      }
      ${
        this.invitationToken
          ? nothing
          : this.field(
              'orderReference',
              this.orderReferenceLabel?.trim() || t.orderReferenceLabel,
              (ids, invalid) =>
                html`<input
                  id="f-orderReference"
                  name="orderReference"
                  type="text"
                  autocomplete="off"
                  maxlength=${LIMITS.orderReferenceMax}
                  .value=${f.orderReference}
                  aria-describedby=${describedBy(ids)}
                  aria-invalid=${invalid ? 'true' : 'false'}
                />`,
              t.orderReferenceHint,
            )
      }
      ${this.field(
        'experiencedAt',
        t.dateLabel,
        (ids, invalid) =>
          html`<input
            id="f-experiencedAt"
            name="experiencedAt"
            type="date"
            required
            min=${earliest}
            max=${isoDay(now)}
            .value=${f.experiencedAt}
            aria-describedby=${describedBy(ids)}
            aria-invalid=${invalid ? 'true' : 'false'}
          />`,
        t.dateHint(l10n.date(`${earliest}T12:00:00Z`, { dateStyle: 'long', timeZone: 'UTC' })),
      )}
      <div part="field" class="field check ${this.errors.consent ? 'invalid' : ''}">
        <input
          id="f-consent"
          name="consent"
          type="checkbox"
          required
          .checked=${f.consent}
          aria-describedby=${describedBy(this.errors.consent ? 'e-consent' : '')}
          aria-invalid=${this.errors.consent ? 'true' : 'false'}
        />
        <label for="f-consent">${t.consentLabel}</label>
        ${this.errors.consent ? html`<p class="message" id="e-consent">${this.message('consent', this.errors.consent)}</p>` : nothing}
      </div>
      <div class="hp" aria-hidden="true">
        <label>${t.honeypotLabel} <input name="website" type="text" tabindex="-1" autocomplete="off" /></label>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'verity-review-form': VerityReviewForm;
  }
}
