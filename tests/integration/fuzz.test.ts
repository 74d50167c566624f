// Fuzzing every server action as every role of the authorization matrix, on the real database:
// generated hostile forms (tests/support/fuzz/arbitraries.ts) go through the path a real request
// takes (FormData → executeFormAction: formDataToObject then executeAction, with a real actor), and each case must
// answer with a result, never a throw (a throw is an HTTP 500), never "unexpected"; leave
// Object.prototype and the other built-ins untouched; log no error; accept no impossible date;
// and change nothing in the database when the answer is a refusal.
// `npm test` runs a bounded number of cases (FUZZ_RUNS, default below); `npm run fuzz` 10,000.
// FUZZ_SEED replays a run; the failure message gives the seed and the minimal input found.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { executeFormAction, type ActionDefinition } from "@/lib/actions/define";
import { formDataToObject } from "@/lib/actions/form-data";
import { ACTIONS } from "@/lib/actions/registry";
import type { ActionResult } from "@/lib/actions/result";
import { getDb } from "@/lib/db/client";
import { buildWorld, MATRIX, ROLES, type Role, type World } from "../support/action-matrix";
import { setupAppDatabase } from "../support/database";
import { fuzzCase, ODD_NAMES, show, showCase, type FuzzCase } from "../support/fuzz/arbitraries";
import { fieldsOf, type Field } from "../support/fuzz/catalogue";
import { installChangeLog, type ChangeLog } from "../support/fuzz/database-changes";
import { applyEdits, flatten, impossibleDates, toFormData, type Entry } from "../support/fuzz/form";
import { guardPrototypes } from "../support/fuzz/prototypes";

const database = setupAppDatabase();
// Invitation e-mails go to the development mailbox, as in the matrix test.
process.env.OPENCLS_DEVELOPMENT_MODE = "1";

/** Cases in all, shared out over the action × role properties (about 60 s on 2 cores). */
const RUNS = Number(process.env.FUZZ_RUNS ?? 728);
const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
/** Extra runs spent shrinking a failure towards its minimal input. */
const SHRINK_RUNS = Number(process.env.FUZZ_SHRINK_RUNS ?? 40);
const RUNS_PER_PROPERTY = Math.max(1, Math.ceil(RUNS / (ACTIONS.length * ROLES.length)));
// A territory holds at most 20 contract generations, and these actions use one per form (a renewal two).
const GENERATION_HUNGRY = new Set(["contract.create", "contract.update", "contract.renew"]);
const IP = "203.0.113.9";
const CASE_TIMEOUT_MS = 30_000;

class TimeoutError extends Error {
  name = "TimeoutError";
}

function withTimeout<T>(promise: Promise<T>, milliseconds: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(`no answer after ${milliseconds / 1000} s`)), milliseconds);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

type Kind = "threw" | "hung" | "unexpected" | "pollution" | "databaseChanged" | "loggedError" | "impossibleDateAccepted";
const KIND_LABELS: Record<Kind, string> = {
  threw: "throws (HTTP 500)",
  hung: "requests left hanging",
  unexpected: '"unexpected" results',
  pollution: "prototype pollutions",
  databaseChanged: "database changes on refusal",
  loggedError: "errors logged",
  impossibleDateAccepted: "impossible dates accepted",
};
type Problem = { kind: Kind; detail: string };

class CaseFailure extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map((problem) => `${problem.kind}: ${problem.detail}`).join("\n"));
  }
}

const stats = {
  cases: 0,
  runs: 0,
  properties: 0,
  failedProperties: 0,
  worlds: 0,
  kinds: new Map<Kind, number>(),
  casesByAction: new Map<string, number>(),
  /** Distinct failures (kind and normalised detail) → where they were found. */
  distinct: new Map<string, { kind: Kind; detail: string; where: string[]; input: string }>(),
};

let world: World;
let changes: ChangeLog;
let formsSinceWorld = 0;
const logged: string[] = [];
const unhandled = (reason: unknown) => logged.push(`unhandled rejection: ${describeError(reason)}`);

beforeAll(async () => {
  changes = await installChangeLog(database().url);
  // Thousands of small commits: not waiting for each to reach the disk (of this throw-away
  // database) makes the run several times faster on a busy machine, and changes nothing else.
  await changes.query(`ALTER DATABASE "${database().name}" SET synchronous_commit = off`);
  world = await buildWorld();
  // The server log of a case: errors are the finding; the development mailbox's lines are noise.
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void logged.push(args.map(describeError).join(" ")));
  vi.spyOn(console, "warn").mockImplementation((...args: unknown[]) => void logged.push(args.map(describeError).join(" ")));
  vi.spyOn(console, "log").mockImplementation(() => {});
  process.on("unhandledRejection", unhandled);
});

afterAll(async () => {
  process.off("unhandledRejection", unhandled);
  vi.restoreAllMocks();
  await changes?.close();
  const kinds = (Object.keys(KIND_LABELS) as Kind[]).map((kind) => `${stats.kinds.get(kind) ?? 0} ${KIND_LABELS[kind]}`).join(", ");
  console.log(
    `fuzz (server actions): ${stats.cases} cases (${stats.runs} runs with shrinking), ${ACTIONS.length} actions × ${ROLES.length} roles = ${stats.properties} properties, ` +
      `${stats.failedProperties} failing; by kind (failing properties): ${kinds}; seed ${SEED}`,
  );
  for (const failure of stats.distinct.values())
    console.log(
      `fuzz failure [${failure.kind}] ${failure.detail}\n  in ${failure.where.length} action × role: ${failure.where.join(", ")}\n  minimal input (${failure.where[0]}): ${failure.input}`,
    );
});

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return typeof error === "string" ? error.slice(0, 400) : show(String(error));
  const frame = error.stack
    ?.split("\n")
    .find((line) => /\/(lib|app)\//.test(line) && !line.includes("node_modules"))
    ?.trim();
  return `${error.name}: ${error.message.trim().split("\n").filter(Boolean).slice(-1)[0]?.slice(0, 300) ?? ""}${frame ? ` (${frame})` : ""}`;
}

/** A detail without the ids and numbers that vary between cases, to group failures. */
const signature = ({ kind, detail }: Problem) => {
  // Pollution: the keys polluted, not the value they were given.
  const stable = kind === "pollution" ? detail.replace(/, (Object\.keys|\(\{\}\)\.x).*$/, "") : detail;
  return `${kind} ${stable.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, "<id>").replace(/\d+/g, "<n>")}`;
};

const seedOf = (name: string) => {
  let hash = SEED | 0;
  for (const character of name) hash = Math.imul(hash ^ character.charCodeAt(0), 16777619);
  return hash;
};

/** The form of a case, with fresh records; the world is rebuilt when its tenants run out of room. */
async function prepare(action: ActionDefinition, role: Role, fuzz: FuzzCase): Promise<Entry[]> {
  for (let attempt = 0; ; attempt++) {
    try {
      if (GENERATION_HUNGRY.has(action.name) && ++formsSinceWorld > 8) await newWorld();
      const actor = world.actors[role];
      const build = (side: "own" | "foreign") => MATRIX[action.name].input(world, world[side], actor).then((input) => flatten(input));
      const base = fuzz.base === "valid" ? await build(fuzz.side) : [];
      let other: Entry[] | undefined;
      return await applyEdits(base, fuzz.edits, {
        async id(ref, field) {
          if (ref === "actor") return world.actors[role].userId ?? world.actors.platform_admin.userId!;
          if (ref !== "otherSide") {
            const [side, key] = ref.split(".") as ["own" | "foreign", keyof World["own"]];
            return world[side][key];
          }
          // The same field of the same form aimed at the other tenant: its records, not ours.
          other ??= await build(fuzz.side === "own" ? "foreign" : "own");
          const value = other.find(([name]) => name === field)?.[1];
          return typeof value === "string" ? value : world[fuzz.side === "own" ? "foreign" : "own"].contractId;
        },
      });
    } catch (error) {
      // The matrix's builders number records by counting them, which hostile numbers can defeat.
      if (attempt === 2) throw new Error(`fuzz harness: no valid ${action.name} form could be built: ${describeError(error)}`);
      await newWorld();
    }
  }
}

async function newWorld() {
  world = await buildWorld();
  formsSinceWorld = 0;
  stats.worlds++;
}

async function runCase(action: ActionDefinition, role: Role, fuzz: FuzzCase, fields: Field[]): Promise<Problem[]> {
  const entries = await prepare(action, role, fuzz);
  stats.runs++;
  if (process.env.FUZZ_TRACE) process.stderr.write(`fuzz: ${action.name} as ${role}: ${showCase(fuzz)}\n`);
  const formData = toFormData(entries);
  const problems: Problem[] = [];
  const before = await changes.mark();
  logged.length = 0;
  let result: ActionResult<unknown> | undefined;
  try {
    // Pollution is reported and undone as soon as the case ends: left in place it breaks every
    // query of the process (some hang), and the cases after this one would be worthless.
    const pollution = guardPrototypes();
    try {
      // The exported server action's own path: the form read into an object (hostile shapes
      // refused as invalid), then validated, authorized and run.
      result = await withTimeout(executeFormAction(action, { db: getDb(), actor: world.actors[role], ip: IP }, formData), CASE_TIMEOUT_MS);
    } finally {
      const polluted = pollution();
      if (polluted.length > 0) problems.push({ kind: "pollution", detail: polluted.join(", ") });
    }
  } catch (error) {
    problems.push({ kind: error instanceof TimeoutError ? "hung" : "threw", detail: describeError(error) });
  }
  if (result && !result.ok && result.reason === "unexpected") problems.push({ kind: "unexpected", detail: result.message });
  if (!result?.ok) {
    const changed = await changes.changesSince(before);
    if (changed.length > 0)
      problems.push({
        kind: "databaseChanged",
        detail: `refused, yet ${changed.map((change) => `${change.operation} ${change.table} ×${change.rows}`).join(", ")}`,
      });
  }
  if (result?.ok) {
    const accepted = impossibleDates(entries, fields);
    if (accepted.length > 0)
      problems.push({ kind: "impossibleDateAccepted", detail: accepted.map(([name, value]) => `${name}=${String(value)}`).join(", ") });
  }
  if (logged.length > 0) problems.push({ kind: "loggedError", detail: logged.join(" | ").slice(0, 500) });
  return problems;
}

describe("fuzzing server actions with hostile forms", () => {
  it("fuzzes every registered action, with a valid form to start from and a field catalogue", () => {
    expect(Object.keys(MATRIX).sort()).toEqual(ACTIONS.map((action) => action.name).sort());
    for (const action of ACTIONS)
      expect(fieldsOf(action.input).length, `${action.name}: no field found in its input schema`).toBeGreaterThan(0);
  });

  it("the change log sees committed writes, and not rolled-back ones or updates that change nothing", async () => {
    const db = getDb();
    const mark = await changes.mark();
    await db.$executeRaw`UPDATE "Region" SET name = name WHERE id = ${world.own.regionId}::uuid`;
    await db
      .$transaction(async (tx) => {
        await tx.organisation.update({ where: { id: world.own.organisationId }, data: { name: "Renommée puis annulée" } });
        throw new Error("roll back");
      })
      .catch(() => {});
    expect(await changes.changesSince(mark)).toEqual([]);
    await db.organisation.update({ where: { id: world.own.organisationId }, data: { name: "Organisme renommé" } });
    expect(await changes.changesSince(mark)).toEqual([{ table: "Organisation", operation: "UPDATE", rows: 1 }]);
    expect(changes.tables.length).toBeGreaterThan(20);
  });

  it("the prototype guard reports pollution and undoes it", () => {
    const guard = guardPrototypes();
    (Object.prototype as Record<string, unknown>).x = "polluted";
    (Array.prototype as unknown as Record<string, unknown>).territoryId = "polluted";
    expect(guard()).toEqual([
      "Object.prototype.x added",
      "Array.prototype.territoryId added",
      'Object.keys(Object.prototype) is ["x"]',
      '({}).x is "polluted"',
    ]);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    expect(guardPrototypes()()).toEqual([]);
  });

  it("an unedited form is the matrix's valid input: the platform admin's request succeeds for every action", async () => {
    const failures: string[] = [];
    for (const action of ACTIONS) {
      const actor = world.actors.platform_admin;
      const formData = toFormData(flatten(await MATRIX[action.name].input(world, world.own, actor)));
      const result = await executeFormAction(action, { db: getDb(), actor, ip: IP }, formData);
      if (!result.ok) failures.push(`${action.name}: ${result.message} ${JSON.stringify(result.fieldErrors ?? {})}`);
    }
    expect(failures).toEqual([]);
  });

  it("formDataToObject answers in linear time, whatever the row index or nesting depth of a name", () => {
    // A name like "objectives.4294967294.title" makes a sparse array that compacting walks hole by hole.
    const failures: string[] = [];
    for (const name of ["objectives.67108863.title", ODD_NAMES.at(-1)!]) {
      const formData = toFormData([[name, "x"]]);
      const started = performance.now();
      try {
        formDataToObject(formData);
      } catch {
        // Throwing is the other test's finding; here only the time counts.
      }
      const elapsed = performance.now() - started;
      if (elapsed > 250) failures.push(`${show(name)}: ${Math.round(elapsed)} ms`);
    }
    expect(failures).toEqual([]);
  });

  for (const action of ACTIONS) {
    for (const role of ROLES) {
      it(`${action.name} as ${role}: hostile forms never throw, pollute, log errors or change the database when refused`, async () => {
        const fields = fieldsOf(action.input);
        let runs = 0;
        let firstFailure: number | undefined;
        const details = await fc.check(
          fc.asyncProperty(fuzzCase(fields), async (fuzz) => {
            runs++;
            // Shrinking budget spent: the smallest failure found so far is the answer.
            if (firstFailure !== undefined && runs - firstFailure > SHRINK_RUNS) return true;
            const problems = await runCase(action, role, fuzz, fields);
            if (problems.length === 0) return true;
            firstFailure ??= runs;
            throw new CaseFailure(problems);
          }),
          { numRuns: RUNS_PER_PROPERTY, seed: seedOf(`${action.name} ${role}`) },
        );
        stats.properties++;
        stats.cases += details.numRuns;
        stats.casesByAction.set(action.name, (stats.casesByAction.get(action.name) ?? 0) + details.numRuns);
        if (!details.failed) return;

        stats.failedProperties++;
        const where = `${action.name} as ${role}`;
        const input = details.counterexample ? showCase(details.counterexample[0]) : "(none)";
        const problems =
          details.errorInstance instanceof CaseFailure
            ? details.errorInstance.problems
            : [{ kind: "threw" as const, detail: `fuzz harness: ${describeError(details.errorInstance)}` }];
        for (const kind of new Set(problems.map((problem) => problem.kind))) stats.kinds.set(kind, (stats.kinds.get(kind) ?? 0) + 1);
        for (const problem of problems) {
          const key = signature(problem);
          const known = stats.distinct.get(key) ?? { kind: problem.kind, detail: problem.detail, where: [], input };
          known.where.push(where);
          stats.distinct.set(key, known);
        }
        expect.fail(
          [
            `${where}: ${problems.length} problem(s) on the minimal input found (after ${details.numRuns} cases and ${details.numShrinks} shrinks; replay with FUZZ_SEED=${SEED}):`,
            `  input: ${input}`,
            ...problems.map((problem) => `  - ${KIND_LABELS[problem.kind]}: ${problem.detail}`),
          ].join("\n"),
        );
      }, 600_000);
    }
  }

  it("ran cases for every action and role", () => {
    for (const action of ACTIONS) expect(stats.casesByAction.get(action.name) ?? 0, action.name).toBeGreaterThanOrEqual(ROLES.length);
  });
});
