/**
 * The list's filters: the sort, the rating filter (the histogram's bars and the `rating`
 * attribute, always disclosed with a "Show all" button, R3), verified only, the language and the
 * search (debounced). Every change the visitor makes is announced as `verity-filter-change`.
 */
import { html, nothing } from 'lit';
import type { PropertyValues, ReactiveController, TemplateResult } from 'lit';
import { LIMITS, SORTS } from '../../client/limits.js';
import type { Sort } from '../../client/schemas.js';
import type { WidgetHost, WidgetServices } from '../../internal/element.js';
import { VerityFilterChangeEvent } from '../../internal/events.js';

const SEARCH_DEBOUNCE_MS = 300;

/** Parses a rating filter such as `4,5` into sorted, valid star ratings. */
export function parseRatings(value: string | null | undefined): number[] {
  if (!value) return [];
  const ratings = value
    .split(',')
    .map((part) => Number(part.trim()))
    .filter((n) => Number.isInteger(n) && n >= 1 && n <= 5);
  return [...new Set(ratings)].sort();
}

/** "4–5" for a run, "1, 3 and 5" otherwise. */
function describeRatings(ratings: number[], list: (items: string[]) => string): string {
  const contiguous = ratings.every((r, i) => i === 0 || r === ratings[i - 1]! + 1);
  if (ratings.length > 1 && contiguous) return `${ratings[0]}–${ratings[ratings.length - 1]}`;
  return list(ratings.map(String));
}

/** The attributes the filters start from. */
interface FilterAttributes {
  sort: Sort;
  rating?: string | undefined;
  verified: boolean;
}

export class FiltersController implements ReactiveController {
  sort: Sort = 'newest';
  ratings: number[] = [];
  verifiedOnly = false;
  language = '';
  /** What is typed in the search box; `query` is what is searched, once typing pauses. */
  searchText = '';
  query = '';
  private searchTimer?: ReturnType<typeof setTimeout>;

  constructor(
    private readonly host: WidgetHost & FilterAttributes,
    private readonly services: WidgetServices,
    /** Called on every change the visitor makes, before the event. */
    private readonly onChange: () => void,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.searchTimer);
  }

  /** Takes the attributes that changed (call from the host's `willUpdate`). */
  fromAttributes(changed: PropertyValues): void {
    const host = this.host;
    if (changed.has('sort')) this.sort = (SORTS as readonly string[]).includes(host.sort) ? host.sort : 'newest';
    if (changed.has('rating')) this.ratings = parseRatings(host.rating);
    if (changed.has('verified')) this.verifiedOnly = host.verified;
  }

  /** Whether any filter narrows the list (the sort does not). */
  get active(): boolean {
    return this.ratings.length > 0 || this.verifiedOnly || Boolean(this.language) || Boolean(this.query);
  }

  private changed(): void {
    this.host.requestUpdate();
    this.onChange();
    this.host.dispatchEvent(
      new VerityFilterChangeEvent({
        rating: [...this.ratings],
        verified: this.verifiedOnly,
        sort: this.sort,
        q: this.query,
        language: this.language || null,
      }),
    );
  }

  readonly toggleRating = (stars: number): void => {
    this.ratings = this.ratings.includes(stars)
      ? this.ratings.filter((r) => r !== stars)
      : [...this.ratings, stars].sort();
    this.changed();
  };

  private readonly onSort = (event: Event): void => {
    this.sort = (event.target as HTMLSelectElement).value as Sort;
    this.changed();
  };

  private readonly onVerified = (event: Event): void => {
    this.verifiedOnly = (event.target as HTMLInputElement).checked;
    this.changed();
  };

  private readonly onLanguage = (event: Event): void => {
    this.language = (event.target as HTMLSelectElement).value;
    this.changed();
  };

  private readonly onSearch = (event: Event): void => {
    this.searchText = (event.target as HTMLInputElement).value;
    this.host.requestUpdate();
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => {
      const query = this.searchText.trim();
      if (query === this.query) return;
      this.query = query;
      this.changed();
    }, SEARCH_DEBOUNCE_MS);
  };

  private readonly showAllRatings = (): void => {
    this.ratings = [];
    this.changed();
  };

  readonly clear = (): void => {
    clearTimeout(this.searchTimer);
    this.ratings = [];
    this.verifiedOnly = false;
    this.language = '';
    this.searchText = '';
    this.query = '';
    this.changed();
  };

  /** The sort, search, verified-only and language controls, and the rating filter's notice. */
  render(languages: Set<string>): TemplateResult {
    const l10n = this.services.l10n();
    const { t } = l10n;
    return html`<div part="controls" class="controls">
        <label class="control">
          <span>${t.sortLabel}</span>
          <select name="sort" @change=${this.onSort} .value=${this.sort}>
            ${SORTS.map((sort) => html`<option value=${sort} ?selected=${sort === this.sort}>${t.sorts[sort]}</option>`)}
          </select>
        </label>
        <label class="control search">
          <span class="visually-hidden">${t.searchLabel}</span>
          <input
            type="search"
            name="q"
            placeholder=${t.searchLabel}
            .value=${this.searchText}
            @input=${this.onSearch}
            maxlength=${LIMITS.queryMax}
          />
        </label>
        <label class="control check">
          <input type="checkbox" name="verified" .checked=${this.verifiedOnly} @change=${this.onVerified} />
          <span>${t.verifiedOnly}</span>
        </label>
        ${
          // Once a language is chosen the select stays, so "All languages" can be chosen again.
          languages.size > 1 || this.language
            ? html`<label class="control">
                <span>${t.languageLabel}</span>
                <select name="language" @change=${this.onLanguage} .value=${this.language}>
                  <option value="" ?selected=${!this.language}>${t.allLanguages}</option>
                  ${[...languages]
                    .sort()
                    .map(
                      (code) =>
                        html`<option value=${code} ?selected=${code === this.language}>
                          ${l10n.displayName('language', code)}
                        </option>`,
                    )}
                </select>
              </label>`
            : nothing
        }
        ${this.active ? html`<button type="button" class="link-button" @click=${this.clear}>${t.clearFilters}</button>` : nothing}
      </div>
      ${
        this.ratings.length > 0
          ? html`<p part="filter-notice" class="filter-notice">
              ${t.showingRatings(describeRatings(this.ratings, (items) => l10n.list(items)))} ·
              <button type="button" class="link-button" @click=${this.showAllRatings}>${t.showAll}</button>
            </p>`
          : nothing
      }`;
  }
}
