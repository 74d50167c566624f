// Expected failures thrown from deep inside a mutation and turned into results by executeAction.
import type { ConflictDetails } from "./result";

/** The record changed since the user loaded it (optimistic locking on `version`). */
export class ConflictError extends Error {
  constructor(readonly details?: ConflictDetails) {
    super("Version conflict");
    this.name = "ConflictError";
  }
}

/** The action may not be done on this record as it stands (a closed campaign): the message says why, at the field when one is named. */
export class RefusedError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = "RefusedError";
  }
}
