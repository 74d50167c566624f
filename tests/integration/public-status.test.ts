// The status the public reads of a contract is told in TypeScript for pages and in SQL for lists
// that filter or count by it (lib/contracts/public-status.ts): both tell the same on every edge.
import { describe, expect, it } from "vitest";
import { publicContractStatus, publicStatusSql } from "@/lib/contracts/public-status";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import type { ContractStatus } from "@/lib/db/generated/enums";
import { createContract, createTerritory } from "../fixtures/factories";
import { setupAppDatabase } from "../support/database";

setupAppDatabase();

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("publicStatusSql", () => {
  it("tells each contract's public status as publicContractStatus does, on its end day, the day after and without dates", async () => {
    const db = getDb();
    const territory = await createTerritory(db);
    const cases: Array<{ status: ContractStatus; signedOn?: string; startsOn?: string; endsOn?: string }> = [
      { status: "signed", startsOn: "2021-03-12", endsOn: "2026-03-12" },
      { status: "in_progress", startsOn: "2021-03-12", endsOn: "2026-03-11" },
      { status: "mid_term_evaluation", startsOn: "2026-03-13", endsOn: "2031-03-12" },
      { status: "final_evaluation", signedOn: "2026-03-14" },
      { status: "signed", signedOn: "2019-09-25" },
      { status: "signed" },
      { status: "preparation", endsOn: "2020-01-01" },
      { status: "closed", endsOn: "2020-01-01" },
      { status: "renewed", startsOn: "2030-01-01" },
    ];
    const contracts = [];
    for (const [index, item] of cases.entries()) {
      contracts.push(
        await createContract(db, {
          territoryId: territory.id,
          generation: index + 1,
          status: item.status,
          signedOn: item.signedOn ? day(item.signedOn) : null,
          startsOn: item.startsOn ? day(item.startsOn) : null,
          endsOn: item.endsOn ? day(item.endsOn) : null,
        }),
      );
    }
    const today = day("2026-03-12");
    const rows = await db.$queryRaw<Array<{ generation: number; key: string }>>(Prisma.sql`
      SELECT c.generation, ${publicStatusSql("c", today)} AS key
      FROM "Contract" c WHERE c."territoryId" = ${territory.id}::uuid ORDER BY c.generation`);
    const expected = contracts.map((contract) => publicContractStatus(contract, today).key);
    expect(rows.map((row) => row.key)).toEqual(expected);
    expect(expected).toEqual(["signed", "expired", "upcoming", "upcoming", "signed", "signed", "preparation", "closed", "renewed"]);
  });

  it("takes only an alias of the query, never text to run", () => {
    expect(() => publicStatusSql('c"; DROP TABLE "Contract"; --', new Date())).toThrow();
  });
});
