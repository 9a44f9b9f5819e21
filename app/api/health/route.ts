import { NextResponse } from "next/server";
import { checkHealth } from "@/lib/ops/health";

export const dynamic = "force-dynamic";

/** 200 with the database reachable and migrations current; 503 otherwise (see lib/ops/health.ts). */
export async function GET() {
  const { httpStatus, body } = checkHealth();
  return NextResponse.json(body, { status: httpStatus, headers: { "Cache-Control": "no-store" } });
}
