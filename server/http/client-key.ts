/**
 * Who voted or reported, without keeping who (R12): a keyed hash of what was done, the review, and
 * the client's network: its IPv4 address, or the /64 prefix of its IPv6 address (a household or a
 * phone has a whole /64 to pick addresses from). The key is a secret in the database, so every
 * server behind one load balancer agrees on a client, and a leaked table of hashes cannot be
 * reversed by hashing every address there is. Each review and purpose hashes anew, so one
 * client's votes on two reviews cannot be linked either.
 */
import { createHmac } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Tables } from '../db/schema.js';

const secrets = new WeakMap<object, Promise<Buffer>>();

function secretOf(db: Kysely<Tables>): Promise<Buffer> {
  let secret = secrets.get(db);
  if (!secret) {
    secret = db
      .selectFrom('secrets')
      .select('value')
      .where('name', '=', 'client-key')
      .executeTakeFirstOrThrow()
      .then((row) => Buffer.from(row.value, 'utf8'));
    // A failed read is tried again with the next request.
    secret.catch(() => secrets.delete(db));
    secrets.set(db, secret);
  }
  return secret;
}

/** The part of an address that names one client: IPv4 as it is, IPv6 to its /64. */
export function networkOf(address: string): string {
  const bare = address.replace(/%.*$/, '').toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(bare);
  if (mapped) return mapped[1]!;
  if (!bare.includes(':')) return bare;
  const [head = '', tail] = bare.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  // An embedded IPv4 tail (`64:ff9b::1.2.3.4`) counts as two groups; only the first four matter.
  const missing = Math.max(0, 8 - left.length - right.length);
  const groups = tail === undefined ? left : [...left, ...Array<string>(missing).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

export async function clientKey(
  db: Kysely<Tables>,
  purpose: 'helpful' | 'report',
  review: string,
  address: string,
): Promise<string> {
  return createHmac('sha256', await secretOf(db))
    .update(`${purpose}\u0000${review}\u0000${networkOf(address)}`)
    .digest('base64url');
}
