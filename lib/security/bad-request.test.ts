import { describe, expect, it } from "vitest";
import { hasMalformedActionBody, hasMalformedPath } from "./bad-request";

describe("hasMalformedPath", () => {
  it.each(["/tags/%", "/page/%zz", "/articles/%ff%fe", "/articles/%c0%af", "/a/%E6%97"])("%s is malformed", (p) =>
    expect(hasMalformedPath(p)).toBe(true),
  );
  it.each(["/", "/tags/russia", "/tags/%E6%97%A5", "/articles/a%2Fb", "/search"])("%s is fine", (p) => expect(hasMalformedPath(p)).toBe(false));
});

describe("hasMalformedActionBody", () => {
  const post = (body: BodyInit, headers: Record<string, string>) => new Request("http://x/", { method: "POST", body, headers });

  it("refuses a multipart body that does not parse", async () => {
    expect(await hasMalformedActionBody(post("--x\r\nbroken", { "content-type": "multipart/form-data; boundary=y" }))).toBe(true);
  });

  it("refuses server-action arguments that are not JSON", async () => {
    expect(await hasMalformedActionBody(post("not json", { "content-type": "text/plain;charset=UTF-8", "next-action": "ab" }))).toBe(true);
  });

  it("accepts a real form post and real action arguments, and leaves the body readable", async () => {
    const form = new FormData();
    form.set("title", "Hello");
    form.set("file", new Blob([new Uint8Array([1, 2, 3])]), "a.bin");
    const request = new Request("http://x/", { method: "POST", body: form });
    expect(await hasMalformedActionBody(request)).toBe(false);
    expect((await request.formData()).get("title")).toBe("Hello");
    expect(await hasMalformedActionBody(post('[{},"$K1"]', { "content-type": "text/plain;charset=UTF-8", "next-action": "ab" }))).toBe(false);
    expect(await hasMalformedActionBody(post("{", { "content-type": "application/json" }))).toBe(false);
  });
});
