// The README's grpcurl walk-through with the real grpcurl binary (no .proto files on the client side; the
// service's reflection describes it). CI installs grpcurl (scripts/install-grpcurl.sh); where it is missing the
// test says so in its name and output.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aCustomer, aPasswordReset } from './builders.js';
import { eventually, notificationsOf, processed, publish, startHarness, type Harness } from './harness.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const grpcurl = [path.join(repoRoot, '.cache/bin/grpcurl'), ...(process.env.PATH ?? '').split(':').map((d) => path.join(d, 'grpcurl'))].find((c) => existsSync(c));
const skipped = grpcurl ? '' : ' (skipped: grpcurl not installed; run scripts/install-grpcurl.sh)';
if (!grpcurl) process.stderr.write('notification grpcurl test NOT RUN: grpcurl not installed (scripts/install-grpcurl.sh)\n');

function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(grpcurl!, args, { timeout: 15_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe.skipIf(!grpcurl)(`grpcurl against the running notification service${skipped}`, () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h?.close());
  const rpc = (name: string, body: unknown) =>
    run(['-plaintext', '-H', `authorization: Bearer ${h.tokens.staff}`, '-d', JSON.stringify(body), h.service.urls.grpc!, `ecommerce.notification.v1.NotificationService/${name}`]);

  it('lists the sent password reset with its token redacted, and previews a template, as the README shows', async () => {
    const customer = aCustomer();
    await eventually(async () => processed(h, await publish(h, 'customer.customer.created', customer.id, { customer })));
    const eventId = await publish(h, 'auth.account.password_reset_requested', customer.id, aPasswordReset(customer.id, customer.email));
    await eventually(async () => expect((await notificationsOf(h, eventId))[0]).toMatchObject({ status: 'sent' }));

    const listed = await rpc('ListNotifications', { template: 'password_reset', recipient_customer_id: customer.id, page_size: 1 });
    expect(listed.code).toBe(0);
    const { notifications } = JSON.parse(listed.stdout) as { notifications: Array<{ status: string; dataJson: string }> };
    expect(notifications[0]).toMatchObject({ status: 'NOTIFICATION_STATUS_SENT' });
    expect(JSON.parse(notifications[0]!.dataJson)).toMatchObject({ resetToken: '[redacted]' });

    const preview = await rpc('PreviewTemplate', { template: 'shipment_shipped', channel: 'CHANNEL_SMS', data_json: JSON.stringify({ orderId: 'o-1', carrier: 'DHL', trackingNumber: '0034' }) });
    expect(JSON.parse(preview.stdout)).toEqual({ locale: 'en', body: 'Shop: your order o-1 has shipped with DHL, tracking 0034.' });
  });

  it('shows INVALID_ARGUMENT naming the field for an unknown template', async () => {
    const { code, stderr } = await rpc('ListNotifications', { template: 'newsletter' });

    expect(code).not.toBe(0);
    expect(stderr).toContain('Code: InvalidArgument');
    expect(stderr).toContain('"field": "template"');
  });
});
