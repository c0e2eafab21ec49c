// In-process transport for embedded mode and fast tests: partitioned logs, consumer groups with
// committed offsets, per-key order and redelivery of uncommitted work, as Kafka does.
import type { WireMessage } from './binary-mode.js';
import type { EventTransport, ReceivedMessage, SubscribeOptions, Subscription } from './transport.js';

export interface InProcessTransportOptions {
  /** Partitions per topic (default 3), so per-key order is tested with more than one partition. */
  partitions?: number;
  /** Pause before redelivering a message whose handler rejected (default 50 ms). */
  redeliveryDelayMs?: number;
  /**
   * Messages kept per partition (default 100,000); older ones are dropped like Kafka's size retention,
   * so a long `make dev` session does not grow without bound.
   */
  retainPerPartition?: number;
}

interface Log {
  /** Offset of messages[0]; grows as retention drops old messages. */
  base: number;
  messages: ReceivedMessage[];
  waiters: Array<() => void>;
}

export function createInProcessTransport(options: InProcessTransportOptions = {}): EventTransport {
  return new InProcessTransport(options.partitions ?? 3, options.redeliveryDelayMs ?? 50, options.retainPerPartition ?? 100_000);
}

class InProcessTransport implements EventTransport {
  readonly kind = 'in-process' as const;
  private readonly topics = new Map<string, Log[]>();
  private readonly groups = new Map<string, Group>();
  private closed = false;

  constructor(
    private readonly partitions: number,
    readonly redeliveryDelayMs: number,
    private readonly retain: number,
  ) {}

  async publish(messages: WireMessage[]): Promise<void> {
    if (this.closed) throw new Error('in-process transport is closed');
    for (const message of messages) {
      const logs = this.logsOf(message.topic);
      const partition = partitionOf(message.key, logs.length);
      const log = logs[partition]!;
      log.messages.push({ ...message, headers: { ...message.headers }, partition, offset: String(log.base + log.messages.length) });
      const excess = log.messages.length - this.retain;
      if (excess > 0) {
        log.messages.splice(0, excess);
        log.base += excess;
      }
      for (const wake of log.waiters.splice(0)) wake();
    }
  }

  async subscribe(options: SubscribeOptions): Promise<Subscription> {
    if (this.closed) throw new Error('in-process transport is closed');
    let group = this.groups.get(options.group);
    if (!group) {
      group = new Group(this);
      this.groups.set(options.group, group);
    }
    return group.join(options);
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.groups.values()].map((g) => g.leaveAll()));
  }

  logsOf(topic: string): Log[] {
    let logs = this.topics.get(topic);
    if (!logs) {
      logs = Array.from({ length: this.partitions }, () => ({ base: 0, messages: [], waiters: [] }));
      this.topics.set(topic, logs);
    }
    return logs;
  }
}

/** FNV-1a: stable key -> partition, so one key always lands in one partition. */
function partitionOf(key: string, count: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % count;
}

class Group {
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

/** Delivers one partition to one member, in order, committing each offset as its handler resolves. */
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
      const message = this.log.messages[position - this.log.base];
      if (!message) {
        await new Promise<void>((resolve) => {
          this.wake = resolve;
          this.log.waiters.push(resolve);
        });
        continue;
      }
      const outcome = await Promise.race([
        this.member.options.onMessage(message).then(() => 'done' as const, () => 'failed' as const),
        this.killed,
      ]);
      if (outcome === 'killed') return;
      if (outcome === 'done') {
        position += 1;
        committed.set(this.slot, position);
      } else if (this.state === 'running') {
        await Promise.race([new Promise((r) => setTimeout(r, this.member.group.transport.redeliveryDelayMs)), this.killed]);
      }
    }
  }
}
