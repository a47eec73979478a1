import { MemoryOutbox } from './outbox.ts';
import { outboxContract } from './testing/index.ts';

outboxContract('memory', () => Promise.resolve(new MemoryOutbox()));
