import { createClient } from '../client/client.js';
import type { VerityClient } from '../client/client.js';

const clients = new Map<string, VerityClient>();

/** One shared client per API base URL, so all widgets on a page share its requests. */
export function sharedClient(baseUrl: string): VerityClient {
  const key = new URL(baseUrl, globalThis.location?.href).href.replace(/\/+$/, '');
  let client = clients.get(key);
  if (!client) {
    client = createClient({ baseUrl: key });
    clients.set(key, client);
  }
  return client;
}

/** Forgets every shared client and its cache (for tests and stories that swap the API's answers). */
export function resetSharedClients(): void {
  clients.clear();
}
