// The shape of an exported server action, importable by client components.
import type { ActionResult } from "./result";

export type ServerAction<Output> = (previous: ActionResult<Output> | null, formData: FormData) => Promise<ActionResult<Output>>;
