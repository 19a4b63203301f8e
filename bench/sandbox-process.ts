/**
 * The Xima sandbox in a process of its own, for benchmarks: Xima's cost of building reports
 * is not the product's, and its memory is not the product's peak RSS. Started with fork();
 * sends `{ url }` once it listens and stops when its parent disconnects.
 */
import { startSandbox } from '@app/xima-sandbox';

interface Start {
  token: string;
  seed: string;
  callsPerDay: number;
  timezone: string;
  reportCache: number;
}

process.once('message', (start: Start) => {
  void startSandbox(start).then(
    (sandbox) => {
      process.send?.({ url: sandbox.url });
      process.once('disconnect', () => void sandbox.close().then(() => process.exit(0)));
    },
    (error: Error) => {
      process.send?.({ error: error.message });
      process.exit(1);
    },
  );
});
