import { html, nothing } from 'lit';
import type { PropertyValues } from 'lit';
import { property, queryAll, state } from 'lit/decorators.js';
import { useWidgetStrings } from '../../internal/widget-strings.js';
import { VerityElement } from '../../internal/element.js';
import { fieldMessageStyles } from '../../internal/widget-styles.js';
import { STAR_PATH } from '../stars/star-shape.js';
import { starInputStyles } from './star-input.styles.js';

/**
 * A rating control that works like a native one: form-associated (its value is in `FormData`,
 * it takes part in `required` validation, form reset, restore and `disabled`) with the keyboard
 * behaviour of a radio group: Tab reaches the chosen star (or the first), arrow keys, Home and
 * End choose. Hovering previews a rating without choosing it; a tap chooses.
 *
 * @customElement verity-star-input
 * @summary A form-associated 1–5 star rating control.
 *
 * @event change - The visitor chose a rating.
 * @event input - The visitor chose a rating.
 *
 * @csspart base - The radio group.
 * @csspart star - Each star option.
 * @csspart error - The error message, when there is one.
 *
 * @cssproperty --verity-color-star - Chosen stars.
 * @cssproperty --verity-color-star-empty - Stars not chosen.
 * @cssproperty --verity-color-focus - The focus ring.
 * @cssproperty --verity-star-size - The size of one star (default `2rem`).
 */
export class VerityStarInput extends VerityElement {
  static formAssociated = true;

  static override styles = [...VerityElement.styles, fieldMessageStyles, starInputStyles];

  /** The name the value is submitted under. */
  @property({ reflect: true }) name = '';

  /** The chosen rating, 1–5, or 0 for none. */
  @property({ type: Number }) value = 0;

  /** A rating must be chosen. */
  @property({ type: Boolean, reflect: true }) required = false;

  /** The control cannot be used (a disabled fieldset disables it too). */
  @property({ type: Boolean, reflect: true }) disabled = false;

  /** The group's spoken name, e.g. "Your rating". */
  @property() label = '';

  /** The message when required and empty; a translated default otherwise. */
  @property({ attribute: 'required-message' }) requiredMessage?: string;

  /**
   * A problem to show under the stars, e.g. a form's "Choose a rating". The radio group is then
   * `aria-invalid` and described by it: an `aria-describedby` on the element itself could not
   * reach the group inside the shadow root.
   */
  @property() error = '';

  @state() private preview = 0;
  @state() private formDisabled = false;

  @queryAll('[role="radio"]') private options!: NodeListOf<HTMLElement>;

  private readonly internals: ElementInternals;
  private defaultValue = 0;

  constructor() {
    super();
    // The star input's English strings come with its code, not with the badge's.
    useWidgetStrings();
    this.internals = this.attachInternals();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // The markup's `value` is what a form reset returns to.
    this.defaultValue = Number(this.getAttribute('value')) || 0;
  }

  /** The form this control belongs to. */
  get form(): HTMLFormElement | null {
    return this.internals.form;
  }

  get validity(): ValidityState {
    return this.internals.validity;
  }

  get validationMessage(): string {
    return this.internals.validationMessage;
  }

  checkValidity(): boolean {
    return this.internals.checkValidity();
  }

  reportValidity(): boolean {
    return this.internals.reportValidity();
  }

  override focus(options?: FocusOptions): void {
    const index = Math.max(0, this.value - 1);
    (this.options[index] ?? this.options[0])?.focus(options);
  }

  formResetCallback(): void {
    this.value = this.defaultValue;
  }

  formStateRestoreCallback(state: string | File | FormData | null): void {
    this.value = Number(state) || 0;
  }

  formDisabledCallback(disabled: boolean): void {
    this.formDisabled = disabled;
  }

  private get inactive(): boolean {
    return this.disabled || this.formDisabled;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('value') || changed.has('required') || changed.has('locale') || changed.has('requiredMessage')) {
      const value = Number.isInteger(this.value) && this.value >= 1 && this.value <= 5 ? this.value : 0;
      this.internals.setFormValue(value ? String(value) : null, value ? String(value) : null);
      if (this.required && !value) {
        this.internals.setValidity(
          { valueMissing: true },
          this.requiredMessage ?? this.l10n.t.errors.rating,
          this.options[0],
        );
      } else {
        this.internals.setValidity({});
      }
    }
  }

  private choose(value: number): void {
    if (this.inactive || value === this.value) return;
    this.value = value;
    this.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    this.dispatchEvent(new Event('change', { bubbles: true }));
  }

  private onKeydown(event: KeyboardEvent): void {
    if (this.inactive) return;
    const rtl = getComputedStyle(this).direction === 'rtl';
    const current = this.value || 0;
    let next: number | undefined;
    switch (event.key) {
      case 'ArrowRight':
        next = rtl ? current - 1 : current + 1;
        break;
      case 'ArrowUp':
        next = current + 1;
        break;
      case 'ArrowLeft':
        next = rtl ? current + 1 : current - 1;
        break;
      case 'ArrowDown':
        next = current - 1;
        break;
      case 'Home':
        next = 1;
        break;
      case 'End':
        next = 5;
        break;
      case ' ':
      case 'Enter': {
        // Space chooses the focused star, as a radio button does; Enter submits the form.
        if (event.key === 'Enter') {
          this.form?.requestSubmit();
        } else {
          const focused = [...this.options].indexOf(this.renderRoot.querySelector(':focus') as HTMLElement);
          if (focused >= 0) this.choose(focused + 1);
        }
        event.preventDefault();
        return;
      }
      default:
        return;
    }
    event.preventDefault();
    const value = Math.min(5, Math.max(1, next));
    this.choose(value);
    void this.updateComplete.then(() => this.options[value - 1]?.focus());
  }

  override render() {
    const { t } = this.l10n;
    const shown = this.preview || this.value;
    const focusable = Math.max(1, this.value);
    return html`<div
        part="base"
        class="group"
        role="radiogroup"
        aria-label=${this.label || t.ratingLabel}
        aria-required=${this.required ? 'true' : 'false'}
        aria-disabled=${this.inactive ? 'true' : 'false'}
        aria-invalid=${this.error ? 'true' : 'false'}
        aria-describedby=${this.error ? 'error' : nothing}
        @keydown=${this.onKeydown}
        @pointerleave=${() => (this.preview = 0)}
      >
        ${[1, 2, 3, 4, 5].map(
          (n) =>
            html`<span
              part="star"
              class="option ${n <= this.value ? 'on' : ''} ${n <= shown ? 'preview' : ''}"
              role="radio"
              aria-checked=${n === this.value ? 'true' : 'false'}
              aria-label=${t.ratingOptions[n - 1]!}
              tabindex=${this.inactive ? -1 : n === focusable ? 0 : -1}
              @click=${() => this.choose(n)}
              @pointerenter=${() => {
                if (!this.inactive) this.preview = n;
              }}
              ><svg viewBox="0 0 24 24" aria-hidden="true"><path d=${STAR_PATH}></path></svg
            ></span>`,
        )}
      </div>
      ${this.error ? html`<p part="error" class="message" id="error">${this.error}</p>` : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'verity-star-input': VerityStarInput;
  }
}
