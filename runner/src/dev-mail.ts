// `make dev`'s mail sink: a real SMTP server (npm smtp-server) on loopback that accepts every mail the notification
// service sends, writes each as an .eml file under the dev data dir and logs one line per mail, so local use
// needs nothing installed. Not started when SMTP_URL (or NOTIFICATION_SMTP_URL) points elsewhere, e.g. at Mailpit.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';

export interface DevMailSink {
  url: string;
  dir: string;
  stop(): Promise<void>;
}

export async function startDevMailSink(settings: { dir: string; log(line: string): void }): Promise<DevMailSink> {
  mkdirSync(settings.dir, { recursive: true });
  let count = 0;
  const server = new SMTPServer({
    // Loopback only, no credentials: nothing here to encrypt or authenticate.
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    size: 10 * 1024 * 1024,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        count += 1;
        const file = path.join(settings.dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${count}.eml`);
        try {
          writeFileSync(file, raw);
        } catch (err) {
          callback(Object.assign(new Error(`could not store the mail: ${String(err)}`), { responseCode: 451 }));
          return;
        }
        const subject = /^Subject: (.*)$/im.exec(raw.toString('utf8').split(/\r?\n\r?\n/, 1)[0] ?? '')?.[1] ?? '';
        settings.log(`mail to ${session.envelope.rcptTo.map((r) => r.address).join(', ')}: ${subject} (${file})`);
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.server.address();
  if (!address || typeof address === 'string') throw new Error('dev mail sink: no port');
  return {
    url: `smtp://127.0.0.1:${address.port}`,
    dir: settings.dir,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
