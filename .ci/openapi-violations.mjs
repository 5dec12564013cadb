// Reads the log of `prism proxy` (Prism 5.16.0's CLI output) and prints every disagreement between the service
// and its OpenAPI document, one block per request. Prints "openapi: N requests, N violations"; exits 1 when
// there is any violation or when no request went through the proxy, after a last line
// "openapi: N passed, N failed" counting requests (a request with any violation fails).
//
// What counts:
// - every response violation (the answer does not match what the document says for that status and media type);
// - a request violation only when the service accepted the request (2xx/3xx): the http/ files send bad requests
//   on purpose to show the 400/401 problems, and a request the document calls invalid that the service refuses
//   is the two agreeing; one the service accepts is not;
// - "route not found" for paths under /api/: the document must describe every REST route. /graphql (described by
//   schema.graphql), /health/* and /swagger/* are not REST API operations and are left out of the document.
//
// Usage: node openapi-violations.mjs PRISM_LOG
import { readFileSync } from 'node:fs';

const log = readFileSync(process.argv[2], 'utf8').split('\n');
const requests = [];
let current = null;
for (const line of log) {
  const received = line.match(/\[HTTP SERVER\] (\w+) (\S+) .*Request received/);
  if (received) {
    current = { method: received[1].toUpperCase(), path: received[2], url: received[2], status: null, violations: [] };
    requests.push(current);
    continue;
  }

  if (!current) continue;
  const forwarded = line.match(/Forwarding "\w+" request to (\S+?)(\.\.\.)?$/);
  if (forwarded) current.url = forwarded[1];
  const returned = line.match(/has returned (\d{3})/);
  if (returned) current.status = Number(returned[1]);
  const violation = line.match(/\[VALIDATOR\].*Violation: (\S+) (.*)$/);
  if (violation) current.violations.push({ location: violation[1], message: violation[2].trim() });
}

const counted = (request, v) => {
  if (v.location.startsWith('response')) return true;
  if (/Selected route not found|Route not resolved/.test(v.message)) return request.path.startsWith('/api/');
  return request.status !== null && request.status < 400;
};

let total = 0;
let failedRequests = 0;
for (const request of requests) {
  const violations = request.violations.filter((v) => counted(request, v));
  if (violations.length === 0) continue;
  total += violations.length;
  failedRequests += 1;
  console.log(`${request.method} ${request.url} -> ${request.status ?? 'no answer'}`);
  for (const v of violations) console.log(`    ${v.location}: ${v.message}`);
}

if (requests.length === 0) {
  console.log('no request went through the proxy');
  total += 1;
  failedRequests += 1;
}

console.log(`openapi: ${requests.length} requests, ${total} violations`);
console.log(`openapi: ${requests.length - Math.min(failedRequests, requests.length)} passed, ${failedRequests} failed`);
process.exit(total === 0 ? 0 : 1);
