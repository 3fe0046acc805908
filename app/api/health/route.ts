// Liveness and readiness in one: 200 when the database answers, 503 when it does not.
// Load balancers and the e2e harness poll this; it reveals nothing personal.
import { checkHealth } from "@/lib/health/check-health";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const health = await checkHealth();
  return Response.json(health, {
    status: health.status === "ok" ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
