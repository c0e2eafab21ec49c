// Consumer groups of the in-process transport: partitions shared among members, offsets committed as
// handlers finish, partitions revoked (and drained) before they move, uncommitted work redelivered.
import { deliver, deliverySize } from './delivery.js';
import type { InProcessTransport } from './in-process-transport.js';
import type { ReceivedMessage, SubscribeOptions, Subscription } from './transport.js';

export interface Log {
  /** Offset of messages[0]; grows as retention drops old messages. */
  base: number;
  messages: ReceivedMessage[];
  waiters: Array<() => void>;
}

export class Group {
  readonly committed = new Map<string, number>();
  private members: Member[] = [];
  private rebalancing: Promise<void> = Promise.resolve();

  constructor(readonly transport: InProcessTransport) {}

  async join(options: SubscribeOptions): Promise<Subscription> {
    const member = new Member(this, options);
    this.members.push(member);
    await this.rebalance();
    return {
      stop: () => this.leave(member, 'stop'),
      kill: () => this.leave(member, 'kill'),
    };
  }

  async leaveAll(): Promise<void> {
    await Promise.all(this.members.map((m) => this.leave(m, 'stop')));
  }

  private async leave(member: Member, how: 'stop' | 'kill'): Promise<void> {
    if (!this.members.includes(member)) return;
    this.members = this.members.filter((m) => m !== member);
    if (how === 'kill') member.kill();
    else await member.release(() => true);
    await this.rebalance();
  }

  /** Revokes moved partitions first (their owners finish and commit), then hands them out. */
  private rebalance(): Promise<void> {
    this.rebalancing = this.rebalancing.then(async () => {
      const slots = this.members.flatMap((m) => m.options.topics).filter((t, i, all) => all.indexOf(t) === i).sort()
        .flatMap((topic) => this.transport.logsOf(topic).map((_, partition) => `${topic}\u0000${partition}`));
      const owner = new Map(slots.map((slot, i) => [slot, this.members[i % this.members.length]]));
      await Promise.all(this.members.map((m) => m.release((slot) => owner.get(slot) !== m)));
      for (const [slot, member] of owner) if (member) member.assign(slot);
    });
    return this.rebalancing;
  }
}

class Member {
  private readonly workers = new Map<string, Worker>();

  constructor(
    readonly group: Group,
    readonly options: SubscribeOptions,
  ) {}

  assign(slot: string): void {
    if (this.workers.has(slot)) return;
    const [topic, partition] = slot.split('\u0000') as [string, string];
    const worker = new Worker(this, slot, this.group.transport.logsOf(topic)[Number(partition)]!);
    this.workers.set(slot, worker);
    worker.start();
  }

  async release(which: (slot: string) => boolean): Promise<void> {
    const revoked = [...this.workers].filter(([slot]) => which(slot));
    for (const [slot] of revoked) this.workers.delete(slot);
    await Promise.all(revoked.map(([, w]) => w.stop()));
  }

  kill(): void {
    for (const worker of this.workers.values()) worker.kill();
    this.workers.clear();
  }
}

/** Delivers one partition to one member, in order (one at a time, or in batches), committing what its handler finished. */
class Worker {
  private state: 'running' | 'stopping' | 'killed' = 'running';
  private wake: () => void = () => {};
  private killed!: Promise<'killed'>;
  private onKill: () => void = () => {};
  private done: Promise<void> = Promise.resolve();

  constructor(
    private readonly member: Member,
    private readonly slot: string,
    private readonly log: Log,
  ) {
    this.killed = new Promise((resolve) => (this.onKill = () => resolve('killed')));
  }

  start(): void {
    this.done = this.run();
  }

  async stop(): Promise<void> {
    if (this.state === 'running') this.state = 'stopping';
    this.wake();
    await this.done;
  }

  kill(): void {
    this.state = 'killed';
    this.onKill();
    this.wake();
  }

  private async run(): Promise<void> {
    const { committed } = this.member.group;
    if (!committed.has(this.slot)) {
      committed.set(this.slot, this.member.options.fromBeginning === false ? this.log.base + this.log.messages.length : 0);
    }
    let position = committed.get(this.slot)!;
    while (this.state === 'running') {
      position = Math.max(position, this.log.base); // what retention dropped is gone, as in Kafka
      const from = position - this.log.base;
      const messages = this.log.messages.slice(from, from + deliverySize(this.member.options));
      if (messages.length === 0) {
        await new Promise<void>((resolve) => {
          this.wake = resolve;
          this.log.waiters.push(resolve);
        });
        continue;
      }
      const outcome = await Promise.race([deliver(this.member.options, messages).catch(() => 0), this.killed]);
      if (outcome === 'killed') return;
      if (outcome > 0) {
        position += outcome;
        committed.set(this.slot, position);
      }
      if (outcome < messages.length && this.state === 'running') {
        await Promise.race([new Promise((r) => setTimeout(r, this.member.group.transport.redeliveryDelayMs)), this.killed]);
      }
    }
  }
}
