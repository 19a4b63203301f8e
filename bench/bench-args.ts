/**
 * A benchmark's command line: `--quick`, `--name N` and `--name a,b,c` flags of whole numbers
 * of at least 1, and `--name word` flags of a few words. A value that is not one prints the usage and exits with 2.
 */
export class BenchArgs {
  readonly quick: boolean;
  private readonly bad: string[] = [];

  constructor(
    private readonly argv: string[],
    private readonly usage: string,
  ) {
    this.quick = argv.includes('--quick');
  }

  /** Whether a flag without a value is there: `--law-firm`. */
  flag(name: string): boolean {
    return this.argv.includes(name);
  }

  number(flag: string, fallback: number): number {
    return this.list(flag, [fallback])[0];
  }

  list(flag: string, fallback: number[]): number[] {
    const at = this.argv.indexOf(flag);
    const values = at >= 0 ? (this.argv[at + 1] ?? '').split(',').map(Number) : fallback;
    if (!values.every((n) => Number.isInteger(n) && n >= 1)) this.bad.push(flag);
    return values;
  }

  /** `--name value` where value is one of `choices`; `fallback` when the flag is absent. */
  choice<T extends string>(flag: string, choices: readonly T[], fallback: T): T {
    const at = this.argv.indexOf(flag);
    if (at < 0) return fallback;
    const value = this.argv[at + 1] as T;
    if (!choices.includes(value)) this.bad.push(flag);
    return value;
  }

  /** Exits with the usage if a flag had a bad value; call after reading them all. */
  checked(): this {
    if (this.bad.length > 0) {
      process.stderr.write(`bad ${this.bad.join(', ')}\nusage: ${this.usage}\n`);
      process.exit(2);
    }
    return this;
  }
}
