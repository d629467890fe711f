/**
 * The demo shop's category page: forty products, each with its compact rating badge, as a shop's
 * listing shows them. The three products of the fixtures carry reviews; the rest of the range is
 * added to the demo business when the demo starts (idempotently, so an existing database gets it
 * too) and shows "no reviews yet". However many badges, the page makes one summary request.
 */
import type { Kysely } from 'kysely';
import type { Tables } from '../server/db/schema.js';
import { DEMO_BUSINESS, DEMO_PRODUCTS } from '../src/mocks/fixtures.js';

export interface CatalogProduct {
  id: string;
  name: string;
  price: number;
  /** The swatch colour class of `shop.css`. */
  swatch: 'espresso' | 'filter' | 'grinder';
  href?: string;
}

const ORIGINS = [
  'Ethiopia Yirgacheffe',
  'Kenya Nyeri',
  'Colombia Huila',
  'Brazil Cerrado',
  'Guatemala Antigua',
  'Rwanda Nyamasheke',
  'Costa Rica Tarrazú',
  'Peru Cajamarca',
  'Honduras Marcala',
  'Burundi Kayanza',
  'Sumatra Mandheling',
  'El Salvador Santa Ana',
  'Nicaragua Jinotega',
  'Mexico Chiapas',
  'Panama Boquete',
  'Tanzania Mbeya',
  'Uganda Elgon',
  'Yemen Haraz',
  'India Chikmagalur',
  'Papua New Guinea',
];
const EQUIPMENT = [
  'Pour-over dripper',
  'Paper filters, 100',
  'Gooseneck kettle',
  'Glass carafe, 600 ml',
  'Coffee scale',
  'Moka pot, 3 cups',
  'French press, 1 l',
  'Travel mug',
  'Espresso cup set',
  'Milk jug',
  'Storage canister',
  'Cleaning tablets',
  'Cold brew bottle',
  'Aeropress filters',
  'Cupping spoon',
  'Tamper, 58 mm',
  'Knock box',
];

/** The forty products of the category page, in the page's order. */
export const CATALOG: CatalogProduct[] = [
  {
    id: DEMO_PRODUCTS.espresso,
    name: 'Espresso Nordlys, 1 kg',
    price: 349,
    swatch: 'espresso',
    href: '/espresso.html',
  },
  { id: DEMO_PRODUCTS.filter, name: 'Filter roast Midnattssol, 500 g', price: 159, swatch: 'filter' },
  { id: DEMO_PRODUCTS.grinder, name: 'Hand grinder Fjäll', price: 895, swatch: 'grinder' },
  ...ORIGINS.map((origin, i) => ({
    id: `NK-ORIGIN-${String(i + 1).padStart(2, '0')}`,
    name: `${origin}, 250 g`,
    price: 119 + (i % 5) * 10,
    swatch: i % 2 === 0 ? ('filter' as const) : ('espresso' as const),
  })),
  ...EQUIPMENT.map((name, i) => ({
    id: `NK-GEAR-${String(i + 1).padStart(2, '0')}`,
    name,
    price: 79 + i * 25,
    swatch: 'grinder' as const,
  })),
];

/** Adds the catalog's products the demo business does not have yet. */
export async function ensureCatalog(db: Kysely<Tables>): Promise<void> {
  await db
    .insertInto('products')
    .values(CATALOG.map((p) => ({ business_id: DEMO_BUSINESS, id: p.id, name: p.name })))
    .onConflict((oc) => oc.columns(['business_id', 'id']).doNothing())
    .execute();
}

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

/** The category page, as a shop's template would write it: one script tag, one badge per product. */
export function categoryPage(): string {
  const cards = CATALOG.map((p) => {
    const title = p.href ? `<a href="${escape(p.href)}">${escape(p.name)}</a>` : escape(p.name);
    const href = p.href ? ` href="${escape(p.href)}#reviews"` : '';
    return `          <li class="card">
            <div class="swatch ${p.swatch}" aria-hidden="true"></div>
            <h2>${title}</h2>
            <p class="price">${p.price} kr</p>
            <verity-rating-badge variant="compact" product="${escape(p.id)}"${href}></verity-rating-badge>
          </li>`;
  }).join('\n');
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>All coffee and equipment · Nordlys Kaffe</title>
    <meta name="description" content="Every coffee and every piece of equipment of Nordlys Kaffe, with their reviews." />
    <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
    <link rel="stylesheet" href="/shop.css" />
    <link rel="stylesheet" href="/cdn/verity.css" />
    <script src="/cdn/verity.js" data-api="/" data-business="nordlys" defer></script>
  </head>
  <body>
    <header class="site-header">
      <a class="logo" href="/">Nordlys <span>Kaffe</span></a>
      <nav aria-label="Main">
        <a href="/#coffee">Coffee</a>
        <a href="/category.html" aria-current="page">All products</a>
        <a href="/espresso.html">Espresso</a>
        <a href="/#reviews">Reviews</a>
        <a href="/about-reviews.html">About our reviews</a>
      </nav>
    </header>

    <main>
      <section class="products" aria-labelledby="all-title">
        <h1 id="all-title">All coffee and equipment</h1>
        <p>${CATALOG.length} products. The stars under each are its verified customers' reviews.</p>
        <ul class="grid">
${cards}
        </ul>
      </section>
    </main>

    <footer class="site-footer">
      <p>
        Nordlys Kaffe AB · A demo shop for Verity, the honest review widgets ·
        <a href="/about-reviews.html">How we collect reviews</a>
      </p>
    </footer>
  </body>
</html>
`;
}
