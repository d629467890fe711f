import { html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { isVerityApiError } from '../../client/errors.js';
import { LIMITS } from '../../client/limits.js';
import type { ReviewInput, SubmitResult } from '../../client/schemas.js';
import { validateReviewInput } from '../../client/validate.js';
import type { FieldErrors, FieldProblem } from '../../client/validate.js';
import { useWidgetStrings } from '../../internal/widget-strings.js';
import { VerityDataElement } from '../../internal/element.js';
import { VerityReviewSubmittedEvent } from '../../internal/events.js';
import { BUILT_IN_LOCALES } from '../../internal/localize.js';
import { earliestExperienceDate, isoDay } from '../../rules/windows.js';
import { buttonStyles, fieldMessageStyles } from '../../internal/widget-styles.js';
import { DraftController, EMPTY_DRAFT } from './draft.js';
import type { DraftFields } from './draft.js';
import { invitationProblemOf, takeInvitationFromUrl } from './invitation.js';
import type { InvitationProblem } from './invitation.js';
import { fieldMessage } from './messages.js';
import { formStyles } from './review-form.styles.js';

export type { DraftFields } from './draft.js';
export type { InvitationProblem } from './invitation.js';
export { DRAFT_MAX_AGE_MS } from './draft.js';

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

  constructor() {
    super();
    // This widget's English strings come with its code, not with the badge's.
    useWidgetStrings();
  }

  /** An invitation token (R8); also read from `?invitation=` in the page's URL. */
  @property() invitation?: string;

  /**
   * The shop's own name for an order's reference (`Order number`, `Ordernummer`): the label of the
   * optional field that, without an invitation, lets a matching order verify the review.
   */
  @property({ attribute: 'order-reference-label' }) orderReferenceLabel?: string;

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
  @state() private retryAfter?: number;
  @state() private spokenCounter = '';

  @query('.error-summary') private summaryElement?: HTMLElement;
  @query('.invitation-problem') private invitationAlert?: HTMLElement;
  @query('.thanks h3') private thanksHeading?: HTMLElement;

  private readonly draft = new DraftController(this, {
    sent: () => this.status === 'done',
    invitation: () => (this.urlInvitation && !this.invitationDropped ? this.urlInvitation : undefined),
    restoreInvitation: (token) => {
      this.urlInvitation ??= token;
    },
  });
  private speakTimer?: ReturnType<typeof setTimeout>;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
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
    this.draft.use(
      business ? `verity-draft:${this.resolvedApi ?? ''}|${business}|${this.resolvedProduct ?? ''}` : undefined,
    );
  }

  private readonly discardDraft = (): void => {
    this.errors = {};
    this.showSummary = false;
    this.status = 'editing';
    this.failure = undefined;
    this.draft.discard();
  };

  // -- Editing ---------------------------------------------------------------------------------

  private setField<K extends keyof DraftFields>(name: K, value: DraftFields[K]): void {
    this.draft.set(name, value);
    if (this.status === 'editing') this.failure = undefined;
    // After a failed submit, problems disappear as the visitor fixes them.
    if (this.showSummary) this.errors = this.validate().fields;
  }

  private readonly onInput = (event: Event): void => {
    const target = event.target as HTMLInputElement;
    const name = target.name as keyof DraftFields;
    if (name === 'consent') this.setField('consent', target.checked);
    else if (name === 'rating') this.setField('rating', Number((target as unknown as { value: number }).value) || 0);
    else if (name in EMPTY_DRAFT) this.setField(name, target.value as never);
    if (name === 'body') this.scheduleCounter();
  };

  private scheduleCounter(): void {
    clearTimeout(this.speakTimer);
    this.speakTimer = setTimeout(() => {
      const length = this.draft.fields.body.trim().length;
      this.spokenCounter = this.l10n.t.bodyCounterSpoken(length, LIMITS.bodyMin, LIMITS.bodyMax);
    }, SPEAK_DEBOUNCE_MS);
  }

  private payload(): ReviewInput {
    const f = this.draft.fields;
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
    const idempotencyKey = this.draft.sendKey();
    this.draft.save();
    this.status = 'submitting';
    try {
      const result = await client.submitReview(business, payload, { idempotencyKey });
      this.result = result;
      this.status = 'done';
      this.failure = undefined;
      this.draft.forget();
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
    this.draft.save();
    await this.updateComplete;
    // Without an invitation the e-mail address is needed: the visitor is taken there.
    this.renderRoot.querySelector<HTMLElement>('#f-email')?.focus();
  };

  // -- Rendering -------------------------------------------------------------------------------

  private message(field: string, problem: FieldProblem | string): string {
    return fieldMessage(this.l10n, field, problem, this.draft.fields.experiencedAt);
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
        this.draft.restored
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
    const chosen = this.draft.fields.language || this.pageLanguage;
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
    const f = this.draft.fields;
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
