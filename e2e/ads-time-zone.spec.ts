import { expect, test, type Page } from "@playwright/test";
import { ADMIN, EDITOR, signIn } from "./auth-helpers";
import { openTestDatabase } from "./support/db";

/**
 * An editor in New York schedules an ad slot: the window is typed and read in New York time and
 * stored as the UTC instants it means. The window lies years ahead, so no reader page shows it.
 * The audit log reads in the same zone.
 */
const ZONE = "America/New_York";
test.use({ timezoneId: ZONE });

const key = `E2E_ZONE_${Date.now().toString(36).toUpperCase()}`;

function storedWindow(slotKey: string) {
  const db = openTestDatabase();
  try {
    const row = db.prepare("select starts_at as startsAt, ends_at as endsAt from ad_slots where key = ?").get(slotKey) as
      | { startsAt: number | null; endsAt: number | null }
      | undefined;
    if (!row) return undefined;
    const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
    return { startsAt: iso(row.startsAt), endsAt: iso(row.endsAt) };
  } finally {
    db.close();
  }
}

function slotRow(page: Page) {
  return page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: key, exact: true }) });
}

test("an editor's window is read in their zone, stored in UTC and shown back the same", async ({ page, context }) => {
  await signIn(page, EDITOR, "/admin/ad-slots");

  await page.goto("/admin/ad-slots/new");
  await page.getByLabel("Key").fill(key);
  await page.getByLabel("Name").fill("New York window");
  await page.getByLabel("Placement").selectOption({ label: "Sidebar" });
  await page.getByLabel("Width (px)").fill("300");
  await page.getByLabel("Height (px)").fill("250");
  await page.getByLabel("Image URL").fill("https://cdn.example.com/zone.png");
  await page.getByLabel("Click-through URL").fill("https://advertiser.example/zone");
  await page.getByLabel("Alt text").fill("Zone test");
  const starts = page.getByLabel("Starts");
  const ends = page.getByLabel("Ends");
  await expect(starts).toHaveAccessibleDescription(/Times in America\/New_York/);
  await expect(ends).toHaveAccessibleDescription(/Times in America\/New_York/);

  // 2030-03-10 02:30 never happens in New York: the clocks go from 02:00 to 03:00.
  await starts.fill("2030-03-10T02:30");
  await ends.fill("2030-03-10T02:00");
  await page.getByRole("button", { name: "Create ad slot" }).click();
  await expect(starts).toHaveAccessibleDescription(/02:30 on 2030-03-10 does not exist in America\/New_York.*Choose 03:30/);
  await expect(ends).toHaveAccessibleDescription(/02:00 on 2030-03-10 does not exist in America\/New_York/);
  await expect(starts).toHaveValue("2030-03-10T02:30");
  expect(storedWindow(key)).toBeUndefined();

  // The end must still come after the start.
  await starts.fill("2030-07-11T09:00");
  await ends.fill("2030-07-11T08:00");
  await page.getByRole("button", { name: "Create ad slot" }).click();
  await expect(ends).toHaveAccessibleDescription(/The end must be after the start\./);
  expect(storedWindow(key)).toBeUndefined();

  // Summer (EDT, UTC−4) to winter (EST, UTC−5).
  await ends.fill("2030-12-01T17:30");
  await page.getByRole("button", { name: "Create ad slot" }).click();
  await expect(page).toHaveURL(/\/admin\/ad-slots\?saved=/);
  expect(storedWindow(key)).toEqual({ startsAt: "2030-07-11T13:00:00.000Z", endsAt: "2030-12-01T22:30:00.000Z" });

  // The list shows the window in New York time and says so.
  await expect(page.getByRole("table")).toContainText("Schedules are in America/New_York.");
  const schedule = slotRow(page).locator("time");
  await expect(schedule).toHaveText(["11 Jul 2030, 09:00 GMT-4", "1 Dec 2030, 17:30 GMT-5"]);
  await expect(schedule.first()).toHaveAttribute("datetime", "2030-07-11T13:00:00.000Z");

  // Editing shows the same wall times back, and saving unchanged stores the same instants.
  await page.getByRole("link", { name: `Edit ${key}` }).click();
  await expect(page.getByLabel("Starts")).toHaveValue("2030-07-11T09:00");
  await expect(page.getByLabel("Ends")).toHaveValue("2030-12-01T17:30");
  const editUrl = page.url();
  await page.getByRole("button", { name: "Save ad slot" }).click();
  await expect(page).toHaveURL(/\/admin\/ad-slots\?saved=/);
  expect(storedWindow(key)).toEqual({ startsAt: "2030-07-11T13:00:00.000Z", endsAt: "2030-12-01T22:30:00.000Z" });

  // Without the zone cookie the server renders UTC; the form still shows and sends New York time.
  await context.clearCookies({ name: "tz" });
  await page.goto(editUrl);
  await expect(page.getByLabel("Starts")).toHaveValue("2030-07-11T09:00");
  await expect(page.getByLabel("Starts")).toHaveAccessibleDescription(/Times in America\/New_York/);
  await page.getByLabel("Starts").fill("2030-07-11T10:15");
  await page.getByRole("button", { name: "Save ad slot" }).click();
  await expect(page).toHaveURL(/\/admin\/ad-slots\?saved=/);
  expect(storedWindow(key)).toEqual({ startsAt: "2030-07-11T14:15:00.000Z", endsAt: "2030-12-01T22:30:00.000Z" });
});

test("the audit log reads in the admin's zone, to the second", async ({ page }) => {
  await signIn(page, ADMIN, "/admin/audit");
  await page.goto("/admin/audit");
  await expect(page.getByText(/Times in America\/New_York\./)).toBeVisible();
  const first = page.getByRole("table").locator("tbody time").first();
  const instant = await first.getAttribute("datetime");
  expect(instant).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  const inNewYork = new Intl.DateTimeFormat("en-GB", {
    timeZone: ZONE,
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    timeZoneName: "short",
  }).format(new Date(instant!));
  await expect(first).toHaveText(inNewYork);
  expect(inNewYork).toMatch(/\d\d:\d\d:\d\d GMT-[45]$/);
});
