// The authorization matrix over server actions: every action in lib/actions/registry.ts, run
// for real against PostgreSQL by every role, on its own tenant and on a foreign one. The
// expectations (tests/support/action-matrix.ts, shared with the fuzz test) restate the issue's
// role table; an action without a line there, or a "use server" export that is not a registered
// action, fails the first tests.
import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { executeAction } from "@/lib/actions/define";
import { ACTIONS } from "@/lib/actions/registry";
import { definitionOf } from "@/lib/actions/server";
import { getDb } from "@/lib/db/client";
import { buildWorld, MATRIX, ROLES, type Outcome, type World } from "../support/action-matrix";
import { setupAppDatabase } from "../support/database";

setupAppDatabase();
// Invitation e-mails go to the development mailbox instead of a warning that nothing was sent.
process.env.OPENCLS_DEVELOPMENT_MODE = "1";

let world: World;
beforeAll(async () => {
  world = await buildWorld();
});

function actionModules(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(folder, entry.name);
    if (entry.isDirectory()) return actionModules(file);
    return /\.(ts|tsx)$/.test(entry.name) && /^\s*["']use server["']/.test(readFileSync(file, "utf8")) ? [file] : [];
  });
}

describe("server action authorization matrix", () => {
  it("has an expectation for every registered action, and names are unique", () => {
    const names = ACTIONS.map((action) => action.name);
    expect(new Set(names).size).toBe(names.length);
    expect(Object.keys(MATRIX).sort()).toEqual([...names].sort());
  });

  it("finds every server action exported by the app in the registry", async () => {
    const modules = actionModules(path.resolve("app"));
    expect(modules.length).toBeGreaterThan(0);
    for (const file of modules) {
      const exported = await import(file);
      for (const [name, value] of Object.entries(exported)) {
        const definition = definitionOf(value);
        expect(definition, `${path.relative(".", file)} exports ${name}, which is not made with serverAction()`).toBeDefined();
        expect(ACTIONS, `${name} runs an action missing from lib/actions/registry.ts`).toContain(definition);
      }
    }
  });

  for (const action of ACTIONS) {
    for (const role of ROLES) {
      for (const side of ["own", "foreign"] as const) {
        const expectations = MATRIX[action.name]?.expected;
        // Unless stated, piloting a fiche gives no more rights than being a contributor.
        const expected = (
          role === "contributor_pilot" ? (expectations?.contributor_pilot ?? expectations?.contributor) : expectations?.[role]
        )?.[side];
        it(`${action.name}: ${role} on a ${side} tenant → ${expected}`, async () => {
          const actor = world.actors[role];
          const input = await MATRIX[action.name].input(world, world[side], actor);
          const result = await executeAction(action, { db: getDb(), actor, ip: "203.0.113.9" }, input);
          const outcome: Outcome = result.ok ? "ok" : result.reason === "notFound" ? "denied" : "refused";
          expect(outcome, result.ok ? "" : `${result.message} ${JSON.stringify(result.fieldErrors ?? {})}`).toBe(expected);
        });
      }
    }
  }
});

describe("server actions given ids no record can have", () => {
  const MALFORMED = [
    "not-a-uuid",
    "\u0000",
    `${randomUUID()}\u0000`,
    `{${randomUUID()}}`,
    randomUUID().replaceAll("-", ""),
    "a".repeat(100_000),
    [randomUUID(), randomUUID()],
  ];

  it("answer every malformed id or token as invalid or not found, for every action", async () => {
    const actor = world.actors.platform_admin;
    const checked: string[] = [];
    const failures: string[] = [];
    for (const action of ACTIONS) {
      const valid = await MATRIX[action.name].input(world, world.own, actor);
      for (const field of Object.keys(valid).filter((key) => /^(id|token)$|Id$/.test(key))) {
        for (const value of MALFORMED) {
          const result = await executeAction(action, { db: getDb(), actor, ip: "203.0.113.9" }, { ...valid, [field]: value });
          if (result.ok || !["invalid", "notFound"].includes(result.reason ?? ""))
            failures.push(`${action.name}.${field} = ${JSON.stringify(value).slice(0, 40)}: ${result.ok ? "ok" : result.reason}`);
        }
        checked.push(`${action.name}.${field}`);
      }
    }
    expect(failures).toEqual([]);
    // Every action but the two creations without a parent (a region, an organisation) names a record.
    expect(new Set(checked.map((check) => check.split(".").slice(0, -1).join("."))).size).toBe(ACTIONS.length - 2);
  });
});
