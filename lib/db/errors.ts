// Expected start-up failures, reported to the operator as one line (see lib/cli/run.ts).

export class StartupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StartupError";
  }
}
