// Expected start-up failures (bad configuration, database unreachable, migration failed),
// reported to the operator as one line by lib/cli/run.ts.

export class StartupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StartupError";
  }
}
