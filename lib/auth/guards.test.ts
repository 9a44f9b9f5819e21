import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { db, runMigrations } from "@/db";
import { users } from "@/db/schema";

// The session cookie is Auth.js's business; here the session it decodes is given directly and
// everything after it (the database check, the role check) runs for real.
const session = vi.hoisted(() => ({ current: null as null | { user: Record<string, unknown> } }));
vi.mock("./index", () => ({ auth: async () => session.current }));

const { currentUser, hasRole, requireActionUser, safeCallbackPath, withRole } = await import("./guards");

process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "true";

let adminId: number;
let editorId: number;

function signedInAs(id: number, sessionVersion = 1) {
  session.current = { user: { id: String(id), email: "", name: "", role: "editor", sessionVersion } };
}

async function statusOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return (error as { digest?: string }).digest;
  }
}

beforeAll(() => {
  runMigrations();
  adminId = db.insert(users).values({ email: "admin@x.test", name: "Admin", passwordHash: "x", role: "admin" }).returning().get().id;
  editorId = db.insert(users).values({ email: "editor@x.test", name: "Ed", passwordHash: "x", role: "editor" }).returning().get().id;
});

beforeEach(() => {
  session.current = null;
});

describe("hasRole", () => {
  it("lets an admin do what an editor may, but not the reverse", () => {
    expect(hasRole({ role: "admin" }, "admin")).toBe(true);
    expect(hasRole({ role: "admin" }, "editor")).toBe(true);
    expect(hasRole({ role: "editor" }, "editor")).toBe(true);
    expect(hasRole({ role: "editor" }, "admin")).toBe(false);
  });
});

describe("withRole", () => {
  it("runs an admin action for an admin, passing the user", async () => {
    signedInAs(adminId);
    const body = vi.fn(async (user: { email: string }, n: number) => `${user.email}:${n}`);
    expect(await withRole("admin", body)(7)).toBe("admin@x.test:7");
  });

  it("answers 403 to an editor and never runs the action", async () => {
    signedInAs(editorId);
    const body = vi.fn(async () => "changed");
    expect(await statusOf(withRole("admin", body)())).toBe("NEXT_HTTP_ERROR_FALLBACK;403");
    expect(body).not.toHaveBeenCalled();
  });

  it("answers 401 without a session", async () => {
    const body = vi.fn(async () => "changed");
    expect(await statusOf(withRole("editor", body)())).toBe("NEXT_HTTP_ERROR_FALLBACK;401");
    expect(body).not.toHaveBeenCalled();
  });
});

describe("currentUser", () => {
  it("takes the role from the database, not from the session", async () => {
    signedInAs(adminId);
    expect(await currentUser()).toMatchObject({ id: adminId, role: "admin" });
  });

  it("ends sessions of a deactivated account or of an older session version", async () => {
    signedInAs(editorId);
    expect(await requireActionUser("editor")).toMatchObject({ id: editorId });
    db.update(users).set({ sessionVersion: 2 }).where(eq(users.id, editorId)).run();
    expect(await currentUser()).toBeNull();
    signedInAs(editorId, 2);
    expect(await currentUser()).not.toBeNull();
    db.update(users).set({ active: false }).where(eq(users.id, editorId)).run();
    expect(await currentUser()).toBeNull();
    expect(await statusOf(requireActionUser("editor"))).toBe("NEXT_HTTP_ERROR_FALLBACK;401");
  });
});

describe("safeCallbackPath", () => {
  it("keeps same-site paths and the proxy's localhost URLs, as paths", () => {
    expect(safeCallbackPath("/admin/users?x=1")).toBe("/admin/users?x=1");
    expect(safeCallbackPath("http://localhost:3000/admin/settings")).toBe("/admin/settings");
  });

  it("refuses other sites and odd values", () => {
    for (const value of ["https://evil.example/admin", "//evil.example/admin", "/\\evil.example", "javascript:alert(1)", "", 42, null]) {
      expect(safeCallbackPath(value), String(value)).toBe("/admin");
    }
  });
});
