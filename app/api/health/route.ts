// Liveness and readiness probe for load balancers and orchestrators. Probes carry no session:
// it is authorized as an anonymous visitor.
import { ANONYMOUS, assertCan } from "@/lib/authz";
import { databaseAnswers } from "@/lib/db/health";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  assertCan(ANONYMOUS, "health.read");
  const databaseOk = await databaseAnswers();
  return Response.json(
    { status: databaseOk ? "ok" : "error", database: databaseOk ? "ok" : "unreachable" },
    { status: databaseOk ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
