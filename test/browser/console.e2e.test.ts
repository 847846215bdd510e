// Issue 13 (operator console), in real headless Chromium: a story goes through the HTTP ingress,
// the order lifecycle and commission-reversals; an operator resolves an orphaned refund from the
// cases page and sees the commission reversed on the affiliate page; a viewer cannot resolve.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTokens, startAdmin, type RunningAdmin } from '@clawback/admin';
import { createLogger } from '@clawback/logging';
import { kartraOutboundJson } from '@clawback/providers/testing';
import { chromium, type Browser, type Page } from 'playwright-core';
import { type Pipeline, startPipeline } from '../support/pipeline';

const MERCHANT = 'console-shop';
const URL_TOKEN = 'console-kartra-url-token';
const OPERATOR = 'alice-operator-token-0001';
const VIEWER = 'bob-viewer-token-000000001';
const SHOTS = join(__dirname, '..', '..', 'test-results', 'console');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const route = { provider: 'kartra', merchantId: MERCHANT, query: `?token=${URL_TOKEN}` } as const;

/** A Kartra wall-clock date (US Eastern, as Kartra writes it) `hoursAgo` before now. */
const kartraDate = (hoursAgo: number) =>
  new Date(Date.now() - hoursAgo * 3_600_000 - 5 * 3_600_000)
    .toISOString()
    .slice(0, 19)
    .replace('T', ' ');

/**
 * Every visible form control has a label; headings start at h1 and never skip a level. Runs in
 * the page, so it is a script text (the test's TypeScript has no DOM types).
 */
const ACCESSIBILITY_CHECK = `(() => {
  const problems = [];
  for (const control of document.querySelectorAll('input, select, textarea')) {
    if (control.type === 'hidden') continue;
    if (control.labels.length === 0 && !control.getAttribute('aria-label'))
      problems.push('unlabelled ' + control.tagName + ' ' + control.name);
  }
  let previous = 0;
  for (const h of document.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
    const level = Number(h.tagName.slice(1));
    if (level > previous + 1) problems.push('h' + level + ' after h' + previous + ': ' + h.textContent);
    previous = level;
  }
  return problems;
})()`;

/** The text of `selector` with runs of white space as one space. */
const textOf = async (page: Page, selector: string): Promise<string> =>
  ((await page.textContent(selector)) ?? '').replace(/\s+/g, ' ');

const accessibilityProblems = (page: Page): Promise<string[]> =>
  page.evaluate<string[]>(ACCESSIBILITY_CHECK);

describe('the operator console in headless Chromium', () => {
  let pipeline: Pipeline;
  let admin: RunningAdmin;
  let browser: Browser;
  const weights: Record<string, number> = {};

  beforeAll(async () => {
    pipeline = await startPipeline({
      merchants: {
        [MERCHANT]: {
          kartra: { secretKey: 'console-kartra-secret', urlToken: URL_TOKEN },
          commission: { defaultRate: '0.35' },
        },
      },
      downstream: ['commission-reversals'],
      // One partition and a one-minute horizon: the later sale makes the parentless refund overdue.
      partitions: 1,
      env: { LIFECYCLE_ORPHAN_HORIZON_MS: '60000' },
    });
    const { context } = pipeline;
    admin = await startAdmin({
      config: context.config,
      settings: {
        host: '127.0.0.1',
        port: 0,
        tokens: parseTokens(`operator:alice:${OPERATOR},viewer:bob:${VIEWER}`),
        topics: context.topics,
        groupIdPrefix: context.groupId('admin'),
        transactionalIdPrefix: context.transactionalIdPrefix,
        commissionsUrl: pipeline.readApiUrl!,
        consoleServices: [{ name: 'commission-reversals', url: pipeline.readApiUrl! }],
        writeTimeoutMs: 30_000,
      },
      logger: createLogger({
        service: 'admin',
        level: process.env.E2E_LOG_LEVEL === 'error' ? 'error' : 'silent',
      }),
    });
    await admin.whenCaughtUp;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    mkdirSync(SHOTS, { recursive: true });
  });

  afterAll(async () => {
    writeFileSync(join(SHOTS, 'page-weights.json'), `${JSON.stringify(weights, null, 2)}\n`);
    await browser?.close();
    await admin?.close();
    await pipeline?.stop();
  });

  async function logIn(token: string): Promise<Page> {
    const page = await browser.newPage();
    await page.goto(`${admin.url}/console/login`);
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.fill('#token', token);
    await page.click('button:has-text("Log in")');
    await page.waitForURL(/\/console\/cases/);
    return page;
  }

  /** Opens `path`, checks accessibility basics, records its weight and a screenshot. */
  async function open(page: Page, path: string, name: string): Promise<void> {
    const response = await page.goto(`${admin.url}${path}`);
    expect(response?.status()).toBe(200);
    weights[name] = (await response!.body()).length;
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  }

  /** Reloads `path` until `text` shows (the projection follows the log). */
  async function until(page: Page, path: string, text: string | RegExp): Promise<void> {
    const deadline = Date.now() + 90_000;
    for (;;) {
      const response = await page.goto(`${admin.url}${path}`);
      if ((await page.locator('main').count()) === 0)
        throw new Error(`${path} answered ${response?.status()}: ${await page.content()}`);
      const body = await textOf(page, 'main');
      if (typeof text === 'string' ? body?.includes(text) : text.test(body ?? '')) return;
      if (Date.now() > deadline)
        throw new Error(`timed out waiting for ${String(text)} on ${path}`);
      await page.waitForTimeout(300);
    }
  }

  it('shows the timeline, resolves an orphaned refund as an operator and the commission reversed', async () => {
    const posts = [
      kartraOutboundJson({
        action: 'buy_product',
        transactionId: 'S-1',
        amount: '47.00',
        date: kartraDate(3),
        affiliate: 'aff-maria',
      }),
      kartraOutboundJson({
        action: 'refund_product',
        transactionId: 'R-9',
        amount: '47.00',
        date: kartraDate(2),
      }),
      kartraOutboundJson({
        action: 'buy_product',
        transactionId: 'S-2',
        amount: '10.00',
        date: kartraDate(1),
      }),
    ];
    for (const body of posts) expect((await pipeline.post(route, body)).status).toBe(200);
    const sale = `kartra:${MERCHANT}:S-1`;

    const page = await logIn(OPERATOR);
    await until(page, `/console/orders?key=${sale}`, 'CommissionEarned');
    await open(page, `/console/orders?key=${sale}`, 'order');
    expect(await textOf(page, 'ol.timeline')).toContain('OrderPaid 47.00 USD');
    expect(await page.getAttribute('svg[role=img]', 'aria-label')).toBe(
      'Paid 47.00 USD, refunded 0.00 USD',
    );

    await until(page, '/console/cases', `kartra:${MERCHANT}:R-9`);
    await open(page, '/console/cases', 'cases');
    await page.click(`a:has-text("case-")`);
    await page.waitForURL(/\/console\/cases\/case-/);
    await page.screenshot({ path: join(SHOTS, 'case.png'), fullPage: true });
    expect(await accessibilityProblems(page)).toEqual([]);
    const caseUrl = page.url();
    await page.fill('#attach-order', sale);
    await page.fill('#attach-reason', 'refund of S-1 sent without its parent id');
    await page.click('button:has-text("Review attach")');
    // 47.00 × 0.35 = 16.45 earned; the full refund reverses all of it.
    expect(await textOf(page, '#money-effect')).toContain(
      'reverses 16.45 USD commission for aff-maria',
    );
    await page.screenshot({ path: join(SHOTS, 'confirm.png'), fullPage: true });
    await page.click('button:has-text("Confirm attach")');
    await page.waitForURL(/written=op-/);
    await until(page, new URL(caseUrl).pathname, /Status\s*resolved/);

    await until(
      page,
      `/console/affiliates?merchant=${MERCHANT}&affiliate=aff-maria`,
      'CommissionReversed',
    );
    await open(page, `/console/affiliates?merchant=${MERCHANT}&affiliate=aff-maria`, 'affiliate');
    expect(await textOf(page, 'main table')).toContain('0.00 USD');
    expect(await textOf(page, 'main')).toContain('-16.45 USD');

    await open(page, '/console/dead-letters', 'dead-letters');
    await open(page, '/console/health', 'health');
    expect(await textOf(page, 'main')).toMatch(/commission-reversals\s*ready/);
    const css = await fetch(`${admin.url}/console/console.css`);
    weights['console.css'] = (await css.text()).length;

    // A forged POST from the operator's own session but without the CSRF token: refused.
    // (The console's CSP forbids its pages any fetch, so the forgery comes from the browser
    // context's request API, which carries the session cookie as a cross-site form would.)
    const forged = await page.request.post(`${caseUrl}/resolve`, {
      form: { resolution: 'dismiss', reason: 'forged' },
      headers: { origin: admin.url },
      maxRedirects: 0,
    });
    expect(forged.status()).toBe(403);
    const otherOrigin = await page.request.post(`${caseUrl}/resolve`, {
      form: { resolution: 'dismiss', reason: 'forged' },
      headers: { origin: 'http://evil.invalid' },
      maxRedirects: 0,
    });
    expect(otherOrigin.status()).toBe(403);
    await page.close();
  });

  it('shows a viewer no resolve button and refuses a forged POST with 403', async () => {
    const page = await logIn(VIEWER);
    await until(page, '/console/cases?status=resolved', 'case-');
    await page.click('a:has-text("case-")');
    await page.waitForURL(/\/console\/cases\/case-/);
    expect(await page.locator('button:has-text("Review")').count()).toBe(0);
    expect(await textOf(page, 'main')).toContain('Viewers cannot resolve cases.');
    await page.screenshot({ path: join(SHOTS, 'case-viewer.png'), fullPage: true });
    const viewerCase = page.url();
    const forged = await page.request.post(`${viewerCase}/resolve`, {
      form: { resolution: 'dismiss', reason: 'forged', csrf: 'guessed' },
      headers: { origin: admin.url },
      maxRedirects: 0,
    });
    expect(forged.status()).toBe(403);
    await page.close();
  });
});
