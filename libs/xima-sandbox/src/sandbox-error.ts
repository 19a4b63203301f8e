/** A request the sandbox answers with an error status and a small JSON body. */
export class SandboxHttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'SandboxHttpError';
  }
}
