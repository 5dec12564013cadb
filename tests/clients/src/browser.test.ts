// What a developer does in a browser: Swagger UI (authorize with the dev key, try GET /articles/{id}, read
// the Arabic response right to left) and the GraphQL IDE, GraphiQL (autocomplete a query, send a key, run it,
// read the result). Debian's Chromium driven by playwright-core; no browser download. Screenshots go to test-results/.
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

/** The lines an editor shows, top to bottom (Monaco keeps its line elements in any order and places them by style). */
async function editorText(page: Page, editor: string): Promise<string> {
  return page.locator(`${editor} .view-line`).evaluateAll((lines) =>
    lines
      .map((line) => ({ top: parseFloat((line as HTMLElement).style.top), text: line.textContent ?? '' }))
      .sort((a, b) => a.top - b.top)
      .map((line) => line.text.replace(/\u00a0/g, ' '))
      .join('\n'));
}

/** Types into a Monaco editor as a person does; Monaco closes brackets and quotes itself, and typing the closer steps over it. */
async function typeInto(page: Page, editor: string, text: string): Promise<void> {
  await page.locator(`${editor} .monaco-editor`).first().click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  await page.keyboard.type(text, { delay: 15 });
}

test('GraphQL IDE (GraphiQL): docs load, autocomplete a field, send the API key, run, read the result', async () => {
  const { page, problems } = await openPage();
  await page.goto(`${baseUrl}/graphql/ui`);
  // The doc explorer is open and lists the root types once the schema query (introspection) succeeded.
  const docs = page.locator('.graphiql-doc-explorer');
  await docs.getByText('Root Types').waitFor({ timeout: 60_000 });
  await docs.locator('a', { hasText: 'Query' }).first().waitFor();

  // The API key goes into the headers editor, which the IDE opens with an empty X-Api-Key.
  const headersEditor = 'section.graphiql-editor-tool[aria-label="Headers"] .graphiql-editor:not(.hidden)';
  await page.locator(`${headersEditor} .view-line`, { hasText: 'X-Api-Key' }).waitFor({ timeout: 30_000 }); // Monaco loads lazily
  assert.match(await editorText(page, headersEditor), /"X-Api-Key": ""/, 'the headers editor is prefilled');
  await typeInto(page, headersEditor, '{ "X-Api-Key": "dev-read-key" }');

  // Type the start of a field, ask for suggestions, and take "article" from the list (not "articles").
  const queryEditor = '.graphiql-query-editor';
  await typeInto(page, queryEditor, 'query Check { articl');
  await page.keyboard.press('Control+Space');
  const suggestions = page.locator('.suggest-widget.visible');
  const article = suggestions.locator('.monaco-list-row').filter({ has: page.locator('.label-name', { hasText: /^article$/ }) });
  await article.waitFor({ timeout: 30_000 });
  assert.ok(await suggestions.locator('.monaco-list-row').count() >= 2, 'the schema offers article and articles');
  await article.click();
  assert.match(await editorText(page, queryEditor), /^query Check \{ article\s*\}$/, 'the suggestion completed the field name');
  await page.keyboard.type('(databaseId: 2) { databaseId title source { name } }', { delay: 15 });
  assert.equal((await editorText(page, queryEditor)).replace(/\s+/g, ''), 'queryCheck{article(databaseId:2){databaseIdtitlesource{name}}}');
  // Prettify lays it out over several lines (Prettier loads lazily: its chunk must pass the CSP too).
  await page.getByRole('button', { name: /^Prettify query/ }).click();
  await page.locator(`${queryEditor} .view-line`, { hasText: /^\s+source\s\{$/ }).waitFor({ timeout: 30_000 });

  const answered = page.waitForResponse((r) => r.url() === `${baseUrl}/graphql` && (r.request().postData() ?? '').includes('Check'));
  await page.locator('.graphiql-execute-button').click();
  const response = await answered;
  assert.equal(response.request().headers()['x-api-key'], 'dev-read-key', 'GraphiQL sends the key from the headers editor');
  const answer = (await response.json()) as { data?: { article?: { databaseId: number; title: string; source: { name: string } } }; errors?: unknown };
  assert.equal(answer.errors, undefined);
  assert.equal(answer.data?.article?.databaseId, 2);
  assert.match(answer.data?.article?.source.name ?? '', /\S/);

  // The result pane shows that answer. It wraps long lines (an Arabic title), so compare without whitespace.
  const resultPane = '.graphiql-response';
  await page.locator(`${resultPane} .view-line`, { hasText: '"databaseId"' }).waitFor({ timeout: 30_000 });
  assert.equal((await editorText(page, resultPane)).replace(/\s+/g, ''), JSON.stringify(answer).replace(/\s+/g, ''));

  // The IDE shows the same article the REST API has.
  const rest = (await (await fetch(`${baseUrl}/api/v1/articles/2`)).json()) as { title: string };
  assert.equal(answer.data?.article?.title, rest.title);

  await page.screenshot({ path: join(results, 'graphql-ide.png') });
  assert.deepEqual(problems, []);
  await page.close();
});
