/** The database global-setup.ts migrates once per run; each test file clones it (database.ts). */
export const TEMPLATE_DATABASE = "opencls_template";
