/**
 * The demo shop for one end-to-end test file: started before its tests on a free port of
 * 127.0.0.1 in a folder of its own (no rate limit of posts, so the tests' own requests never wait),
 * optionally with a real SMTP server receiving its e-mail, and stopped and removed after them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { startDemo } from '../../scripts/demo-server.js';
import type { DemoOptions, DemoServer } from '../../scripts/demo-server.js';
import { startSmtp } from '../server/smtp.js';
import type { TestSmtp } from '../server/smtp.js';

export interface DemoFixture {
  readonly server: DemoServer;
  /** The SMTP server the demo mails to (only with `smtp: true`). */
  readonly smtp: TestSmtp;
}

export function useDemo(
  name: string,
  options: Partial<Omit<DemoOptions, 'dataDir' | 'smtpUrl'>> & { smtp?: boolean } = {},
): DemoFixture {
  let server: DemoServer | undefined;
  let smtp: TestSmtp | undefined;
  let dataDir: string | undefined;
  const { smtp: withSmtp, ...demo } = options;

  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), `verity-${name}-`));
    if (withSmtp) smtp = await startSmtp();
    server = await startDemo({
      port: 0,
      host: '127.0.0.1',
      adminToken: 'e2e-admin',
      rateLimitPerMinute: 0,
      ...demo,
      dataDir,
      smtpUrl: smtp?.url,
    });
  });

  after(async () => {
    await server?.close();
    await smtp?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  return {
    get server() {
      if (!server) throw new Error('the demo has not started: use it inside a test');
      return server;
    },
    get smtp() {
      if (!smtp) throw new Error('no SMTP server: useDemo(name, { smtp: true })');
      return smtp;
    },
  };
}
