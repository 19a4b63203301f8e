import { DomainError } from './domain-error';
import { refuseCleared } from './patch';

interface Patch {
  name?: string | null;
  taxId?: string | null;
  chunkDays?: number | null;
}

describe('refuseCleared: a PATCH may leave a required field out, never clear it', () => {
  const required = ['name', 'chunkDays'] as const;

  it('lets absent fields and values through, and null for a field that may be cleared', () => {
    expect(() => refuseCleared<Patch>({}, required)).not.toThrow();
    expect(() => refuseCleared<Patch>({ name: 'x', chunkDays: 0 }, required)).not.toThrow();
    expect(() => refuseCleared<Patch>({ taxId: null }, required)).not.toThrow();
  });

  it('refuses null for each required field, naming every one (400)', () => {
    let caught: unknown;
    try {
      refuseCleared<Patch>({ name: null, taxId: null, chunkDays: null }, required);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DomainError);
    expect(caught).toMatchObject({
      code: 'bad-request',
      message:
        'Invalid request: name: name cannot be cleared; leave it out to keep it; chunkDays: chunkDays cannot be cleared; leave it out to keep it',
      details: [
        { field: 'name', message: 'name cannot be cleared; leave it out to keep it' },
        { field: 'chunkDays', message: 'chunkDays cannot be cleared; leave it out to keep it' },
      ],
    });
  });
});
