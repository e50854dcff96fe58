// tests/web/run.mjs: knead's pages in a real browser.
//
// Debian's chromium (/usr/bin/chromium, never a downloaded browser),
// headless, driven by playwright-core (pinned in package-lock.json),
// against `knead serve` on a scratch database per scenario, as a runner
// would use them: log a treadmill run through the form and find it on the
// calendar; tap the right hamstring on the body map and log pain 4;
// upload a FIT file and open its activity page with its charts and route;
// book a suggested massage and find it on the calendar. Each scenario
// saves a screenshot of where it ends. Output is TAP, for meson.
//
//   node tests/web/run.mjs KNEAD_BINARY SCREENSHOT_DIR FIT_FILE
//
// The clock is fixed ($KNEAD_NOW) so that the demo season and the
// calendar are the same on every run.
import { spawn } from "node:child_process";
import { mkdtempSync, mkdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";

const [knead, shots, fitFile] = process.argv.slice(2);
if (!knead || !shots || !fitFile) {
  console.error("usage: run.mjs KNEAD_BINARY SCREENSHOT_DIR FIT_FILE");
  process.exit(2);
}
const NOW = "2026-11-24T12:00";
const env = { ...process.env, KNEAD_NOW: NOW, TZ: "UTC", NO_COLOR: "1" };
mkdirSync(shots, { recursive: true });

// A port nobody listens on now.
function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

function run(args) {
  return new Promise((resolve, reject) => {
    const p = spawn(knead, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    let err = "";
    p.stderr.on("data", (d) => (err += d));
    p.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`knead ${args.join(" ")}: exit ${code}: ${err}`)),
    );
  });
}

// `knead serve` on a scratch database (the demo season when demo), until
// stop() is called. Resolves once it answers.
async function serve(demo) {
  const dir = mkdtempSync(join(tmpdir(), "knead-browser-"));
  const db = join(dir, "knead.db");
  if (demo) {
    await run(["--db", db, "demo"]);
  }
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const proc = spawn(knead, ["--db", db, "serve", "--listen", `127.0.0.1:${port}`], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  proc.stdout.on("data", (d) => (log += d));
  proc.stderr.on("data", (d) => (log += d));
  const exited = new Promise((resolve) => proc.on("exit", resolve));
  for (let i = 0; ; i++) {
    try {
      const r = await fetch(`${base}/assets/knead.css`);
      if (r.ok) break;
    } catch {
      // not listening yet
    }
    if (proc.exitCode !== null || i > 100) {
      throw new Error(`knead serve did not start: ${log}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    base,
    async stop() {
      proc.kill("SIGTERM");
      const code = await exited;
      rmSync(dir, { recursive: true, force: true });
      if (code !== 0) {
        throw new Error(`knead serve exited ${code}: ${log}`);
      }
    },
  };
}

function check(cond, what) {
  if (!cond) {
    throw new Error(what);
  }
}

const scenarios = [
  {
    name: "log a treadmill run through the form and find it on the calendar",
    demo: false,
    async run(page, base) {
      await page.goto(`${base}/log`);
      const form = page.locator("#log-activity");
      await form.locator('[name="sport"]').selectOption("run");
      await form.locator('[name="distance"]').fill("8k");
      await form.locator('[name="duration"]').fill("44:00");
      await form.locator('[name="treadmill"]').check();
      await form.locator('[name="note"]').fill("hill program, <b>level 5</b>");
      // a double tap, as on a phone, logs it once
      await Promise.all([
        page.waitForURL(/\/calendar/),
        form.getByRole("button", { name: "Log activity" }).dblclick(),
      ]);
      await page.goto(`${base}/calendar?month=2026-11`);
      const day = page.locator("#day-2026-11-24");
      const entry = day.locator(".entry.activity");
      await entry.first().waitFor();
      const n = await entry.count();
      check(n === 1, `the day has ${n} activities, not the one logged`);
      const text = await entry.first().innerText();
      check(/treadmill/i.test(text), `the calendar entry does not say treadmill: ${text}`);
      check(/8(\.0+)?\s*km/.test(text), `the calendar entry does not show 8 km: ${text}`);
      return "log-treadmill-run";
    },
  },
  {
    name: "tap the right hamstring on the body map and log pain 4",
    demo: false,
    async run(page, base) {
      await page.goto(`${base}/body`);
      await Promise.all([
        page.waitForURL(/\/body\/region/),
        page.locator("#region-hamstrings-right").click(),
      ]);
      const form = page.locator("#checkin-form");
      await form.locator('[name="level"]').fill("4");
      await form.locator('[name="measure"]').selectOption("pain");
      await form.locator('[name="note"]').fill("sharp on the downhill");
      await Promise.all([
        page.waitForURL(/\/body\/region/),
        form.getByRole("button", { name: "Check in" }).click(),
      ]);
      // the history's row of today: pain 4, with the note
      const heads = await page.locator("table th").allInnerTexts();
      const pain = heads.findIndex((h) => /pain/i.test(h));
      check(pain >= 0, `the history has no pain column: ${heads.join(", ")}`);
      const row = page.locator("tr", { hasText: "sharp on the downhill" });
      check((await row.count()) === 1, "the note is not in the region's history");
      const cells = await row.locator("td, th").allInnerTexts();
      check(cells[pain].trim() === "4", `the history shows pain ${cells[pain]}, not 4`);
      // and the map now shades it
      await page.goto(`${base}/body`);
      const shaded = await page.locator("#region-hamstrings-right").innerHTML();
      check(/4/.test(shaded), "the map's right hamstring does not carry its level");
      return "body-map-pain";
    },
  },
  {
    name: "upload a FIT file and open its activity page with a chart and the route",
    demo: false,
    async run(page, base) {
      await page.goto(`${base}/import`);
      const form = page.locator("#import-form");
      await form.locator('input[type="file"]').setInputFiles(fitFile);
      await Promise.all([
        page.waitForLoadState("load"),
        form.locator('button, input[type="submit"]').first().click(),
      ]);
      const link = page.locator("#import-results a.activity-link").first();
      await link.waitFor();
      await Promise.all([page.waitForURL(/\/activity\?id=\d+/), link.click()]);
      check((await page.locator("svg.chart").count()) >= 1, "no chart on the activity page");
      const points = await page.locator("#route polyline").first().getAttribute("points");
      check(points && points.trim().split(/\s+/).length > 10, "the route has no line");
      return "import-fit-activity";
    },
  },
  {
    name: "book a suggested massage and see it on the calendar",
    demo: true,
    async run(page, base) {
      await page.goto(`${base}/recovery`);
      const form = page.locator("#massage-suggestions form.book").first();
      await form.waitFor();
      const date = await form.locator('[name="day"]').inputValue();
      check(/^\d{4}-\d{2}-\d{2}$/.test(date), `the suggestion has no date: ${date}`);
      await Promise.all([
        page.waitForURL(/\/recovery/),
        form.getByRole("button", { name: "Book" }).click(),
      ]);
      await page.goto(`${base}/calendar?month=${date.slice(0, 7)}`);
      const entry = page.locator(`#day-${date} .entry.appointment`);
      await entry.first().waitFor();
      const text = await entry.first().innerText();
      check(/massage/i.test(text), `the booked day does not show the massage: ${text}`);
      return "book-massage";
    },
  },
];

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  headless: true,
  // CI runs as root in a container: chromium's sandbox needs user namespaces.
  args: ["--no-sandbox"],
});
console.log(`1..${scenarios.length}`);
let failed = 0;
for (const [i, s] of scenarios.entries()) {
  let server;
  const context = await browser.newContext({ viewport: { width: 412, height: 915 } });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.setDefaultTimeout(10000);
  try {
    server = await serve(s.demo);
    const shot = await s.run(page, server.base);
    await page.screenshot({ path: join(shots, `${shot}.png`), fullPage: true });
    check(errors.length === 0, `the page reported errors: ${errors.join("; ")}`);
    console.log(`ok ${i + 1} - ${s.name} (${shot}.png)`);
  } catch (e) {
    failed++;
    await page.screenshot({ path: join(shots, `failed-${i + 1}.png`), fullPage: true }).catch(() => {});
    console.log(`not ok ${i + 1} - ${s.name}`);
    for (const line of String(e.stack || e).split("\n")) {
      console.log(`# ${line}`);
    }
  } finally {
    await context.close();
    if (server) {
      await server.stop().catch((e) => {
        failed++;
        console.log(`# ${e.message}`);
      });
    }
  }
}
await browser.close();
process.exit(failed ? 1 : 0);
