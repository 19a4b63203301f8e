import { PostingQueueSignal } from './posting-queue-signal';

describe('PostingQueueSignal', () => {
  it('calls each listener on every notify until it unsubscribes', () => {
    const signal = new PostingQueueSignal();
    const heard: string[] = [];
    const stopA = signal.subscribe(() => heard.push('a'));
    signal.subscribe(() => heard.push('b'));
    signal.notify();
    stopA();
    signal.notify();
    expect(heard).toEqual(['a', 'b', 'b']);
  });

  it('is quiet with no listener', () => {
    expect(() => new PostingQueueSignal().notify()).not.toThrow();
  });
});
