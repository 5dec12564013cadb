// Runs every request of every http/*.http file (sorted by name, each file top to bottom) with httpyac
// against a live service, and counts each request as passed or failed.
//
// A request passes when it got a response and all its "??" assertions held. A request without an
// assertion on its status and at least one more assertion (a key field of the body, or a header where
// there is no body) fails too, so a new example cannot slip in unchecked.
//
// Usage: node run-http.mjs [BASE_URL]   (default $NEWSMETA_URL, then http://127.0.0.1:5181)
// Prints one line per request and ends with "http: N passed, N failed"; exits 1 when any failed.
import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const httpDir = join(root, 'http');
const httpyac = join(here, 'node_modules', 'httpyac', 'bin', 'httpyac.js');
const baseUrl = (process.argv[2] ?? process.env.NEWSMETA_URL ?? 'http://127.0.0.1:5181').replace(/\/$/, '');

const files = readdirSync(httpDir).filter((f) => f.endsWith('.http')).sort().map((f) => join(httpDir, f));
if (files.length === 0) {
  console.log(`no .http files in ${httpDir}`);
  console.log('http: 0 passed, 1 failed');
  process.exit(1);
}

function send(file) {
  const args = [httpyac, 'send', file, '--all', '--env', 'dev', '--var', `host=${baseUrl}`,
    '--json', '-o', 'none', '--timeout', '30000'];
  return new Promise((resolve) => {
    // httpyac exits non-zero when a request fails; the JSON report still tells which.
    execFile(process.execPath, args, { cwd: root, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ stdout, stderr, code: error?.code ?? 0 });
    });
  });
}

let passed = 0;
let failed = 0;
for (const file of files) {
  const name = relative(root, file);
  const { stdout, stderr, code } = await send(file);
  let report;
  try {
    report = JSON.parse(stdout.slice(stdout.indexOf('{')));
  } catch {
    console.log(`FAIL ${name}: httpyac gave no report (exit ${code})\n${stderr}${stdout}`);
    failed += 1;
    continue;
  }

  if (report.requests.length === 0) {
    console.log(`FAIL ${name}: no request ran`);
    failed += 1;
  }

  for (const request of report.requests) {
    const where = `${name}:${request.line + 1} ${request.title ?? request.name}`;
    const results = request.testResults ?? [];
    const problems = results.filter((t) => t.status !== 'SUCCESS')
      .map((t) => `${t.message}${t.error ? ` (${t.error.displayMessage ?? t.error.message ?? ''})` : ''}`);
    if (problems.length === 0) {
      if (!results.some((t) => /^status\b/.test(t.message))) problems.push('no "?? status" assertion');
      if (results.length < 2) problems.push('needs an assertion on a key field of the body besides the status');
    }

    if (problems.length === 0) {
      passed += 1;
      console.log(`ok   ${where}`);
    } else {
      failed += 1;
      console.log(`FAIL ${where}`);
      for (const problem of problems) console.log(`       ${problem}`);
    }
  }

  // Requests httpyac could not send (an unresolved reference, no connection) are not in requests[].
  const unsent = (report.summary.totalRequests ?? 0) - report.requests.length;
  if (unsent > 0) {
    console.log(`FAIL ${name}: ${unsent} request(s) not reported by httpyac\n${stderr}`);
    failed += unsent;
  }
}

console.log(`http: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
