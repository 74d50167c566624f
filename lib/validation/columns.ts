// Bounds of the database columns that input fields must fit, as declared in
// prisma/schema.prisma. The generated client does not carry native types, and this module is
// also bundled for the browser, so they are restated here; columns.test.ts reads the schema and
// fails when a Decimal column is missing here or its precision or scale differ.

export type DecimalBounds = { precision: number; scale: number };

/** Every `@db.Decimal(precision, scale)` column, by "Model.field". */
export const DECIMAL_COLUMNS = {
  "BudgetLine.amount": { precision: 14, scale: 2 },
  "Commitment.financialAmount": { precision: 14, scale: 2 },
  "Indicator.baselineValue": { precision: 18, scale: 4 },
  "Indicator.targetValue": { precision: 18, scale: 4 },
  "Measurement.value": { precision: 18, scale: 4 },
  "Measurement.numerator": { precision: 18, scale: 4 },
  "Measurement.denominator": { precision: 18, scale: 4 },
  "AssessmentSpending.spent": { precision: 14, scale: 2 },
  "CommitmentContribution.amountSpent": { precision: 14, scale: 2 },
} as const satisfies Record<string, DecimalBounds>;

export type DecimalColumn = keyof typeof DECIMAL_COLUMNS;

/** PostgreSQL INTEGER (Prisma `Int`). */
export const INT_MAX = 2_147_483_647;
