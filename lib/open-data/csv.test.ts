import { describe, expect, it } from "vitest";
import { column, type Column } from "./columns";
import { csvCell, csvHeader, csvRows, csvStream } from "./csv";

const text = column<never>("title", "Intitulé", "string", () => null) as Column<never>;
const amount = column<never>("montant", "Montant", "decimal", () => null) as Column<never>;
const list = column<never>("themes", "Thématiques", "list", () => null) as Column<never>;
const code = column<never>("status", "Statut", "string", () => null, { choices: { in_progress: "En cours" } }) as Column<never>;

describe("CSV cells", () => {
  it("quote commas, quotes and line breaks (RFC 4180), and leave nothing empty", () => {
    expect(csvCell(text, "Simple")).toBe("Simple");
    expect(csvCell(text, "Un, deux")).toBe('"Un, deux"');
    expect(csvCell(text, 'Le "bon" mot')).toBe('"Le ""bon"" mot"');
    expect(csvCell(text, "Ligne 1\r\nLigne 2")).toBe('"Ligne 1\r\nLigne 2"');
    expect(csvCell(text, null)).toBe("");
  });

  it("defuse free text a spreadsheet would run as a formula, never a number", () => {
    for (const formula of ["=1+1", "+33 6", "-2", "@SUM(A1)", "\tx", "\rx"]) expect(csvCell(text, formula).replace(/^"/, "")).toMatch(/^'/);
    expect(csvCell(list, ["=1+1", "b"])).toBe("'=1+1;b");
    expect(csvCell(amount, "-12.5")).toBe("-12.5");
    expect(csvCell(code, "in_progress")).toBe("in_progress");
  });

  it("join lists with semicolons, and write booleans and numbers as text", () => {
    expect(csvCell(list, ["santé mentale", "mobilité"])).toBe("santé mentale;mobilité");
    expect(csvCell(list, [])).toBe("");
    expect(
      csvCell(
        column<never>("x", "X", "boolean", () => null),
        true,
      ),
    ).toBe("true");
    expect(
      csvCell(
        column<never>("n", "N", "integer", () => null),
        12,
      ),
    ).toBe("12");
  });

  it("write a header of the columns' names and CRLF line ends", () => {
    expect(csvHeader([text, amount])).toBe("title,montant\r\n");
    expect(
      csvRows(
        [text, amount],
        [
          { title: "A", montant: "1.5" },
          { title: null, montant: "2" },
        ],
      ),
    ).toBe("A,1.5\r\n,2\r\n");
  });

  it("stream page after page until no page follows", async () => {
    const pages = [
      { rows: [{ title: "B", montant: "2" }], more: true },
      { rows: [{ title: "C", montant: "3" }], more: false },
    ];
    const stream = csvStream([text, amount], { rows: [{ title: "A", montant: "1" }], more: true }, async () => pages.shift()!);
    expect(await new Response(stream).text()).toBe("title,montant\r\nA,1\r\nB,2\r\nC,3\r\n");
  });
});
