/**
 * Sending over SMTP (`SMTP_URL`, e.g. `smtp://user:pass@mail.example:587`; options such as
 * `?ignoreTLS=true` or `?maxConnections=5` may follow) through nodemailer, which speaks SMTP with
 * its TLS, AUTH, pooling and MIME encoding rules so the server does not have to. Without an SMTP
 * server the messages stay in the outbox (SPEC §7).
 */
import nodemailer from 'nodemailer';

export interface OutgoingMail {
  from: { name: string; address: string };
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  /** Ours, stable per message: a mail client that somehow got it twice shows it once. */
  messageId: string;
}

export interface SentMail {
  messageId: string;
  /** The SMTP server's answer, e.g. `250 2.0.0 Ok: queued as …`. */
  response: string;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<SentMail>;
  close(): void;
}

/** A pooled SMTP connection: thousands of invitations do not open thousands of connections. */
export function smtpMailer(url: string): Mailer {
  const transport = nodemailer.createTransport({ url, pool: true, maxConnections: 3, maxMessages: 1000 });
  return {
    async send(mail) {
      const info = await transport.sendMail({
        from: mail.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        headers: mail.headers,
        messageId: mail.messageId,
        // No plain-text or HTML rewriting, no tracking: what was rendered is what is sent.
        disableFileAccess: true,
        disableUrlAccess: true,
      });
      return { messageId: info.messageId, response: String(info.response ?? '') };
    },
    close() {
      transport.close();
    },
  };
}

export interface SmtpFailure {
  /** Worth trying again later: the server said "not now", or we never reached it. */
  retry: boolean;
  /** The server refused the address for good (5xx): later invitations skip it (R13). */
  bounce: boolean;
  /** The server's answer, or what went wrong, for the outbox and the invitation. */
  answer: string;
}

/**
 * What a failed send means. A 4xx answer or a connection that never got as far as the message
 * is retried; a 5xx answer is final (a bounce: R13 counts it). A connection lost while the
 * message itself was being handed over is final too: the server may have taken it, and sending
 * again could deliver it twice.
 */
export function smtpFailure(error: unknown): SmtpFailure {
  const e = (error ?? {}) as {
    responseCode?: number;
    response?: string;
    code?: string;
    command?: string;
    message?: string;
  };
  const answer = (e.response || e.message || String(error)).slice(0, 1000);
  if (typeof e.responseCode === 'number') {
    // Refused for good at RCPT TO: the address itself is the problem, not this message.
    const bounce = e.responseCode >= 500 && /RCPT/i.test(e.command ?? '');
    return { retry: e.responseCode < 500, bounce, answer };
  }
  const neverConnected = ['ECONNECTION', 'EDNS', 'ECONNREFUSED'].includes(e.code ?? '');
  const beforeMessage = /^(CONN|EHLO|HELO|LHLO|STARTTLS|AUTH|MAIL FROM|RCPT TO)/i.test(e.command ?? '');
  return { retry: neverConnected || beforeMessage, bounce: false, answer };
}
