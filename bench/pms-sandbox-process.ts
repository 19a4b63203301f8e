/**
 * The stand-in PMS in a process of its own, for bench:pms: a PMS is another machine, and its
 * work is not the service's. Started with fork(); given `StandInStart`, it checks a guest into
 * each room, listens, and sends `{ port }`. Asked `'count'`, it answers what it accepted. It
 * stops when its parent disconnects.
 */
import { startPmsSandbox } from '@app/pms-sandbox';
import { openStandIn, StandInStart } from './pms-stand-in';

process.once('message', (start: StandInStart) => {
  void openStandIn(startPmsSandbox, start).then(
    (standIn) => {
      process.on('message', (message: unknown) => {
        if (message === 'count') process.send?.({ count: standIn.count() });
      });
      process.send?.({ port: standIn.port });
      process.once('disconnect', () => void standIn.close().then(() => process.exit(0)));
    },
    (error: Error) => {
      process.send?.({ error: error.message });
      process.exit(1);
    },
  );
});
