/** Who places calls: guest rooms, the hotel's house phones, the law firm's people. */
export type AgentRole = 'room' | 'house' | 'attorney';

export interface SandboxAgent {
  /** The key Xima shows and PBX_USERS takes: `Room 1012(1012)`, `Spencer Porter(253)`. */
  readonly key: string;
  readonly extension: string;
  readonly role: AgentRole;
}

function agent(name: string, extension: string, role: AgentRole): SandboxAgent {
  return { key: `${name}(${extension})`, extension, role };
}

// 10 floors x 40 rooms: 1001-1040, 1101-1140, ..., 1901-1940 (inside the hotel plan's 1001-1999).
const ROOMS: SandboxAgent[] = [];
for (let floor = 0; floor <= 9; floor++) {
  for (let room = 1; room <= 40; room++) {
    const extension = `${1000 + floor * 100 + room}`;
    ROOMS.push(agent(`Room ${extension}`, extension, 'room'));
  }
}

const HOUSE_PHONES: SandboxAgent[] = [
  agent('Front Desk', '100', 'house'),
  agent('Concierge', '101', 'house'),
  agent('Bell Desk', '102', 'house'),
  agent('Lobby', '200', 'house'),
  agent('Housekeeping', '300', 'house'),
  agent('Maintenance', '301', 'house'),
  agent('Room Service', '400', 'house'),
  agent('Business Center', '401', 'house'),
];

const ATTORNEYS: SandboxAgent[] = [
  agent('Spencer Porter', '253', 'attorney'),
  agent('Helen Brandt', '254', 'attorney'),
  agent('Marcus Webb', '255', 'attorney'),
  agent('Olivia Chen', '256', 'attorney'),
  agent('Rafael Ortiz', '257', 'attorney'),
  agent('Priya Raman', '258', 'attorney'),
  agent('Daniel Kowalski', '261', 'attorney'),
  agent('Grace Whitfield', '262', 'attorney'),
  agent('Thomas Abernathy', '510', 'attorney'),
  agent('Naomi Fischer', '511', 'attorney'),
  agent('Victor Lindqvist', '512', 'attorney'),
  agent('Amara Okafor', '513', 'attorney'),
  agent('Leah Goldstein', '514', 'attorney'),
  agent('Samuel Reyes', '515', 'attorney'),
  agent('Jordan Ellis', '520', 'attorney'),
  agent('Casey Moreno', '521', 'attorney'),
];

/** Every agent the sandbox's service user may see; any other PBX_USERS key is answered 403. */
export const SANDBOX_AGENTS: readonly SandboxAgent[] = [...ROOMS, ...HOUSE_PHONES, ...ATTORNEYS];

export const AGENTS_BY_ROLE: Readonly<Record<AgentRole, readonly SandboxAgent[]>> = {
  room: ROOMS,
  house: HOUSE_PHONES,
  attorney: ATTORNEYS,
};

const AGENT_KEYS = new Set(SANDBOX_AGENTS.map((a) => a.key));

export function isKnownAgent(key: string): boolean {
  return AGENT_KEYS.has(key);
}
