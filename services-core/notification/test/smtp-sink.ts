// A real SMTP server on loopback (npm smtp-server, port 0) that keeps what it accepts, for tests to read; it can
// answer the first deliveries with a chosen reply (a 4xx to test retries, a 5xx to test a permanent refusal).
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  /** Headers by lower-case name (unfolded). */
  headers: Record<string, string>;
  raw: string;
}

export interface SmtpSink {
  url: string;
  mails: ReceivedMail[];
  /** The next `count` deliveries are answered with `code` and not kept. */
  refuseNext(count: number, code: number): void;
  /** How many deliveries were refused so far. */
  refused: number;
  close(): Promise<void>;
}

export async function startSmtpSink(): Promise<SmtpSink> {
  const mails: ReceivedMail[] = [];
  let refusals: { count: number; code: number } = { count: 0, code: 0 };
  const sink: SmtpSink = {
    url: '',
    mails,
    refused: 0,
    refuseNext(count, code) {
      refusals = { count, code };
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (refusals.count > 0) {
          refusals.count -= 1;
          sink.refused += 1;
          const err = Object.assign(new Error(refusals.code >= 500 ? 'mailbox unavailable' : 'try again later'), { responseCode: refusals.code });
          callback(err);
          return;
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), headers: headersOf(raw), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.server.address();
  if (!address || typeof address === 'string') throw new Error('smtp sink has no port');
  sink.url = `smtp://127.0.0.1:${address.port}`;
  return sink;
}

function headersOf(raw: string): Record<string, string> {
  const head = raw.split(/\r?\n\r?\n/, 1)[0] ?? '';
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  return headers;
}
