import { PmsSandbox } from '@app/pms-sandbox';
import { PmsSandboxEnv } from './pms-sandbox-env';

/** What `npm run pms-sandbox` prints once it listens. */
export function startupBanner(sandbox: PmsSandbox, env: PmsSandboxEnv): string {
  const rooms = sandbox.hotel.rooms;
  const inHouse = sandbox.hotel.inHouse();
  const occupied = new Set(inHouse.map((guest) => guest.room)).size;
  return [
    `PMS sandbox (FIAS) listening on ${sandbox.address}`,
    `  link:   ${env.linkStartFirst ? 'sends LS on connect' : 'waits for the client LS'}, charset ${env.charset}, PA after ${env.answerDelayMs} ms`,
    `  hotel:  rooms ${rooms[0]}–${rooms[rooms.length - 1]} (${rooms.length}), ${inHouse.length} guests in ${occupied} rooms; seed "${env.seed}", ${env.scriptDays} days scripted each side of now, ${env.timezone}`,
    `  faults: ${env.faultSpec ?? 'none (set PMS_SANDBOX_FAULTS, e.g. ng:1012,ry:3)'}`,
    '  one client at a time: a new connection drops the old one',
  ].join('\n');
}
