import { Injectable } from '@nestjs/common';

/**
 * Says "postings were queued" to whoever posts the queue (the PMS links' senders), so that an
 * idle sender looks now rather than at its next poll. PostingStore.enqueue notifies from
 * inside the transaction that queues; a sender reads the queue in a transaction of its own,
 * which runs after that one: it sees the postings once they are committed, or none.
 */
@Injectable()
export class PostingQueueSignal {
  private readonly listeners = new Set<() => void>();

  /** Calls `listener` on every notify, until the function returned is called. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  notify(): void {
    for (const listener of this.listeners) listener();
  }
}
