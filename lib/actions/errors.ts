// Expected failures thrown from deep inside a mutation and turned into results by executeAction.
import type { ConflictDetails } from "./result";

/** The record changed since the user loaded it (optimistic locking on `version`). */
export class ConflictError extends Error {
  constructor(readonly details?: ConflictDetails) {
    super("Version conflict");
    this.name = "ConflictError";
  }
}
