/**
 * The counters kept on a business (R9's orders recorded and invited, R13's opt-outs and failed
 * invitations), changed in the same transaction as what they count, so they never drift from it.
 */
import type { Kysely } from 'kysely';
import type { Tables } from './schema.js';

export type BusinessCounter = 'orders_recorded' | 'orders_invited' | 'opted_out' | 'invitations_failed';

export async function addToCounter(
  trx: Kysely<Tables>,
  business: string,
  counter: BusinessCounter,
  amount: number,
): Promise<void> {
  if (amount === 0) return;
  await trx
    .updateTable('businesses')
    .set((eb) => ({ [counter]: eb(counter, '+', amount) }))
    .where('id', '=', business)
    .execute();
}
