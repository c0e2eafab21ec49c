import { createInProcessTransport } from '../../src/events/index.js';
import { batchContract } from './support/batch-contract.js';
import { outboxContract } from './support/outbox-contract.js';
import { transportContract } from './support/transport-contract.js';

const factory = () => createInProcessTransport({ partitions: 3, redeliveryDelayMs: 10 });

transportContract('in-process', factory);
outboxContract('in-process', factory);
batchContract('in-process', factory);
