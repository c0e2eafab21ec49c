// Creates Kafka topics and returns only once every partition has a leader. A KRaft broker answers
// CreateTopics when the controller has committed the topic, before its own metadata cache has it; kafkajs's
// `waitForLeaders` then gets UNKNOWN_TOPIC_OR_PARTITION ("does not host this topic-partition") and gives up
// instead of waiting, so a publish or subscribe right after creation failed now and then under load.
import type { Admin } from 'kafkajs';

export type TopicAdmin = Pick<Admin, 'createTopics' | 'fetchTopicMetadata'>;

export interface TopicSettings {
  partitions: number;
  replicationFactor: number;
  /** How long the leaders may take to appear (default 30 s). */
  timeoutMs?: number;
  /** Pause between two metadata requests while waiting (default 50 ms). */
  pollMs?: number;
}

/** Errors a broker answers for a topic it is still bringing up: wait, do not fail. */
const NOT_READY = new Set(['UNKNOWN_TOPIC_OR_PARTITION', 'LEADER_NOT_AVAILABLE', 'NOT_LEADER_FOR_PARTITION']);

export async function createTopicsAndWaitForLeaders(admin: TopicAdmin, topics: string[], settings: TopicSettings): Promise<void> {
  if (topics.length === 0) return;
  // Resolves false when a topic already exists (another process made it): it is waited for all the same.
  await admin.createTopics({
    waitForLeaders: false,
    topics: topics.map((topic) => ({ topic, numPartitions: settings.partitions, replicationFactor: settings.replicationFactor })),
  });
  const timeoutMs = settings.timeoutMs ?? 30_000;
  const deadline = Date.now() + timeoutMs;
  while (!(await everyPartitionHasLeader(admin, topics))) {
    if (Date.now() > deadline) throw new Error(`Kafka topics ${topics.join(', ')} still have a partition without a leader after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, settings.pollMs ?? 50));
  }
}

async function everyPartitionHasLeader(admin: TopicAdmin, topics: string[]): Promise<boolean> {
  try {
    const metadata = await admin.fetchTopicMetadata({ topics });
    return topics.every((name) => {
      const partitions = metadata.topics.find((t) => t.name === name)?.partitions ?? [];
      return partitions.length > 0 && partitions.every((p) => p.leader >= 0);
    });
  } catch (err) {
    if (NOT_READY.has((err as { type?: string }).type ?? '')) return false;
    throw err;
  }
}
