/**
 * A real SMTP server for the tests (smtp-server on 127.0.0.1), whose messages are read back with
 * mailparser: the tests assert what a customer's mail server would receive.
 */
import { simpleParser } from 'mailparser';
import type { ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';

export interface Received {
  to: string;
  mail: ParsedMail;
}

export interface TestSmtp {
  /** For `SMTP_URL`. */
  url: string;
  received: Received[];
  /** Connections that broke off (a client killed mid-session), as smtp-server reported them. */
  connectionErrors: Error[];
  /** Waits until `count` messages arrived (or fails after `ms`). */
  waitFor(count: number, ms?: number): Promise<Received[]>;
  close(): Promise<void>;
}

export interface SmtpBehaviour {
  /** An SMTP answer to refuse a recipient with (e.g. 550 or 451), or undefined to take it. */
  refuse?: (recipient: string) => { code: number; message: string } | undefined;
  /** A slow server: each message is answered this long after it arrived. */
  delayMs?: number;
}

export async function startSmtp(behaviour: SmtpBehaviour = {}): Promise<TestSmtp> {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      const refusal = behaviour.refuse?.(address.address);
      if (!refusal) return callback();
      const error = new Error(refusal.message) as Error & { responseCode: number };
      error.responseCode = refusal.code;
      return callback(error);
    },
    onData(stream, session, callback) {
      simpleParser(stream).then(
        async (mail) => {
          if (behaviour.delayMs) await new Promise((resolve) => setTimeout(resolve, behaviour.delayMs));
          for (const rcpt of session.envelope.rcptTo) received.push({ to: rcpt.address, mail });
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  // A client that vanishes mid-session (a worker the test kills on purpose) resets its connection:
  // smtp-server reports that as an 'error' of the server, which without a listener would throw in
  // the test's process. It is what the test does, not a failure; the messages tell the outcome.
  const errors: Error[] = [];
  server.on('error', (error: Error) => errors.push(error));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}/?ignoreTLS=true`,
    received,
    connectionErrors: errors,
    async waitFor(count, ms = 20_000) {
      const until = Date.now() + ms;
      while (received.length < count) {
        if (Date.now() > until) throw new Error(`${received.length} of ${count} messages arrived in ${ms} ms`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return received;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Polls `check` until it holds (or fails after `ms`): for states the workers reach on their own. */
export async function eventually<T>(check: () => Promise<T | undefined | false>, ms = 20_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
