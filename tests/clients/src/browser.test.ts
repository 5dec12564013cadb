// What a developer does in a browser: Swagger UI (authorize with the dev key, try GET /articles/{id}, read
// the Arabic response right to left) and the GraphQL IDE (run a query, see the result). Debian's Chromium
// driven by playwright-core; no browser download. Screenshots go to test-results/.
// NEWSMETA_URL (default http://127.0.0.1:5181), CHROMIUM_PATH (default /usr/bin/chromium).
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

const baseUrl = (process.env.NEWSMETA_URL ?? 'http://127.0.0.1:5181').replace(/\/$/, '');
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const results = join(dirname(fileURLToPath(import.meta.url)), '..', 'test-results');
mkdirSync(results, { recursive: true });

let browser: Browser;

before(async () => {
  // --no-sandbox: CI runs as root, where Chromium's sandbox cannot start.
  browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
});

after(async () => {
  await browser?.close();
});

/** A page that records script errors and CSP refusals, which must stay empty. */
async function openPage(): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, locale: 'ar' });
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()} (${message.location().url})`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.status()} for ${response.request().method()} ${response.url()}`);
  });
  return { page, problems };
}

interface GlyphLayout {
  text: string;
  unicodeBidi: string;
  openingQuoteX: number;
  closingQuoteX: number;
  firstLetterX: number;
  lastLetterX: number;
}

test('Swagger UI: authorize, try GET /articles/{id}, Arabic values read right to left', async () => {
  const { page, problems } = await openPage();
  await page.goto(`${baseUrl}/swagger`);
  await page.locator('.swagger-ui .info .title', { hasText: 'NewsMeta API' }).waitFor();

  // Authorize with the development key.
  await page.locator('.auth-wrapper .btn.authorize').click();
  await page.locator('#api_key_value').fill('dev-write-key');
  await page.getByRole('button', { name: 'Apply credentials' }).click();
  await page.locator('.auth-container').getByRole('button', { name: 'Remove authorization' }).waitFor(); // "Logout"
  await page.locator('.modal-ux').getByRole('button', { name: 'Close' }).click();
  assert.equal(await page.locator('.auth-wrapper .btn.authorize.locked').count(), 1, 'the Authorize button shows the lock');

  // Expand GET /api/v1/articles/{id}, try it out with id 1, execute.
  const operation = page.locator('.opblock.opblock-get').filter({
    has: page.locator('.opblock-summary-path', { hasText: /^\/api\/v1\/articles\/\{id\}$/ }),
  });
  assert.equal(await operation.count(), 1);
  await operation.locator('.opblock-summary').click();
  const tryItOut = operation.getByRole('button', { name: 'Try it out' });
  if (await tryItOut.count() > 0) await tryItOut.click(); // the app turns try-it-out on by default
  await operation.locator('tr[data-param-name="id"] input').fill('1');
  const sent = page.waitForRequest((r) => r.url() === `${baseUrl}/api/v1/articles/1`);
  await operation.getByRole('button', { name: 'Execute' }).click();
  const request = await sent;
  assert.equal(request.headers()['x-api-key'], 'dev-write-key', 'Swagger UI sends the authorized key');

  const response = operation.locator('.live-responses-table tr.response').first();
  await response.waitFor();
  assert.equal((await response.locator('.response-col_status').textContent())?.trim(), '200');
  const body = response.locator('.highlight-code code');
  const json = JSON.parse((await body.textContent()) ?? '') as { id: number; title: string; language: string };
  assert.equal(json.id, 1);
  assert.equal(json.language, 'ar');
  assert.match(json.title, /[\u0600-\u06FF]/, 'an Arabic title');

  // Where the glyphs of a value token landed: its first and last character (the quotes), and its first and
  // last letter. Laid out right to left, the opening quote and the first letter are right of the closing ones.
  const layout = (text: string) => body.evaluate((code, wanted): GlyphLayout => {
    const token = [...code.querySelectorAll('span')].find((s) => s.textContent === `"${wanted}"`);
    if (!token?.firstChild) throw new Error(`no token "${wanted}" in the response body`);
    const node = token.firstChild;
    const x = (offset: number) => {
      const range = document.createRange();
      range.setStart(node, offset);
      range.setEnd(node, offset + 1);
      const rect = range.getBoundingClientRect();
      return rect.left + rect.width / 2;
    };
    const length = node.textContent!.length;
    return {
      text: node.textContent!, unicodeBidi: getComputedStyle(token).unicodeBidi,
      openingQuoteX: x(0), closingQuoteX: x(length - 1), firstLetterX: x(1), lastLetterX: x(length - 2),
    };
  }, text);

  const arabic = await layout(json.title);
  assert.equal(arabic.unicodeBidi, 'plaintext', 'the app stylesheet reached the value token');
  assert.ok(arabic.firstLetterX > arabic.lastLetterX, `Arabic letters run right to left: ${JSON.stringify(arabic)}`);
  assert.ok(arabic.openingQuoteX > arabic.closingQuoteX, `the Arabic string starts at the right: ${JSON.stringify(arabic)}`);

  const latin = await layout(json.language);
  assert.ok(latin.openingQuoteX < latin.closingQuoteX, `a Latin string still starts at the left: ${JSON.stringify(latin)}`);

  await operation.screenshot({ path: join(results, 'swagger-get-article.png') });
  assert.deepEqual(problems, []);
  await page.close();
});

test('GraphQL IDE: run a query and see its result', async () => {
  const { page, problems } = await openPage();
  await page.goto(`${baseUrl}/graphql/ui`);
  await page.locator('#docs[data-state="ready"]').waitFor({ timeout: 15_000 }); // the schema loaded (introspection)

  const query = 'query Check { article(databaseId: 2) { databaseId title source { name } } }';
  await page.locator('#query').fill(query);
  await page.locator('#variables').fill('');
  await page.locator('#run').click();
  const result = page.locator('#result');
  await page.locator('#result[data-status="200"]').waitFor({ timeout: 15_000 });

  const shown = JSON.parse((await result.textContent()) ?? '') as { data?: { article?: { databaseId: number; title: string } }; errors?: unknown };
  assert.equal(shown.errors, undefined);
  assert.equal(shown.data?.article?.databaseId, 2);
  assert.match(shown.data?.article?.title ?? '', /\S/);

  // The IDE shows the same article the REST API has.
  const rest = (await (await fetch(`${baseUrl}/api/v1/articles/2`)).json()) as { title: string };
  assert.equal(shown.data?.article?.title, rest.title);

  await page.screenshot({ path: join(results, 'graphql-ide.png') });
  assert.deepEqual(problems, []);
  await page.close();
});
