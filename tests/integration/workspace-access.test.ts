// Who enters which territory workspace, for every role, against the demo data: the protected
// route /espace/<slug> runs exactly these loaders.
import { beforeAll, describe, expect, it } from "vitest";
import { actorForUser } from "@/lib/auth/session";
import { ANONYMOUS, NotFoundError } from "@/lib/authz";
import { getDb } from "@/lib/db/client";
import { loadDemoData } from "@/lib/seed/demo-data";
import { findWorkspace, listWorkspaces } from "@/lib/workspaces/queries";
import { setupAppDatabase } from "../support/database";

setupAppDatabase();
beforeAll(() => loadDemoData(getDb()));

const SLUGS = ["creusot-montceau", "lens-lievin", "pays-ruffecois", "romans-sur-isere", "rosny-sous-bois"];

async function actor(email: string) {
  const user = await getDb().user.findUniqueOrThrow({ where: { email } });
  return actorForUser(user.id);
}

async function enterable(email: string | null): Promise<string[]> {
  const who = email ? await actor(email) : ANONYMOUS;
  const allowed: string[] = [];
  for (const slug of SLUGS) {
    try {
      await findWorkspace(who, slug);
      allowed.push(slug);
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
    }
  }
  return allowed;
}

describe("territory workspaces", () => {
  it.each([
    ["a platform admin", "admin@opencls.test", SLUGS],
    ["an ARS officer, the territories of their region", "ars@ile-de-france.test", ["rosny-sous-bois"]],
    ["a coordinator, their territory", "coordination@romans-sur-isere.test", ["romans-sur-isere"]],
    ["a contributor, their territory", "contribution@pays-ruffecois.test", ["pays-ruffecois"]],
    ["a partner, the territories whose contract their organisation signed", "partenaire@romans-sur-isere.test", ["romans-sur-isere"]],
    ["a partner, the territories whose contract their organisation partners", "partenaire@pays-ruffecois.test", ["pays-ruffecois"]],
    ["a signed-out visitor, none", null, []],
  ])("open to %s", async (_who, email, expected) => {
    expect(await enterable(email)).toEqual(expected);
    if (email) expect((await listWorkspaces(await actor(email))).map((workspace) => workspace.slug).sort()).toEqual(expected);
  });

  it("answers an unknown territory like a forbidden one", async () => {
    await expect(findWorkspace(await actor("admin@opencls.test"), "atlantide")).rejects.toThrow(NotFoundError);
  });

  it("shows drafts to members but never on public pages", async () => {
    const db = getDb();
    const territory = await db.territory.findUniqueOrThrow({ where: { slug: "lens-lievin" } });
    await db.contract.create({ data: { territoryId: territory.id, generation: 2, title: "CLS de 2e génération (brouillon)", visibility: "draft" } });
    const workspace = await findWorkspace(await actor("coordination@lens-lievin.test"), "lens-lievin");
    expect(workspace.contracts.map((contract) => contract.visibility)).toEqual(["draft", "published"]);
  });

  it("stops letting a user in as soon as the membership is revoked", async () => {
    const user = await getDb().user.findUniqueOrThrow({ where: { email: "coordination@creusot-montceau.test" } });
    expect(await enterable(user.email)).toEqual(["creusot-montceau"]);
    await getDb().membership.deleteMany({ where: { userId: user.id } });
    expect(await enterable(user.email)).toEqual([]);
  });
});
