import { NextResponse } from "next/server";
import { pendingMigrations, sqlite } from "@/db";

export const dynamic = "force-dynamic";

/** 200 when the database answers and every migration is applied; 503 otherwise. */
export async function GET() {
  try {
    sqlite().prepare("select 1").get();
    const pending = pendingMigrations();
    if (pending.length > 0) {
      return NextResponse.json({ status: "error", database: "ok", pendingMigrations: pending }, { status: 503 });
    }
    return NextResponse.json(
      { status: "ok", database: "ok", migrations: "current" },
      { headers: { "Cache-Control": "no-store" } },
    );
  } catch (error) {
    console.error("health check failed", error);
    return NextResponse.json({ status: "error", database: "unreachable" }, { status: 503 });
  }
}
