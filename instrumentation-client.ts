// Runs in the browser before any of the app's modules (Next.js's client instrumentation hook).
// zod compiles object parsers with `new Function` after probing whether it may; the
// Content-Security-Policy forbids eval, and Chromium reports even the caught probe as a
// violation. Without JIT, zod neither probes nor compiles; it parses the same.
import { config } from "zod/v4/core";

config({ jitless: true });
