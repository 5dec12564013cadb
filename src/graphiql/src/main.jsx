// NewsMeta's GraphQL IDE: GraphiQL pointed at this service's /graphql, with the headers editor open for an
// API key and the schema's docs beside the editors. build.mjs bundles it into files the service serves itself.
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { DOC_EXPLORER_PLUGIN } from '@graphiql/plugin-doc-explorer';
import { GraphiQL } from 'graphiql';
import { createRoot } from 'react-dom/client';
import introspectionQuery from './introspection.graphql';
import 'graphiql/style.css';
import './newsmeta.css';

// The Monaco editors do their language work (GraphQL completion and validation, JSON checks) in web workers.
// build.mjs bundles each worker into its own file next to this one and defines the NEWSMETA_*_WORKER constants
// as their names, so they load from this origin (the CSP allows no other) and no blob: URL is needed.
const workers = { editor: NEWSMETA_EDITOR_WORKER, json: NEWSMETA_JSON_WORKER, graphql: NEWSMETA_GRAPHQL_WORKER };
globalThis.MonacoEnvironment = {
  getWorker(_workerId, label) {
    const file = workers[label] ?? workers.editor;
    return new Worker(new URL(file, import.meta.url), { name: label });
  },
};

const http = {
  url: new URL('/graphql', window.location.href).href,
  // The service answers plain JSON; the multipart (@defer) fetcher would only ask it for something it does not send.
  enableIncrementalDelivery: false,
};
// GraphiQL's own schema query is 15 levels deep and the service refuses more than 12 (see introspection.graphql).
const plainFetcher = createGraphiQLFetcher(http);
const fetcher = createGraphiQLFetcher({
  ...http,
  schemaFetcher: (params, options) => plainFetcher({ ...params, query: introspectionQuery }, options),
});

// Shown on a first visit (GraphiQL keeps the tabs in localStorage after that).
const defaultQuery = `# NewsMeta GraphQL IDE
#  Ctrl+Space  suggests fields     Ctrl+Enter  runs
#  Book icon   the schema's docs   Headers     your X-Api-Key (writes)

query LatestArticles {
  articles(first: 5) {
    totalCount
    nodes {
      id
      databaseId
      title
      language
      publishedAt
      source { name }
    }
    pageInfo { hasNextPage endCursor }
  }
}
`;

createRoot(document.getElementById('graphiql')).render(
  <GraphiQL
    fetcher={fetcher}
    defaultQuery={defaultQuery}
    defaultHeaders={'{\n  "X-Api-Key": ""\n}'}
    defaultEditorToolsVisibility="headers"
    visiblePlugin={DOC_EXPLORER_PLUGIN}
  />,
);
