// Opens one notebook in the classic Jupyter Notebook UI in headless Chromium, runs all its cells
// through the menu (Cell > Run All), waits for the kernel to go idle and checks the page: at
// least one plot image (<img> with image/png data), at least one HTML <table> in the outputs,
// no error output and no stderr output. Saves a full-page screenshot.
//   node run-notebook.mjs BASE_URL TOKEN NOTEBOOK SCREENSHOT REPORT_JSON USER_DATA_DIR
// When the kernel does not start or answer (the rapaio kernel-start flake), it shuts that
// session down, reopens the notebook (a new kernel on new ports) and runs all cells again, up
// to BROWSER_KERNEL_START_RETRIES (2) times; each retry is printed as RETRY and reported.
import { chromium } from 'playwright-core';
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

const [base, token, notebook, screenshot, reportPath, userDataDir] = process.argv.slice(2);
const START_TIMEOUT = Number(process.env.BROWSER_KERNEL_START_TIMEOUT || 90) * 1000;
const RETRIES = Number(process.env.BROWSER_KERNEL_START_RETRIES || 2);
const RUN_TIMEOUT = Number(process.env.BROWSER_RUN_TIMEOUT || 300) * 1000;
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];
const began = Date.now();
const report = { notebook, passed: false, retries: 0, images: 0, tables: 0, errors: 0, stderr: 0,
  cells: 0, seconds: 0, screenshot, messages: [] };
const log = (m) => { console.log(`[browser-test] ${m}`); report.messages.push(m); };

// The kernel answered kernel_info over its websocket: it is started and connected.
async function kernelReady(page, timeout) {
  await page.waitForFunction(() => window.Jupyter && Jupyter.notebook && Jupyter.notebook.kernel &&
    Jupyter.notebook.kernel.is_connected() && Jupyter.notebook.kernel.info_reply &&
    Object.keys(Jupyter.notebook.kernel.info_reply).length > 0, null, { timeout, polling: 250 });
}

async function openNotebook(page, url) {
  await page.goto(url, { waitUntil: 'load', timeout: 60000 });
  await page.waitForFunction(() => window.Jupyter && Jupyter.notebook && Jupyter.notebook._fully_loaded,
    null, { timeout: 60000 });
  // Never write the run's outputs back into the notebook file.
  await page.evaluate(() => Jupyter.notebook.set_autosave_interval(0));
}

async function firstCellDone(page, timeout) {
  await page.waitForFunction(() => {
    const c = Jupyter.notebook.get_cells().find((x) => x.cell_type === 'code');
    return c && typeof c.input_prompt_number === 'number';
  }, null, { timeout, polling: 500 });
}

let context;
let page;
let url;
try {
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/bin/chromium', headless: true, args: FLAGS,
    viewport: { width: 1280, height: 900 },
  });
  page = context.pages()[0] || await context.newPage();
  page.on('dialog', (d) => d.accept()); // "Restart kernel?" confirmations, leave-page prompts
  url = `${base}/notebooks/${encodeURIComponent(notebook)}?token=${token}`;
  log(`opening ${base}/notebooks/${notebook}`);
  await openNotebook(page, url);
  report.cells = await page.evaluate(() => Jupyter.notebook.get_cells().filter((c) => c.cell_type === 'code').length);

  for (let attempt = 0; ; attempt++) {
    try {
      await kernelReady(page, START_TIMEOUT);
      log(`kernel ready after ${((Date.now() - began) / 1000).toFixed(1)} s; Cell > Run All (${report.cells} code cells)`);
      await page.click('#celllink');
      await page.click('#run_all_cells > a');
      // The first cell (%jars) shows whether the kernel really answers.
      await firstCellDone(page, START_TIMEOUT);
      await page.waitForFunction(() => {
        const cells = Jupyter.notebook.get_cells().filter((c) => c.cell_type === 'code');
        return cells.every((c) => typeof c.input_prompt_number === 'number') &&
          document.querySelector('#kernel_indicator_icon.kernel_idle_icon');
      }, null, { timeout: RUN_TIMEOUT, polling: 500 });
      break;
    } catch (e) {
      if (attempt >= RETRIES || !/Timeout/i.test(String(e))) throw e;
      report.retries++;
      // A restart (Kernel > Restart) reuses the hung kernel's ports; a new session gets new ones.
      log(`RETRY ${attempt + 1} of ${RETRIES}: the kernel did not start or answer ` +
        `(${String(e.message).split('\n')[0]}); shutting its session down and reopening the notebook`);
      await page.evaluate(() => new Promise((resolve) => Jupyter.notebook.session.delete(resolve, resolve)))
        .catch(() => {});
      await openNotebook(page, url);
    }
  }
  await page.waitForTimeout(500); // let the last outputs paint
  const found = await page.evaluate(() => ({
    images: document.querySelectorAll('.output_area .output_png img, .output_area img[src^="data:image/png"]').length,
    tables: document.querySelectorAll('.output_area .output_html table, .output_area table').length,
    errors: document.querySelectorAll('.output_area .output_error, .output_area [data-mime-type="application/vnd.jupyter.stderr"]').length,
    stderr: document.querySelectorAll('.output_area .output_stderr').length,
    errorText: [...document.querySelectorAll('.output_error, .output_stderr')].map((e) => e.innerText.slice(0, 300)),
    dead: !!document.querySelector('#kernel_indicator_icon.kernel_dead_icon, #kernel_indicator_icon.kernel_disconnected_icon'),
  }));
  Object.assign(report, { images: found.images, tables: found.tables, errors: found.errors, stderr: found.stderr });
  const problems = [];
  if (found.images < 1) problems.push('no plot image (image/png <img>) rendered');
  if (found.tables < 1) problems.push('no HTML <table> rendered');
  if (found.errors > 0) problems.push(`${found.errors} error output(s): ${found.errorText.join(' | ')}`);
  if (found.stderr > 0) problems.push(`${found.stderr} stderr output(s): ${found.errorText.join(' | ')}`);
  if (found.dead) problems.push('the kernel is dead or disconnected');
  report.passed = problems.length === 0;
  log(`${found.images} plot image(s), ${found.tables} table(s), ${found.errors} error and ${found.stderr} stderr output(s)`);
  problems.forEach((p) => log(`FAIL ${p}`));
} catch (e) {
  log(`FAIL ${String(e.message || e).split('\n')[0]}`);
} finally {
  if (page) {
    try {
      mkdirSync(dirname(screenshot), { recursive: true });
      // The classic notebook scrolls inside #site, so a "full page" shot is one screen: make the
      // window as tall as the notebook instead (capped), and show it from the top.
      const height = await page.evaluate(() => {
        const c = document.querySelector('#notebook-container');
        const header = document.querySelector('#header');
        return (c ? c.scrollHeight : 900) + (header ? header.offsetHeight : 0) + 80;
      }).catch(() => 900);
      await page.setViewportSize({ width: 1280, height: Math.min(Math.max(height, 900), 12000) });
      await page.evaluate(() => { const s = document.querySelector('#site'); if (s) s.scrollTop = 0; }).catch(() => {});
      await page.waitForTimeout(500);
      await page.screenshot({ path: screenshot, fullPage: true, timeout: 30000 });
      log(`screenshot: ${screenshot}`);
    } catch (e) {
      log(`no screenshot: ${String(e.message || e).split('\n')[0]}`);
      report.screenshot = null;
    }
    await page.evaluate(() => Jupyter.notebook.kernel && Jupyter.notebook.kernel.kill()).catch(() => {});
  }
  if (context) await context.close().catch(() => {});
  report.seconds = (Date.now() - began) / 1000;
  writeFileSync(reportPath, JSON.stringify(report, null, 2) + '\n');
}
process.exit(report.passed ? 0 : 1);
