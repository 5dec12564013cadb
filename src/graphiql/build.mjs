// Bundles GraphiQL into the static files the service embeds and serves at /graphql/ui
// (src/NewsMeta.Api/GraphQL/Ui/assets). Run with `npm ci && npm run build`; .ci/graphiql.sh does that and
// fails when the committed files differ, so the output must depend only on the locked packages and these
// sources: content-hashed names, no source maps, no timestamps.
import { build } from 'esbuild';
import { mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const outdir = join(here, '..', 'NewsMeta.Api', 'GraphQL', 'Ui', 'assets');
/** Where the service serves outdir's files (GraphQL/Ui/GraphQLIde.cs). */
const servedAt = '/graphql/ui/';

const common = {
  absWorkingDir: here,
  bundle: true,
  minify: true,
  legalComments: 'eof',
  target: 'es2022',
  outdir,
  entryNames: '[name]-[hash]',
  chunkNames: 'chunk-[hash]',
  assetNames: '[name]-[hash]',
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
  metafile: true,
};

/** The file names a build wrote for its entry points, by entry name. */
function outputsByEntry(metafile) {
  const names = {};
  for (const [file, output] of Object.entries(metafile.outputs)) {
    if (output.entryPoint) names[basename(output.entryPoint).replace(/\.[^.]+$/, '')] = basename(file);
  }
  return names;
}

const started = performance.now();
await rm(outdir, { recursive: true, force: true });
await mkdir(outdir, { recursive: true });

// 1. Monaco's web workers, one classic script each: the editor's base worker, JSON (variables and headers
//    editors) and GraphQL (completion and validation against the schema).
const workers = await build({
  ...common,
  format: 'iife',
  entryPoints: {
    'editor.worker': 'monaco-editor/esm/vs/editor/editor.worker.js',
    'json.worker': 'monaco-editor/esm/vs/language/json/json.worker.js',
    'graphql.worker': 'monaco-graphql/esm/graphql.worker.js',
  },
});
const workerFiles = outputsByEntry(workers.metafile);
// Three string constants rather than one object: esbuild inlines strings where they are used (the entry script),
// but would move a shared object into a chunk of its own.
const workerUrls = {
  NEWSMETA_EDITOR_WORKER: JSON.stringify(`./${workerFiles['editor.worker']}`),
  NEWSMETA_JSON_WORKER: JSON.stringify(`./${workerFiles['json.worker']}`),
  NEWSMETA_GRAPHQL_WORKER: JSON.stringify(`./${workerFiles['graphql.worker']}`),
};

// 2. The page's script and stylesheet. ES modules with code splitting, so Monaco and Prettier (which GraphiQL
//    imports lazily) load after the page has painted.
const app = await build({
  ...common,
  format: 'esm',
  splitting: true,
  jsx: 'automatic',
  entryPoints: { graphiql: 'src/main.jsx' },
  loader: { '.ttf': 'file', '.graphql': 'text' },
  define: { ...common.define, ...workerUrls },
  // Only used for subscriptions over WebSocket, which this service does not offer.
  external: ['graphql-ws'],
  // GraphiQL's Prettify imports Prettier's parsers by their old names, which are UMD scripts whose exports esbuild
  // cannot see ("Couldn't resolve parser"); the plugins' ES modules are the same parsers with named exports.
  alias: { 'prettier/parser-graphql': 'prettier/plugins/graphql', 'prettier/parser-babel': 'prettier/plugins/babel' },
});
const entry = Object.entries(app.metafile.outputs).find(([, o]) => o.entryPoint === 'src/main.jsx');
const script = basename(entry[0]);
const stylesheet = basename(entry[1].cssBundle);
// esbuild also writes a stylesheet per lazily imported chunk (Monaco's), but the entry's bundle already holds
// all of their rules and nothing loads them: leave them out of what the service embeds.
for (const [file, output] of Object.entries(app.metafile.outputs)) {
  if (file.endsWith('.css') && !output.entryPoint && basename(file) !== stylesheet) await rm(join(here, file));
}

// 3. The page, pointing at the hashed files. It is the only file that is not content-addressed, so the
//    service sends it with no-cache and everything else as immutable.
const template = await readFile(join(here, 'src', 'index.html'), 'utf8');
await writeFile(join(outdir, 'index.html'), template
  .replace('{{stylesheet}}', servedAt + stylesheet)
  .replace('{{script}}', servedAt + script));

let total = 0;
const files = (await readdir(outdir)).sort();
for (const file of files) total += (await stat(join(outdir, file))).size;
console.log(`graphiql: ${files.length} files, ${(total / 1024 / 1024).toFixed(2)} MiB in ${relative(process.cwd(), outdir)}, ` +
  `${((performance.now() - started) / 1000).toFixed(1)} s`);
