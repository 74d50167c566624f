// The contract's life on the national dataset's largest contract (territory fictif-0001's), for
// measuring its pages at their worst: a signed amendment made as the demo's are (lib/seed/
// demo-amendments.ts: the contract as signed frozen without the two fiches it adds, a fiche closed
// on its signature day, one changed, the contract as amended frozen, the agency's favourable
// opinion), and the documents a five-year contract gathers, a third of them public, each with a
// small PDF file kept in PostgreSQL. Fictional, like the whole dataset.
import { createHash } from "node:crypto";
import type { Db } from "@/lib/db/client";
import type { DocumentKind } from "@/lib/db/generated/enums";
import { createContractSnapshot } from "@/lib/snapshots/create";
import type { LoadReport } from "./load";
import { NATIONAL_TERRITORY_PREFIX } from "./plan";

const LARGEST_TERRITORY = `${NATIONAL_TERRITORY_PREFIX}0001`;
/** Snapshots of a 120-fiche contract take a few seconds each. */
const TRANSACTION = { timeout: 120_000, maxWait: 10_000 };
const SIGNED_ON = new Date("2025-06-30");

/** The documents of five years: kinds in the order a contract gathers them. */
const DOCUMENT_KINDS: DocumentKind[] = [
  "letter_of_intent",
  "diagnosis",
  "deliberation",
  "contract",
  "minutes",
  "minutes",
  "minutes",
  "amendment",
  "deliberation",
  "minutes",
  "evaluation_report",
  "minutes",
];

/** A one-page PDF naming the document: what the download routes serve. */
function pdfFile(title: string): Buffer {
  return Buffer.from(
    `%PDF-1.4\n% ${title.replace(/[^\x20-\x7e]/g, "?")}\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n` +
      "2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n",
    "latin1",
  );
}

/** Whether the largest contract already has its amendment (the loader is not idempotent). */
export async function hasNationalContractLife(db: Db): Promise<boolean> {
  return (
    (await db.amendment.count({ where: { contract: { territory: { slug: LARGEST_TERRITORY } } } })) > 0 ||
    (await db.document.count({ where: { contract: { territory: { slug: LARGEST_TERRITORY } }, file: { isNot: null } } })) > 0
  );
}

/** Loads the largest contract's amendment and documents into a national dataset (./load.ts) that has none. */
export async function loadNationalContractLife(db: Db): Promise<LoadReport> {
  const report: LoadReport = [];
  const [contract] = await db.$queryRaw<{ id: string; userId: string }[]>`
    SELECT c.id, m."userId" FROM "Territory" t
    JOIN "Contract" c ON c."territoryId" = t.id
    JOIN "Membership" m ON m."territoryId" = t.id AND m.role = 'coordinator'
    WHERE t.slug = ${LARGEST_TERRITORY} ORDER BY c.generation DESC LIMIT 1`;
  if (!contract) throw new Error(`No contract in ${LARGEST_TERRITORY}: load the national dataset first`);

  await db.$transaction(async (tx) => {
    const started = performance.now();
    const fiches = await tx.ficheAction.findMany({
      where: { contractId: contract.id, deletedAt: null },
      orderBy: { number: "desc" },
      select: { id: true, number: true, title: true },
    });
    // The two last fiches are the ones it adds; it closes the one before them and changes the next, if any
    // (the statement-count test loads a largest contract of 3 fiches).
    const [added, closed, changed] = [fiches.slice(0, 2), fiches.at(2), fiches.at(3)];
    if (!closed) throw new Error(`The largest contract has ${fiches.length} fiches: an amendment needs 3`);
    const base = await createContractSnapshot(
      tx,
      contract.id,
      "signature",
      { userId: null },
      { ficheIds: fiches.slice(2).map((fiche) => fiche.id) },
    );
    if (changed) await tx.ficheAction.update({ where: { id: changed.id }, data: { title: `${changed.title} (modifiée par l’avenant)` } });
    await tx.ficheAction.update({ where: { id: closed.id }, data: { closedOn: SIGNED_ON } });
    const snapshot = await createContractSnapshot(tx, contract.id, "amendment", { userId: contract.userId });
    const amendment = await tx.amendment.create({
      data: {
        contractId: contract.id,
        number: 1,
        purpose: "Avenant fictif : deux actions nouvelles, une action close, une autre précisée.",
        status: "signed",
        councilAdoptedOn: new Date("2025-05-20"),
        deliberationReference: "DEL-2025-042 (fictive)",
        signedOn: SIGNED_ON,
        baseSnapshotId: base.id,
        snapshotId: snapshot.id,
        createdById: contract.userId,
        signedById: contract.userId,
        fiches: {
          create: [
            ...added.map((fiche) => ({ ficheId: fiche.id, change: "added" as const })),
            ...(changed ? [{ ficheId: changed.id, change: "changed" as const }] : []),
            { ficheId: closed.id, change: "closed" as const },
          ],
        },
      },
      select: { id: true },
    });
    await tx.ficheAction.update({ where: { id: closed.id }, data: { closedByAmendmentId: amendment.id } });
    await tx.reviewStage.create({
      data: {
        contractId: contract.id,
        subjectKind: "amendment",
        subjectId: amendment.id,
        state: "favourable",
        submittedAt: SIGNED_ON,
        decidedAt: SIGNED_ON,
      },
    });
    report.push({ table: "Amendment", rows: 1, milliseconds: Math.round(performance.now() - started) });
  }, TRANSACTION);

  const started = performance.now();
  for (const [index, kind] of DOCUMENT_KINDS.entries()) {
    const title = `Document fictif n° ${index + 1}`;
    const bytes = pdfFile(title);
    await db.document.create({
      data: {
        contractId: contract.id,
        kind,
        title,
        issuedOn: new Date(Date.UTC(2022, index * 4, 15)),
        isPublic: index % 3 === 0,
        file: {
          create: {
            content: new Uint8Array(bytes),
            sha256: createHash("sha256").update(bytes).digest("hex"),
            sizeBytes: bytes.length,
            mediaType: "application/pdf",
            originalName: `document-fictif-${index + 1}.pdf`,
          },
        },
      },
      select: { id: true },
    });
  }
  report.push({ table: "Document", rows: DOCUMENT_KINDS.length, milliseconds: Math.round(performance.now() - started) });
  return report;
}
