import { createRequire } from "node:module";
import type { APIRequestContext, APIResponse } from "@playwright/test";
import type { ServerAction } from "./app-routes";

const require = createRequire(import.meta.url);
// React's own encoder, as the browser uses it to send a server action's arguments.
const { encodeReply } = require("next/dist/compiled/react-server-dom-webpack/client.node") as {
  encodeReply: (args: unknown[]) => Promise<string | FormData>;
};

/**
 * Form fields that would do damage if an action ran them: ids of existing rows, confirmations,
 * new roles, passwords, content. Sent to every action so a missing authorization check would
 * show as a changed database, not just as a different status code.
 */
export function damagingForm(): FormData {
  const form = new FormData();
  const fields: Record<string, string> = {
    id: "1",
    articleId: "1",
    revisionId: "1",
    tagId: "1",
    targetId: "2",
    userId: "1",
    version: "1",
    confirm: "delete",
    intent: "publish",
    title: "Unauthorized write",
    slug: "unauthorized-write",
    dek: "x",
    body: "Unauthorized body",
    tags: "Unauthorized",
    authorId: "1",
    name: "Unauthorized",
    description: "Unauthorized",
    email: "intruder@example.com",
    role: "admin",
    active: "false",
    password: "intruder-password-123",
    newPassword: "intruder-password-123",
    confirmPassword: "intruder-password-123",
    currentPassword: "admin-demo-password",
    siteName: "Unauthorized",
    siteUrl: "https://evil.example",
    adsTxt: "evil.example, 1, DIRECT",
    key: "UNAUTHORIZED",
    placement: "front-top",
    width: "300",
    height: "250",
    creativeType: "html",
    html: "<script>alert(1)</script>",
    timeZone: "UTC",
  };
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return form;
}

export type ActionCall = {
  /** Extra headers (e.g. a forged Origin). */
  headers?: Record<string, string>;
  /** Arguments; defaults to (previous state, damaging form) as form actions receive them. */
  args?: unknown[];
};

/** Posts a server action the way Next's client does: to a page, with the Next-Action header. */
export async function callServerAction(request: APIRequestContext, action: ServerAction, call: ActionCall = {}): Promise<APIResponse> {
  const body = await encodeReply(call.args ?? [{}, damagingForm()]);
  const headers = { "Next-Action": action.id, Accept: "text/x-component", ...call.headers };
  if (typeof body === "string") {
    return request.post(action.url, { headers: { ...headers, "Content-Type": "text/plain;charset=UTF-8" }, data: body, maxRedirects: 0 });
  }
  return request.post(action.url, { headers, multipart: body, maxRedirects: 0 });
}
