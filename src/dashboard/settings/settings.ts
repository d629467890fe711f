import { css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { isVerityApiError } from '../../client/errors.js';
import { validateInput } from '../../client/validate.js';
import type { FieldErrors } from '../../client/validate.js';
import {
  ALLOWED_ORIGINS_MAX,
  businessPatchSchema,
  INVITATION_LOCALES,
  invitationPolicySchema,
  MEMBER_ROLES,
  memberInputSchema,
  VERIFICATION_TEXT_MAX,
} from '../../contract/dashboard.js';
import type {
  BusinessPatch,
  BusinessSettings,
  InvitationLocale,
  Member,
  MemberRole,
} from '../../contract/dashboard.js';
import { DashboardScreen } from '../screen.js';
import { copyText } from '../ui/copy.js';

/** The forms of the screen, each saved on its own. */
type Form = 'timing' | 'language' | 'verification' | 'origins' | 'members';

/** The limits of the invitation policy, as the contract's schema has them (for the hints). */
export const TIMING_LIMITS = {
  delayDays: [0, 365],
  reminderAfterDays: [1, 90],
  expiresAfterDays: [1, 365],
} as const;

/** `https://Shop.example/` → `https://shop.example`: what a member types, as an origin. */
export function normalizeOrigin(value: string): string {
  const trimmed = value.trim().replace(/\/+$/, '');
  try {
    const url = new URL(trimmed);
    return /^https?:$/.test(url.protocol) && `${url.protocol}//${url.host}` === trimmed.toLowerCase()
      ? `${url.protocol}//${url.host}`
      : trimmed;
  } catch {
    return trimmed;
  }
}

/**
 * The owners' settings: invitation timing, the invitations' language for orders that do not say
 * theirs (WooCommerce's, a CSV without a locale column), the text of "How reviews are verified"
 * (R11), the origins allowed to post from a browser, the webhook secret (a new one is shown once),
 * and the members (never leaving the business without an owner). Moderators see that it is for
 * owners; the server answers them 403 anyway.
 *
 * @customElement verity-dash-settings
 * @summary The dashboard's settings.
 */
export class VerityDashSettings extends DashboardScreen {
  static override styles = [
    ...DashboardScreen.styles,
    css`
      .grid {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr));
        gap: 0.75rem 1rem;
      }

      input[type='number'] {
        width: 8rem;
      }

      .origins li {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: space-between;
        gap: 0.5rem;
        padding: 0.35rem 0;
        border-bottom: 1px solid var(--border);
        overflow-wrap: anywhere;
      }

      .secret {
        width: 100%;
        font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
      }
    `,
  ];

  @state() private fields: Partial<Record<Form, FieldErrors>> = {};
  @state() private saving?: Form;
  @state() private notices: Partial<Record<Form, string>> = {};
  @state() private reminder?: boolean;
  @state() private textLength?: number;
  @state() private confirmingSecret = false;
  @state() private secret?: string;
  @state() private creatingSecret = false;
  @state() private removing?: string;
  /** The settings as the last change answered (newer than the task's value). */
  @state() private changed?: BusinessSettings;
  @state() private memberList?: Member[];

  private readonly settings = this.load(
    ([api, business, role], signal) =>
      role === 'owner' ? api.business(business, { signal }) : Promise.resolve(undefined),
    () => [this.api, this.business, this.memberRole] as const,
  );

  private readonly members = this.load(
    ([api, business, role], signal) =>
      role === 'owner' ? api.members(business, { signal }) : Promise.resolve(undefined),
    () => [this.api, this.business, this.memberRole] as const,
  );

  get heading(): string {
    return this.l10n.t.screens.settings;
  }

  private get current(): BusinessSettings | undefined {
    const loaded = this.settings.value;
    return this.changed?.id === loaded?.id ? this.changed : loaded;
  }

  private get people(): Member[] {
    return this.memberList ?? this.members.value ?? [];
  }

  /** Whether the signed-in member is this business's only owner. */
  private isLastOwner(member: Member): boolean {
    return member.role === 'owner' && this.people.filter((m) => m.role === 'owner').length === 1;
  }

  private async patch(form: Form, patch: BusinessPatch, done: string): Promise<boolean> {
    const { t } = this.l10n;
    const valid = validateInput(businessPatchSchema, patch);
    if (!valid.success) {
      this.fields = { ...this.fields, [form]: valid.fields };
      await this.focusInvalid(form);
      return false;
    }
    this.fields = { ...this.fields, [form]: {} };
    this.saving = form;
    try {
      this.changed = await this.api.updateBusiness(this.business, valid.data);
      this.notices = { ...this.notices, [form]: done };
      this.announce(done);
      return true;
    } catch (error) {
      this.failed(error);
      const fields = isVerityApiError(error) ? (error.fields as FieldErrors | undefined) : undefined;
      this.fields = { ...this.fields, [form]: fields ?? {} };
      this.notices = { ...this.notices, [form]: t.saveFailed };
      this.announce(t.saveFailed);
      return false;
    } finally {
      this.saving = undefined;
    }
  }

  private async focusInvalid(form: Form): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[data-form="${form}"] [aria-invalid="true"]`)?.focus();
  }

  // -------------------------------------------------------------------------------------------
  // Forms

  private async saveTiming(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const number = (name: string) => {
      const value = String(data.get(name) ?? '').trim();
      return value === '' ? Number.NaN : Number(value);
    };
    const invitations = {
      delayDays: number('delayDays'),
      reminderAfterDays: data.get('reminder') ? number('reminderAfterDays') : null,
      expiresAfterDays: number('expiresAfterDays'),
    };
    // The policy's own schema names the fields without the `invitations.` prefix.
    const valid = validateInput(invitationPolicySchema, invitations);
    if (!valid.success) {
      this.fields = { ...this.fields, timing: valid.fields };
      await this.focusInvalid('timing');
      return;
    }
    await this.patch('timing', { invitations: valid.data }, this.l10n.t.saved);
  }

  private async saveLanguage(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    // The schema checks it: a value the select does not offer is refused before it is sent.
    const locale = String(new FormData(event.target as HTMLFormElement).get('defaultInvitationLocale') ?? '');
    await this.patch('language', { defaultInvitationLocale: locale as InvitationLocale }, this.l10n.t.saved);
  }

  private async saveVerification(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const text = String(new FormData(event.target as HTMLFormElement).get('verificationText') ?? '').trim();
    await this.patch('verification', { verificationText: text || null }, this.l10n.t.saved);
  }

  private async addOrigin(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const { t } = this.l10n;
    const form = event.target as HTMLFormElement;
    const origin = normalizeOrigin(String(new FormData(form).get('origin') ?? ''));
    const origins = this.current?.allowedOrigins ?? [];
    let problem: string | undefined;
    if (origins.includes(origin)) problem = t.settings.originDuplicate;
    else if (origins.length >= ALLOWED_ORIGINS_MAX)
      problem = t.settings.originsFull(this.l10n.number(ALLOWED_ORIGINS_MAX));
    else if (!validateInput(businessPatchSchema, { allowedOrigins: [origin] }).success)
      problem = t.settings.originInvalid;
    if (problem) {
      this.fields = { ...this.fields, origins: { origin: 'invalid' } };
      this.notices = { ...this.notices, origins: problem };
      await this.focusInvalid('origins');
      return;
    }
    if (await this.patch('origins', { allowedOrigins: [...origins, origin] }, t.settings.originAdded(origin)))
      form.reset();
  }

  private async removeOrigin(origin: string): Promise<void> {
    const origins = (this.current?.allowedOrigins ?? []).filter((o) => o !== origin);
    await this.patch('origins', { allowedOrigins: origins }, this.l10n.t.settings.originRemoved(origin));
    this.renderRoot.querySelector<HTMLInputElement>('#origin')?.focus();
  }

  private async newSecret(): Promise<void> {
    this.creatingSecret = true;
    try {
      this.secret = await this.api.newWebhookSecret(this.business);
      this.confirmingSecret = false;
      this.announce(this.l10n.t.settings.secretShown);
      this.changed = this.current && {
        ...this.current,
        webhook: { configured: true, createdAt: new Date().toISOString() },
      };
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>('.secret')?.select();
    } catch (error) {
      this.failed(error);
      this.announce(this.l10n.t.saveFailed);
    } finally {
      this.creatingSecret = false;
    }
  }

  private async addMember(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const { t } = this.l10n;
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const valid = validateInput(memberInputSchema, {
      email: String(data.get('email') ?? '').trim(),
      role: data.get('role'),
    });
    if (!valid.success) {
      this.fields = { ...this.fields, members: valid.fields };
      await this.focusInvalid('members');
      return;
    }
    this.fields = { ...this.fields, members: {} };
    this.saving = 'members';
    try {
      const member = await this.api.addMember(this.business, valid.data);
      this.memberList = [...this.people.filter((m) => m.id !== member.id), member];
      this.announce(t.settings.added(member.email));
      this.notices = { ...this.notices, members: t.settings.added(member.email) };
      form.reset();
    } catch (error) {
      this.failed(error);
      this.notices = { ...this.notices, members: t.saveFailed };
      this.announce(t.saveFailed);
    } finally {
      this.saving = undefined;
    }
  }

  private async changeRole(member: Member, role: MemberRole): Promise<void> {
    const { t } = this.l10n;
    try {
      const updated = await this.api.changeRole(this.business, member.id, role);
      this.memberList = this.people.map((m) => (m.id === updated.id ? updated : m));
      this.announce(t.settings.roleChanged(updated.email, t.roles[updated.role]));
    } catch (error) {
      this.failed(error);
      this.memberList = [...this.people];
      this.announce(t.saveFailed);
    }
  }

  private async removeMember(member: Member): Promise<void> {
    const { t } = this.l10n;
    try {
      await this.api.removeMember(this.business, member.id);
      this.memberList = this.people.filter((m) => m.id !== member.id);
      this.removing = undefined;
      this.announce(t.settings.removed(member.email));
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>('#member-email')?.focus();
    } catch (error) {
      this.failed(error);
      this.announce(t.saveFailed);
    }
  }

  // -------------------------------------------------------------------------------------------
  // Rendering

  protected renderContent() {
    if (this.memberRole !== 'owner') return html`<p class="state">${this.l10n.t.forbidden}</p>`;
    return this.renderTask(this.settings, () => {
      const settings = this.current;
      if (!settings) return this.renderLoading(2);
      return html`${this.renderTiming(settings)} ${this.renderLanguage(settings)} ${this.renderVerification(settings)}
      ${this.renderOrigins(settings)} ${this.renderSecret(settings)} ${this.renderMembers()}`;
    });
  }

  private error(form: Form, field: string): TemplateResult | typeof nothing {
    const { t } = this.l10n;
    const code = this.fields[form]?.[field];
    if (!code) return nothing;
    return html`<p id="${form}-${field}-error" class="field-error">${t.problems[code] ?? t.problem(code)}</p>`;
  }

  /** The attributes of a field that may be invalid: `aria-invalid` and where its message is. */
  private invalid(form: Form, field: string) {
    return this.fields[form]?.[field] ? 'true' : 'false';
  }

  private describedBy(form: Form, field: string, help?: string): string | typeof nothing {
    const ids = [help, this.fields[form]?.[field] ? `${form}-${field}-error` : undefined].filter(Boolean);
    return ids.length ? ids.join(' ') : nothing;
  }

  /** A form's Save button (busy while it saves) and what the last save said. */
  private saveButton(form: Form): TemplateResult {
    const { t } = this.l10n;
    return html`<div class="actions">
        <button class="button" type="submit" ?disabled=${this.saving === form}>
          ${this.saving === form ? t.saving : t.save}
        </button>
      </div>
      ${this.notice(form)}`;
  }

  private notice(form: Form): TemplateResult | typeof nothing {
    const text = this.notices[form];
    return text ? html`<p class="help notice">${text}</p>` : nothing;
  }

  private renderTiming(settings: BusinessSettings): TemplateResult {
    const { t } = this.l10n;
    const l10n = this.l10n;
    const policy = settings.invitations;
    const reminder = this.reminder ?? policy.reminderAfterDays !== null;
    const range = (field: keyof typeof TIMING_LIMITS) =>
      t.settings.range(l10n.number(TIMING_LIMITS[field][0]), l10n.number(TIMING_LIMITS[field][1]));
    const number = (field: keyof typeof TIMING_LIMITS, label: string, value: number | null, disabled = false) =>
      html`<div class="field">
        <label for=${field}>${label}</label>
        <input
          id=${field}
          name=${field}
          type="number"
          inputmode="numeric"
          min=${TIMING_LIMITS[field][0]}
          max=${TIMING_LIMITS[field][1]}
          step="1"
          .value=${value === null ? '7' : String(value)}
          ?disabled=${disabled}
          aria-invalid=${this.invalid('timing', field)}
          aria-describedby=${this.describedBy('timing', field, `${field}-range`)}
        />
        <p id="${field}-range" class="help">${range(field)}</p>
        ${
          this.fields.timing?.[field]
            ? html`<p id="timing-${field}-error" class="field-error">
                ${t.settings.wholeNumber(l10n.number(TIMING_LIMITS[field][0]), l10n.number(TIMING_LIMITS[field][1]))}
              </p>`
            : nothing
        }
      </div>`;
    return html`<section class="panel" aria-labelledby="timing-title">
      <h2 id="timing-title">${t.settings.timing}</h2>
      <p class="help">${t.settings.timingHelp}</p>
      <form class="stack" novalidate data-form="timing" @submit=${this.saveTiming}>
        <div class="grid">
          ${number('delayDays', t.settings.delayDays, policy.delayDays)}
          ${number('expiresAfterDays', t.settings.expiresAfterDays, policy.expiresAfterDays)}
        </div>
        <label class="check"
          ><input
            type="checkbox"
            name="reminder"
            .checked=${reminder}
            @change=${(e: Event) => (this.reminder = (e.target as HTMLInputElement).checked)}
          />${t.settings.reminder}</label
        >
        <div class="grid">
          ${number('reminderAfterDays', t.settings.reminderAfterDays, policy.reminderAfterDays, !reminder)}
        </div>
        ${this.saveButton('timing')}
      </form>
    </section>`;
  }

  private renderLanguage(settings: BusinessSettings): TemplateResult {
    const { t } = this.l10n;
    const field = 'defaultInvitationLocale';
    return html`<section class="panel" aria-labelledby="language-title">
      <h2 id="language-title">${t.settings.language}</h2>
      <form class="stack" novalidate data-form="language" @submit=${this.saveLanguage}>
        <div class="field">
          <label for=${field}>${t.settings.defaultInvitationLocale}</label>
          <p id="language-help" class="help">${t.settings.languageHelp}</p>
          <select
            id=${field}
            name=${field}
            aria-invalid=${this.invalid('language', field)}
            aria-describedby=${this.describedBy('language', field, 'language-help')}
          >
            ${INVITATION_LOCALES.map(
              (locale) =>
                html`<option value=${locale} ?selected=${locale === settings.defaultInvitationLocale}>
                  ${t.settings.invitationLocales[locale]}
                </option>`,
            )}
          </select>
          ${this.error('language', field)}
        </div>
        ${this.saveButton('language')}
      </form>
    </section>`;
  }

  private renderVerification(settings: BusinessSettings): TemplateResult {
    const { t } = this.l10n;
    const l10n = this.l10n;
    const length = this.textLength ?? settings.verificationText?.length ?? 0;
    return html`<section class="panel" aria-labelledby="verification-title">
      <h2 id="verification-title">${t.settings.verification}</h2>
      <form class="stack" novalidate data-form="verification" @submit=${this.saveVerification}>
        <div class="field">
          <label for="verificationText">${t.settings.verificationText}</label>
          <p id="verification-help" class="help">${t.settings.verificationHelp}</p>
          <textarea
            id="verificationText"
            name="verificationText"
            maxlength=${VERIFICATION_TEXT_MAX}
            .value=${settings.verificationText ?? ''}
            aria-invalid=${this.invalid('verification', 'verificationText')}
            aria-describedby=${this.describedBy('verification', 'verificationText', 'verification-help verification-count')}
            @input=${(e: Event) => (this.textLength = (e.target as HTMLTextAreaElement).value.length)}
          ></textarea>
          <p id="verification-count" class="help">
            ${t.settings.counter(l10n.number(length), l10n.number(VERIFICATION_TEXT_MAX))}
          </p>
          ${this.error('verification', 'verificationText')}
        </div>
        ${this.saveButton('verification')}
      </form>
    </section>`;
  }

  private renderOrigins(settings: BusinessSettings): TemplateResult {
    const { t } = this.l10n;
    const invalid = Boolean(this.fields.origins?.origin);
    return html`<section class="panel" aria-labelledby="origins-title">
      <h2 id="origins-title">${t.settings.origins}</h2>
      <p class="help">${t.settings.originsHelp}</p>
      ${
        settings.allowedOrigins.length
          ? html`<ul class="plain origins">
              ${settings.allowedOrigins.map(
                (origin) =>
                  html`<li>
                    <code>${origin}</code>
                    <button
                      class="button secondary small"
                      type="button"
                      ?disabled=${this.saving === 'origins'}
                      @click=${() => this.removeOrigin(origin)}
                    >
                      ${t.settings.removeOrigin(origin)}
                    </button>
                  </li>`,
              )}
            </ul>`
          : html`<p class="muted">${t.settings.noOrigins}</p>`
      }
      <form class="toolbar" novalidate data-form="origins" @submit=${this.addOrigin}>
        <div class="field">
          <label for="origin">${t.settings.origin}</label>
          <input
            id="origin"
            name="origin"
            type="url"
            inputmode="url"
            autocomplete="off"
            maxlength="300"
            required
            aria-invalid=${invalid ? 'true' : 'false'}
            aria-describedby=${invalid ? 'origin-error' : nothing}
            @input=${() => invalid && (this.fields = { ...this.fields, origins: {} })}
          />
        </div>
        <button class="button secondary" type="submit" ?disabled=${this.saving === 'origins'}>
          ${t.settings.addOrigin}
        </button>
      </form>
      ${
        this.notices.origins
          ? html`<p id="origin-error" class=${invalid ? 'field-error' : 'help notice'}>${this.notices.origins}</p>`
          : nothing
      }
    </section>`;
  }

  private renderSecret(settings: BusinessSettings): TemplateResult {
    const { t } = this.l10n;
    return html`<section class="panel" aria-labelledby="secret-title">
      <h2 id="secret-title">${t.settings.secret}</h2>
      <p class="help">${t.settings.secretHelp}</p>
      <p>${settings.webhook.configured ? t.settings.secretSet : t.settings.secretNone}</p>
      ${
        this.secret
          ? html`<div class="stack shown-secret">
              <p class="banner warning" id="secret-note">${t.settings.secretShown}</p>
              <label for="secret" class="visually-hidden">${t.settings.secret}</label>
              <input id="secret" class="secret" readonly .value=${this.secret} aria-describedby="secret-note" />
              <div class="actions">
                <button class="button secondary copy-secret" type="button" @click=${this.copySecret}>
                  ${t.settings.copySecret}
                </button>
              </div>
            </div>`
          : nothing
      }
      ${
        this.confirmingSecret
          ? html`<div class="stack" role="group" aria-labelledby="secret-warning">
              <p class="banner warning" id="secret-warning">${t.settings.secretWarning}</p>
              <div class="actions">
                <button
                  class="button danger confirm-secret"
                  type="button"
                  ?disabled=${this.creatingSecret}
                  @click=${this.newSecret}
                >
                  ${t.settings.confirmSecret}
                </button>
                <button class="button secondary" type="button" @click=${() => (this.confirmingSecret = false)}>
                  ${t.cancel}
                </button>
              </div>
            </div>`
          : html`<div class="actions">
              <button class="button secondary new-secret" type="button" @click=${this.askSecret}>
                ${t.settings.newSecret}
              </button>
            </div>`
      }
    </section>`;
  }

  private async askSecret(): Promise<void> {
    this.confirmingSecret = true;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>('.confirm-secret')?.focus();
  }

  private async copySecret(): Promise<void> {
    const field = this.renderRoot.querySelector<HTMLInputElement>('.secret') ?? undefined;
    this.announce((await copyText(this.secret ?? '', field)) ? this.l10n.t.copied : this.l10n.t.copyFailed);
  }

  private renderMembers(): TemplateResult {
    const { t } = this.l10n;
    const l10n = this.l10n;
    return html`<section class="panel" aria-labelledby="members-title">
      <h2 id="members-title">${t.settings.members}</h2>
      <p class="help">${t.settings.membersHelp}</p>
      ${this.renderTask(
        this.members,
        () =>
          html`<div class="scroll" tabindex="0">
            <table class="members">
              <thead>
                <tr>
                  <th scope="col">${t.settings.email}</th>
                  <th scope="col">${t.settings.role}</th>
                  <th scope="col">${t.settings.lastSignIn}</th>
                  <th scope="col"><span class="visually-hidden">${t.settings.actions}</span></th>
                </tr>
              </thead>
              <tbody>
                ${this.people.map((member) => {
                  const self = member.email === this.me?.email;
                  const locked = self && this.isLastOwner(member);
                  return html`<tr data-id=${member.id}>
                    <td>${member.email} ${self ? html`<span class="muted">${t.settings.you}</span>` : nothing}</td>
                    <td>
                      <select
                        aria-label=${t.settings.roleOf(member.email)}
                        aria-describedby=${locked ? 'last-owner' : nothing}
                        ?disabled=${locked}
                        @change=${(e: Event) => this.changeRole(member, (e.target as HTMLSelectElement).value as MemberRole)}
                      >
                        ${MEMBER_ROLES.map(
                          (role) =>
                            html`<option value=${role} ?selected=${role === member.role}>${t.roles[role]}</option>`,
                        )}
                      </select>
                    </td>
                    <td>${member.lastSignInAt ? l10n.date(member.lastSignInAt) : t.settings.never}</td>
                    <td>
                      ${
                        this.removing === member.id
                          ? html`<div class="actions" role="group" aria-label=${t.settings.confirmRemove(member.email)}>
                              <span>${t.settings.confirmRemove(member.email)}</span>
                              <button
                                class="button danger small confirm-remove"
                                type="button"
                                @click=${() => this.removeMember(member)}
                              >
                                ${t.settings.remove(member.email)}
                              </button>
                              <button
                                class="button secondary small"
                                type="button"
                                @click=${() => (this.removing = undefined)}
                              >
                                ${t.cancel}
                              </button>
                            </div>`
                          : html`<button
                              class="button secondary small remove"
                              type="button"
                              ?disabled=${locked}
                              aria-describedby=${locked ? 'last-owner' : nothing}
                              @click=${() => (this.removing = member.id)}
                            >
                              ${t.settings.remove(member.email)}
                            </button>`
                      }
                    </td>
                  </tr>`;
                })}
              </tbody>
            </table>
          </div>`,
        1,
      )}
      ${
        this.people.some((m) => m.email === this.me?.email && this.isLastOwner(m))
          ? html`<p id="last-owner" class="help">${t.settings.lastOwner}</p>`
          : nothing
      }
      <form class="toolbar" novalidate data-form="members" @submit=${this.addMember}>
        <div class="field">
          <label for="member-email">${t.settings.email}</label>
          <input
            id="member-email"
            name="email"
            type="email"
            autocomplete="off"
            aria-invalid=${this.invalid('members', 'email')}
            aria-describedby=${this.describedBy('members', 'email', 'add-help')}
          />
          ${this.error('members', 'email')}
        </div>
        <div class="field">
          <label for="member-role">${t.settings.role}</label>
          <select id="member-role" name="role">
            ${MEMBER_ROLES.map((role) => html`<option value=${role} ?selected=${role === 'moderator'}>${t.roles[role]}</option>`)}
          </select>
        </div>
        <button class="button secondary" type="submit" ?disabled=${this.saving === 'members'}>
          ${t.settings.addMember}
        </button>
      </form>
      <p id="add-help" class="help">${t.settings.addHelp}</p>
      ${this.notice('members')}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'verity-dash-settings': VerityDashSettings;
  }
}
