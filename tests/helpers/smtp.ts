import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import type { SmtpConfig } from '../../src/config.js';

// A real SMTP server on a local port (the smtp-server package) that keeps what arrived and can be
// told to refuse: the next n messages, or every one, with a given reply code.

export type Received = { to: string[]; from: string; subject: string; text: string; raw: string };

/** Unfolds the headers and undoes quoted-printable, enough to read a plain-text e-mail. */
function parse(raw: string): Pick<Received, 'subject' | 'text'> {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n(?=[ \t])/g, '');
  let body = raw.slice(split + 4);
  if (/^content-transfer-encoding:\s*quoted-printable/im.test(head)) {
    body = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
    body = Buffer.from(body, 'latin1').toString('utf8');
  }
  const subject = /^subject:\s*(.*)$/im.exec(head)?.[1] ?? '';
  return { subject, text: body.replace(/\r\n/g, '\n') };
}

export type TestSmtp = {
  received: Received[];
  /** Refuse the next `n` messages with `code` (451: try later; 550: refused). */
  refuseNext: (n: number, code?: number) => void;
  /** Refuse every message from now on (or stop refusing with `false`). */
  refuseAll: (on: boolean, code?: number) => void;
  /** Wait this long before answering each message (to make two senders overlap). */
  delay: (ms: number) => void;
  /** Answer no message until `gate` settles (null: answer again as they come). */
  hold: (gate: Promise<unknown> | null) => void;
  refused: number;
  config: SmtpConfig;
  close: () => Promise<void>;
};

export async function testSmtp(): Promise<TestSmtp> {
  let refuseCount = 0;
  let refuseAlways = false;
  let code = 451;
  let wait = 0;
  let gate: Promise<unknown> | null = null;
  const state: TestSmtp = {
    received: [],
    refused: 0,
    refuseNext: (n, c = 451) => { refuseCount = n; code = c; },
    refuseAll: (on, c = 550) => { refuseAlways = on; code = c; },
    delay: (ms) => { wait = ms; },
    hold: (g) => { gate = g; },
    config: { host: '127.0.0.1', port: 0, secure: false, from: 'SIKAP Uji <sikap@uji.go.id>' },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const held = gate ?? Promise.resolve();
        const answer = () => setTimeout(() => {
          if (refuseAlways || refuseCount > 0) {
            if (refuseCount > 0) refuseCount--;
            state.refused++;
            const err = Object.assign(new Error(code >= 500 ? 'Mailbox unavailable' : 'Try again later'), { responseCode: code });
            return callback(err);
          }
          const raw = Buffer.concat(chunks).toString('utf8');
          state.received.push({ to: session.envelope.rcptTo.map((a) => a.address), from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', raw, ...parse(raw) });
          callback();
        }, wait);
        // a gate that fails opens too (never an unhandled rejection)
        void held.then(answer, answer);
      });
    },
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  state.config.port = (server.server.address() as AddressInfo).port;
  return state;
}
