// The app server process that `npm start` and `npm run dev` run once the database is ready
// (lib/cli/start.ts): `serve.ts [--dev] --port N`.
import { serve } from "@/lib/server/http-server";
import { runCli } from "./run";

const dev = process.argv.includes("--dev");
const portIndex = process.argv.indexOf("--port");
const port = Number(portIndex === -1 ? 3000 : process.argv[portIndex + 1]);

runCli(() => serve({ dev, port }));
