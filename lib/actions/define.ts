// Every server action is an ActionDefinition: its input schema, the operation it needs, how to
// find the scope of the record it touches, and what it does. executeAction runs them all the same
// way (validate, authorize, run), and lib/actions/registry.ts lists them for the authorization
// matrix test, so an action cannot exist without a rule.
import type { z } from "zod";
import { assertCan, NotFoundError, type Actor, type Operation, type Resource } from "@/lib/authz";
import type { Db } from "@/lib/db/client";
import { UnsafeInputError } from "@/lib/input/object-keys";
import { ConflictError, RefusedError } from "./errors";
import { formDataToObject } from "./form-data";
import { CONFLICT_MESSAGE, fieldErrorsOf, INVALID_MESSAGE, NOT_FOUND_MESSAGE, type ActionResult } from "./result";

export type ActionContext = { db: Db; actor: Actor; ip: string | null };

export type ActionDefinition<Input = unknown, Output = unknown> = {
  /** Stable name, e.g. "member.invite"; the matrix test keys its expectations by it. */
  name: string;
  operation: Operation;
  input: z.ZodType<Input, unknown>;
  /**
   * The scope keys of the record the input targets, read from the database (never from the
   * client). Throws NotFoundError when the record does not exist.
   */
  resource(db: Db, input: Input): Promise<Resource>;
  /** `resource` is what `resource()` returned: the record's scope, already read. */
  run(context: ActionContext, input: Input, resource: Resource): Promise<ActionResult<Output>>;
};

export function defineAction<Input, Output>(definition: ActionDefinition<Input, Output>): ActionDefinition<Input, Output> {
  return definition;
}

/**
 * Actions on one kind of record need the same operation on the same scope: declared once, e.g.
 * `const onAxis = actionsOn("contract.edit", (db, { axisId }: { axisId: string }) => axisResource(db, axisId))`,
 * then `export const updateAxis = onAxis("axis.update", updateAxisSchema, async (context, input, scope) => …)`.
 */
export function actionsOn<Target>(operation: Operation, resource: (db: Db, target: Target) => Promise<Resource>) {
  return <Input extends Target, Output>(
    name: string,
    input: z.ZodType<Input, unknown>,
    run: ActionDefinition<Input, Output>["run"],
  ): ActionDefinition<Input, Output> => ({ name, operation, input, resource, run });
}

/** What the exported server action runs: the form's fields as an object, then executeAction. */
export async function executeFormAction<Input, Output>(
  definition: ActionDefinition<Input, Output>,
  context: ActionContext,
  formData: FormData,
): Promise<ActionResult<Output>> {
  let rawInput: unknown;
  try {
    rawInput = formDataToObject(formData);
  } catch (error) {
    if (error instanceof UnsafeInputError) return { ok: false, reason: "invalid", message: INVALID_MESSAGE };
    throw error;
  }
  return executeAction(definition, context, rawInput);
}

/** Validates, authorizes (deny by default: a refusal reads as "not found"), then runs. */
export async function executeAction<Input, Output>(
  definition: ActionDefinition<Input, Output>,
  context: ActionContext,
  rawInput: unknown,
): Promise<ActionResult<Output>> {
  const parsed = definition.input.safeParse(rawInput);
  if (!parsed.success) return { ok: false, reason: "invalid", message: INVALID_MESSAGE, fieldErrors: fieldErrorsOf(parsed.error) };
  try {
    const resource = await definition.resource(context.db, parsed.data);
    assertCan(context.actor, definition.operation, resource);
    return await definition.run(context, parsed.data, resource);
  } catch (error) {
    if (error instanceof NotFoundError) return { ok: false, reason: "notFound", message: NOT_FOUND_MESSAGE };
    if (error instanceof ConflictError) return { ok: false, reason: "conflict", message: CONFLICT_MESSAGE, conflict: error.details };
    if (error instanceof RefusedError)
      return {
        ok: false,
        reason: "refused",
        message: error.message,
        ...(error.field ? { fieldErrors: { [error.field]: error.message } } : {}),
      };
    throw error;
  }
}
