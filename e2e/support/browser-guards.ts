import { expect, type Page } from "@playwright/test";

/**
 * Watches a page for what must never happen on this site: a Content-Security-Policy violation,
 * a console error, an uncaught exception, or a dialog (alert/confirm/prompt, the classic proof
 * of injected script). Install before the first navigation.
 */
export type Guard = {
  violations: string[];
  consoleErrors: string[];
  pageErrors: string[];
  dialogs: string[];
  /** Fails the test with everything seen, if anything was. */
  assertClean: (context?: string) => void;
};

declare global {
  interface Window {
    __cspViolations?: string[];
    __pwned?: unknown;
  }
}

export async function guardPage(page: Page, { allowConsole = [] as RegExp[] } = {}): Promise<Guard> {
  const guard: Guard = {
    violations: [],
    consoleErrors: [],
    pageErrors: [],
    dialogs: [],
    assertClean(context = page.url()) {
      expect(
        { violations: guard.violations, consoleErrors: guard.consoleErrors, pageErrors: guard.pageErrors, dialogs: guard.dialogs },
        context,
      ).toEqual({ violations: [], consoleErrors: [], pageErrors: [], dialogs: [] });
    },
  };
  // Injected by the browser itself (not a page script), so the page's CSP does not apply to it.
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) => {
      window.__cspViolations!.push(`${e.effectiveDirective} blocked ${e.blockedURI || "inline"} at ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  page.on("console", (msg) => {
    if (msg.type() !== "error") return;
    const text = msg.text();
    if (allowConsole.some((re) => re.test(text))) return;
    guard.consoleErrors.push(text);
  });
  page.on("pageerror", (error) => guard.pageErrors.push(String(error)));
  page.on("dialog", (dialog) => {
    guard.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return guard;
}

/** Copies the violations the page saw into the guard (call after the page has settled). */
export async function collectViolations(page: Page, guard: Guard): Promise<void> {
  const seen = await page.evaluate(() => window.__cspViolations ?? []).catch(() => [] as string[]);
  for (const v of seen) if (!guard.violations.includes(v)) guard.violations.push(v);
}

/** Waits until Next's client runtime has started: proof that the page's own scripts were allowed. */
export async function waitForHydration(page: Page): Promise<void> {
  await page.waitForFunction(() => Boolean((window as unknown as { next?: { version?: string } }).next?.version));
}

export const ACCOUNTS = {
  admin: { email: "admin@example.com", password: "admin-demo-password" },
  editor: { email: "editor@example.com", password: "editor-demo-password" },
} as const;

export async function signIn(page: Page, who: keyof typeof ACCOUNTS, callbackPath = "/admin"): Promise<void> {
  await page.goto(`/login?callbackUrl=${encodeURIComponent(callbackPath)}`);
  await page.getByLabel("Email").fill(ACCOUNTS[who].email);
  await page.getByLabel("Password").fill(ACCOUNTS[who].password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => `${url.pathname}${url.search}` === callbackPath);
}
