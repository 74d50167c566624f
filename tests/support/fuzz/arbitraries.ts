// Hostile forms for the fuzz test, as fast-check arbitraries: a valid form of the action (or
// none) with a few edits (a field replaced, repeated or dropped; prototype keys, odd names and
// unknown fields added), the values drawn from what attackers and bad data send: 1 MB strings,
// control characters, lone surrogates, impossible dates, huge and non-numeric numbers, other
// tenants' ids, random UUIDs and non-UUID ids. Cases are plain data, printed compactly, and
// resolved against the test's world (ids, files) only when run, so that shrinking and replays
// stay meaningful.
import fc from "fast-check";
import type { Field, FieldKind } from "./catalogue";

/** An id of the test's world: a tenant's scope, the same field of a form aimed at the other tenant, or the actor. */
export type IdRef = `${"own" | "foreign"}.${"regionId" | "territoryId" | "organisationId" | "contractId"}` | "otherSide" | "actor";

export type Value =
  | { text: string }
  | { repeat: string; times: number }
  /** Bytes that are not text (a file's binary content), in base64. */
  | { base64: string }
  | { id: IdRef }
  | { file: { name: string; type: string; body: Value } }
  /** An import file: the template's columns, one row of these cells. */
  | { csv: Value[] };

export type Edit = { op: "set" | "add"; name: string; value: Value } | { op: "drop"; name: string };

export type FuzzCase = { side: "own" | "foreign"; base: "valid" | "none"; edits: Edit[] };

const MB = 1 << 20;

const texts = (values: readonly string[]) => fc.constantFrom(...values).map((text): Value => ({ text }));

export const CONTROL_CHARACTERS = [
  "\u0000",
  "a\u0000b",
  "\u0001",
  "\u0007",
  "\b",
  "\u000b",
  "\f",
  "\u001b[31mrouge",
  "\u001f",
  "\u007f",
  "\u0085",
  "\u2028",
  "\u2029",
  "\ufeff",
  "\u200b",
  "\r\n",
  "\t",
];
export const LONE_SURROGATES = ["\ud800", "a\udfffb", "\udbff\udbff", "\udc00\ud800"];
export const DATES = [
  "2026-02-31",
  "2026-02-29",
  "2025-04-31",
  "2026-13-01",
  "2026-00-10",
  "2026-01-00",
  "2026-01-32",
  "0000-01-01",
  "0001-01-01",
  "1899-12-31",
  "9999-12-31",
  "10000-01-01",
  "+275760-09-13",
  "-000001-01-01",
  "2026-1-1",
  "31/02/2026",
  "2026-02-31T00:00:00Z",
  "2026-02-28\u0000",
  "２０２６-０１-０１",
];
export const NUMBERS = [
  "12345678901234567890",
  "99999999999999999999",
  "-12345678901234567890",
  "2147483648",
  "-2147483649",
  "9007199254740993",
  "1e309",
  "1e21",
  "-1",
  "0",
  "-0",
  "1.5",
  "0.1",
  "NaN",
  "Infinity",
  "-Infinity",
  "0x1F",
  "0b1",
  "1_000",
  "１２",
  "١٢٣",
  "12,5",
  "12.345,67",
  "1 000 000,55",
  "--1",
  "+1",
  ".5",
  "5.",
  "1e-7",
  "00000000000000000001",
  "999999999999.99",
  "99999999999999.9999",
  "-99999999999999.9999",
  "1.23456789",
];
export const NON_UUID_IDS = [
  "00000000-0000-0000-0000-000000000000",
  "ffffffff-ffff-ffff-ffff-ffffffffffff",
  "not-a-uuid",
  "1",
  "' OR '1'='1",
  "../../../etc/passwd",
  "..%2F..%2F",
  "%00",
  "{00000000-0000-4000-8000-000000000000}",
  "00000000000040008000000000000000",
  "00000000-0000-4000-8000-000000000000x",
  "00000000-0000-4000-8000-00000000000",
  "null",
  "undefined",
  "[object Object]",
];
export const WORDS = [
  "",
  " ",
  "\u00a0",
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "hasOwnProperty",
  "valueOf",
  "then",
  "on",
  "true",
  "false",
  "platform_admin",
  "published",
  "draft",
  "<script>alert(1)</script>",
  "${7*7}",
  "=cmd|' /C calc'!A0",
  "x@exemple.test",
  "a@b",
  '"',
  "'",
  ";",
  "\\",
  "%",
  "%E0%A4%A",
  "http://[::1",
  "//evil.test",
];
const BIG: Value[] = [
  { repeat: "x", times: MB },
  { repeat: "9", times: MB },
  { repeat: "é", times: MB / 2 },
  { repeat: "a\u0000", times: MB / 2 },
  { repeat: "ligne\n", times: Math.floor(MB / 6) },
  { repeat: "a,", times: MB / 2 },
  { repeat: "\ud83d\ude00", times: MB / 4 },
];
const ID_REFS: IdRef[] = [
  "own.regionId",
  "own.territoryId",
  "own.organisationId",
  "own.contractId",
  "foreign.regionId",
  "foreign.territoryId",
  "foreign.organisationId",
  "foreign.contractId",
  "otherSide",
  "actor",
];

const ids = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...ID_REFS).map((id): Value => ({ id })) },
  { weight: 2, arbitrary: fc.uuid().map((text): Value => ({ text })) },
  { weight: 2, arbitrary: texts(NON_UUID_IDS) },
);
const dates = fc.oneof(
  { weight: 4, arbitrary: texts(DATES) },
  {
    weight: 1,
    arbitrary: fc
      .date({ min: new Date("0001-01-01T00:00:00Z"), max: new Date("9999-12-31T00:00:00Z"), noInvalidDate: true })
      .map((date): Value => ({ text: date.toISOString().slice(0, 10) })),
  },
);
const numbers = fc.oneof(
  // Past the column or past exact doubles: int4, bigint, 14 digits and more.
  {
    weight: 3,
    arbitrary: texts([
      "12345678901234567890",
      "2147483648",
      "-2147483649",
      "9007199254740993",
      "1e309",
      "99999999999999.9999",
      "-99999999999999.9999",
      "999999999999.99",
    ]),
  },
  { weight: 3, arbitrary: texts(NUMBERS) },
  { weight: 1, arbitrary: fc.stringMatching(/^-?\d{1,30}([.,]\d{1,8})?$/).map((text): Value => ({ text })) },
);
const randomText = fc.oneof(fc.string({ maxLength: 24 }), fc.string({ unit: "binary", maxLength: 24 })).map((text): Value => ({ text }));

/** A cell of an import file: mostly plausible, sometimes hostile. */
const csvCell = (plausible: string) =>
  fc.oneof(
    { weight: 2, arbitrary: fc.constant<Value>({ text: plausible }) },
    { weight: 1, arbitrary: fc.oneof(texts(CONTROL_CHARACTERS), texts(DATES), texts(NUMBERS), texts(WORDS), fc.constantFrom(...BIG)) },
  );

export const IMPORT_HEADER = [
  "Numéro",
  "Axe",
  "Intitulé",
  "Statut",
  "Avancement (%)",
  "Début",
  "Fin",
  "Thématiques",
  "E-mail du contact pilote",
  "Structure pilote",
];
const IMPORT_SAMPLE = [
  "800",
  "1",
  "Fiche importée",
  "En cours",
  "25",
  "15/01/2025",
  "31/12/2027",
  "santé mentale",
  "pilote@exemple.test",
  "",
];

const files = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .tuple(...IMPORT_SAMPLE.map(csvCell))
      .map((cells): Value => ({ file: { name: "fiches.csv", type: "text/csv", body: { csv: cells } } })),
  },
  {
    weight: 1,
    arbitrary: fc
      .record({
        name: fc.constantFrom(
          "fiches.csv",
          "fiches.xlsx",
          "../../etc/passwd.csv",
          "a\u0000.csv",
          `${"x".repeat(300)}.csv`,
          ".xlsx",
          "fiches",
        ),
        type: fc.constantFrom(
          "text/csv",
          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
          "application/octet-stream",
          "",
          "text/html",
        ),
        body: fc.constantFrom<Value>(
          { text: "" },
          { text: "PK\u0003\u0004 pas un classeur" },
          { text: "Numéro;Axe\n" },
          { repeat: "x", times: 5 * MB + 1 },
          { repeat: "1;1;a\n", times: Math.floor(MB / 6) },
          { text: "\ufeffNuméro;Axe;Intitulé\r\n1;1;\u0000\r\n" },
        ),
      })
      .map((file): Value => ({ file })),
  },
);

/** A document's file: a kind it may hold, or one that pretends to be (magic bytes, broken archives), or too large. */
const zipEnd = (entries: number, directoryOffset: number) =>
  Buffer.concat([
    Buffer.from([0x50, 0x4b, 0x05, 0x06]),
    Buffer.alloc(4),
    Buffer.from([entries, 0, entries, 0]),
    Buffer.alloc(4),
    Buffer.from([directoryOffset, 0, 0, 0]),
    Buffer.alloc(2),
  ]);
const bytes = (...parts: Array<string | number[] | Buffer>): Value => ({
  base64: Buffer.concat(parts.map((part) => (typeof part === "string" ? Buffer.from(part, "latin1") : Buffer.from(part)))).toString(
    "base64",
  ),
});
const documentFiles = fc
  .record({
    name: fc.constantFrom(
      "contrat.pdf",
      "avenant.docx",
      "budget.xlsx",
      "deliberation.odt",
      "plan.png",
      "photo.jpg",
      "contrat",
      "../../etc/passwd.pdf",
      "a\u0000.pdf",
      `${"é".repeat(300)}.pdf`,
      "page.html",
    ),
    type: fc.constantFrom("application/pdf", "image/png", "application/octet-stream", "", "text/html"),
    body: fc.constantFrom<Value>(
      { text: "%PDF-1.4\n%%EOF\n" },
      { text: "<!doctype html><script>alert(1)</script>" },
      bytes([0x89], "PNG\r\n\x1a\n", "IHDR"),
      bytes([0xff, 0xd8, 0xff, 0xe0]),
      // Archives: empty, truncated, an end record pointing past the end, a mimetype entry whose size lies.
      bytes("PK\x03\x04"),
      bytes("PK\x03\x04", Buffer.alloc(40), zipEnd(3, 200)),
      bytes("PK\x03\x04", zipEnd(255, 0)),
      bytes("PK\x03\x04\x14\x00\x00\x00\x00\x00", Buffer.alloc(8), [0xff, 0xff, 0xff, 0xff], Buffer.alloc(4), [8, 0, 0, 0], "mimetype"),
      { repeat: "%PDF-", times: Math.floor((20 * MB) / 5) + 1 },
    ),
  })
  .map((file): Value => ({ file }));

/** Any hostile value, whatever the field. */
export const hostileValue: fc.Arbitrary<Value> = fc.oneof(
  { weight: 3, arbitrary: texts(CONTROL_CHARACTERS) },
  { weight: 1, arbitrary: texts(LONE_SURROGATES) },
  { weight: 2, arbitrary: dates },
  { weight: 2, arbitrary: numbers },
  { weight: 2, arbitrary: ids },
  { weight: 2, arbitrary: texts(WORDS) },
  { weight: 2, arbitrary: fc.constantFrom(...BIG) },
  { weight: 2, arbitrary: randomText },
  { weight: 1, arbitrary: files },
  { weight: 1, arbitrary: documentFiles },
);

/** For text fields: what the database and the screens choke on, NUL first (PostgreSQL refuses it). */
const textual = fc.oneof(
  { weight: 3, arbitrary: texts(["\u0000", "a\u0000b", "Titre\u0000"]) },
  { weight: 3, arbitrary: texts(CONTROL_CHARACTERS) },
  { weight: 1, arbitrary: texts(LONE_SURROGATES) },
  { weight: 1, arbitrary: fc.constantFrom(...BIG) },
  { weight: 1, arbitrary: texts(WORDS) },
  { weight: 1, arbitrary: randomText },
);

const byKind: Record<FieldKind, fc.Arbitrary<Value>> = {
  id: ids,
  date: dates,
  number: numbers,
  file: fc.oneof(files, documentFiles),
  text: textual,
  enum: hostileValue,
};

/** A value for a field: of its own kind most often (a valid enum entry among them), else anything. */
function valueFor(field: Field): fc.Arbitrary<Value> {
  const own = field.options.length > 0 ? fc.oneof(texts(field.options), byKind[field.kind]) : byKind[field.kind];
  return fc.oneof({ weight: 4, arbitrary: own }, { weight: 1, arbitrary: hostileValue });
}

/** Row indexes: the usual ones, and some that are not quite indexes. */
const rowIndex = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom("0", "1", "2") },
  {
    weight: 1,
    arbitrary: fc.constantFrom("-1", "01", "00", "1.5", "1e2", "99999", " 0", "0x1", "", "length", "__proto__", "constructor", "prototype"),
  },
);

const concreteName = (field: Field): fc.Arbitrary<string> => {
  const parts = field.name.split("#");
  if (parts.length === 1) return fc.constant(field.name);
  return fc
    .array(rowIndex, { minLength: parts.length - 1, maxLength: parts.length - 1 })
    .map((indexes) => parts.reduce((name, part, index) => name + (index === 0 ? "" : indexes[index - 1]) + part, ""));
};

export const PROTOTYPE_NAMES = [
  "__proto__.x",
  "__proto__",
  "__proto__.territoryId",
  "__proto__.regionId",
  "__proto__.organisationId",
  "__proto__.toString",
  "__proto__.__proto__.x",
  "constructor.prototype.x",
  "constructor.prototype.territoryId",
  "constructor",
  "constructor.name",
  "constructor.x",
  "prototype",
  "prototype.x",
  "a.__proto__.b",
  "0.__proto__.x",
  "x.constructor.prototype.y",
  "hasOwnProperty",
  "toString",
  "valueOf",
  "__defineGetter__",
  "__lookupGetter__",
];
/** Field names that are not names: empty segments, Next.js's own prefix, NUL, 1 MB, 20,000 levels deep. */
export const ODD_NAMES = [
  "",
  ".",
  "..",
  "a..b",
  ".x",
  "x.",
  "$ACTION_ID_0123",
  "$ACTION_REF_1",
  "$ACTION_KEY",
  "a\u0000b",
  "\u0000",
  "0",
  "0.0.0",
  "1e3.x",
  "x".repeat(MB),
  `${"a.".repeat(20_000)}b`,
];

function prototypeNames(fields: Field[]): fc.Arbitrary<string> {
  const tops = [...new Set(fields.map((field) => field.name.split(".")[0]))];
  const lists = [...new Set(fields.filter((field) => field.name.includes(".#")).map((field) => field.name.split(".#")[0]))];
  const derived = [
    ...tops.flatMap((top) => [`${top}.__proto__.x`, `${top}.constructor.prototype.x`]),
    ...lists.flatMap((list) => [`${list}.0.__proto__.x`, `${list}.__proto__.x`, `${list}.length`, `${list}.0.constructor.prototype.x`]),
  ];
  return fc.constantFrom(...PROTOTYPE_NAMES, ...derived);
}

/** The fuzz cases of an action whose form has these fields. */
export function fuzzCase(fields: Field[]): fc.Arbitrary<FuzzCase> {
  const known = fc.constantFrom(...fields);
  const edit: fc.Arbitrary<Edit> = fc.oneof(
    {
      weight: 8,
      arbitrary: known.chain((field) => fc.record({ op: fc.constant("set" as const), name: concreteName(field), value: valueFor(field) })),
    },
    {
      weight: 1,
      arbitrary: known.chain((field) => fc.record({ op: fc.constant("add" as const), name: concreteName(field), value: valueFor(field) })),
    },
    { weight: 1, arbitrary: known.chain((field) => fc.record({ op: fc.constant("drop" as const), name: concreteName(field) })) },
    {
      weight: 2,
      arbitrary: fc.record({ op: fc.constant("add" as const), name: prototypeNames(fields), value: fc.oneof(ids, hostileValue) }),
    },
    { weight: 1, arbitrary: fc.record({ op: fc.constant("add" as const), name: fc.constantFrom(...ODD_NAMES), value: hostileValue }) },
    {
      weight: 1,
      arbitrary: fc.record({ op: fc.constant("add" as const), name: fc.string({ minLength: 1, maxLength: 16 }), value: hostileValue }),
    },
  );
  return fc.record({
    side: fc.constantFrom("own" as const, "foreign" as const),
    base: fc.oneof({ weight: 9, arbitrary: fc.constant("valid" as const) }, { weight: 1, arbitrary: fc.constant("none" as const) }),
    // Mostly one or two edits, so that the rest of the form stays valid and the hostile value
    // reaches the code behind the validation.
    edits: fc.array(edit, { minLength: 1, maxLength: 6, size: "xsmall" }),
  });
}

/** A string as JSON, cut in the middle when long: `"xxxx…xxxx" (1048576 characters)`. */
export function show(text: string): string {
  if (text.length <= 120) return JSON.stringify(text);
  return `${JSON.stringify(text.slice(0, 40)).slice(0, -1)}…${JSON.stringify(text.slice(-20)).slice(1)} (${text.length} characters)`;
}

export function showValue(value: Value): string {
  if ("text" in value) return show(value.text);
  if ("repeat" in value) return `${show(value.repeat)} × ${value.times}`;
  if ("base64" in value) return `bytes ${value.base64.length > 60 ? `${value.base64.slice(0, 60)}…` : value.base64} (base64)`;
  if ("id" in value) return `<${value.id} id>`;
  if ("csv" in value) return `import file [${value.csv.map(showValue).join("; ")}]`;
  return `file ${show(value.file.name)} (${show(value.file.type)}): ${showValue(value.file.body)}`;
}

export function showCase(fuzzCase: FuzzCase): string {
  const edits = fuzzCase.edits.map((edit) =>
    edit.op === "drop" ? `drop ${show(edit.name)}` : `${edit.op} ${show(edit.name)} = ${showValue(edit.value)}`,
  );
  return `${fuzzCase.base === "valid" ? `the valid form aimed at the ${fuzzCase.side} tenant` : `an empty form (${fuzzCase.side} tenant)`}, then ${edits.join("; ")}`;
}
