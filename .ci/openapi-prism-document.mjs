// Writes the copy of the OpenAPI document that Prism validates against, adjusted for one Prism 5.16.0 defect
// (stoplightio/prism issue 2509): to choose the schema of a response body, Prism compares media types by type and
// the last part of the subtype only, so application/json, application/ld+json and application/vnd.iptc.ninjs+json
// all pick the first of them listed, and a JSON-LD answer is checked against the JSON DTO. In the copy, each such
// group of media types in one response accepts any of the group's schemas (anyOf); each schema still requires its
// own members (JSON-LD its @type, ninjs its uri and standard, the DTOs forbid other members), so an answer must
// still be a valid instance of one of the representations the operation declares. Nothing else is changed.
//
// Usage: node openapi-prism-document.mjs DOCUMENT_IN DOCUMENT_OUT
import { readFileSync, writeFileSync } from 'node:fs';

const document = JSON.parse(readFileSync(process.argv[2], 'utf8'));

// What Prism compares: "application/ld+json" -> "application/json".
const prismKey = (mediaType) => {
  const [type, subtype = ''] = mediaType.split(';')[0].trim().toLowerCase().split('/');
  return `${type}/${subtype.split('+').pop()}`;
};

let merged = 0;
for (const path of Object.values(document.paths ?? {})) {
  for (const operation of Object.values(path)) {
    for (const response of Object.values(operation?.responses ?? {})) {
      const groups = new Map();
      for (const [mediaType, content] of Object.entries(response.content ?? {})) {
        const key = prismKey(mediaType);
        groups.set(key, [...(groups.get(key) ?? []), content]);
      }

      for (const contents of groups.values()) {
        const schemas = contents.map((c) => c.schema).filter(Boolean);
        if (contents.length < 2 || schemas.length < 2) continue;
        for (const content of contents) content.schema = { anyOf: schemas };
        merged += 1;
      }
    }
  }
}

writeFileSync(process.argv[3], JSON.stringify(document, null, 2));
console.log(`prism document: ${merged} response(s) whose JSON media types accept any of their schemas`);
