// A frontend's journey through the GraphQL API with graphql-request and the typed documents that
// GraphQL Code Generator made from the committed schema: article list -> article detail -> a linked
// article -> the entity page -> search, then automatic persisted queries over GET.
// The service must be running: NEWSMETA_URL (default http://127.0.0.1:5181), sample data seeded.
import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { print } from 'graphql';
import { ClientError, GraphQLClient } from 'graphql-request';
import {
  ArticleDetailDocument,
  ArticleListDocument,
  ArticlesOfEntityDocument,
  EntityPageDocument,
  LinkedArticleDocument,
  PersistedLatestTitlesDocument,
  SearchDocument,
  type ArticleDetailQuery,
  type ArticleListQuery,
  type PersistedLatestTitlesQuery,
} from './gql/graphql.js';

const baseUrl = (process.env.NEWSMETA_URL ?? 'http://127.0.0.1:5181').replace(/\/$/, '');
const endpoint = `${baseUrl}/graphql`;
const client = new GraphQLClient(endpoint);

type ListedArticle = ArticleListQuery['articles']['nodes'][number];
type DetailedArticle = NonNullable<ArticleDetailQuery['article']>;

// Filled in step by step, as a reader clicks through.
let firstPage: ListedArticle[] = [];
let opened: DetailedArticle | undefined;
let entityId: string | undefined;
let entityName: string | undefined;

test('article list: newest first, paged with cursors', async () => {
  const page1 = await client.request(ArticleListDocument, { first: 10 });
  assert.equal(page1.articles.nodes.length, 10);
  assert.ok(page1.articles.totalCount >= 54, `totalCount ${page1.articles.totalCount} (54 sample articles)`);
  assert.equal(page1.articles.pageInfo.hasNextPage, true);
  assert.ok(page1.articles.pageInfo.endCursor, 'endCursor');
  const dates = page1.articles.nodes.map((a) => Date.parse(a.publishedAt));
  assert.deepEqual(dates, [...dates].sort((a, b) => b - a), 'newest first');

  const page2 = await client.request(ArticleListDocument, { first: 10, after: page1.articles.pageInfo.endCursor });
  const ids1 = new Set(page1.articles.nodes.map((a) => a.id));
  assert.equal(page2.articles.nodes.length, 10);
  assert.ok(page2.articles.nodes.every((a) => !ids1.has(a.id)), 'the second page repeats no article of the first');
  firstPage = [...page1.articles.nodes, ...page2.articles.nodes];
});

test('article detail: the page of one article with its links', async () => {
  assert.ok(firstPage.length > 0, 'needs the article list');
  // The reader opens the first listed article that links to another article in the store.
  for (const listed of firstPage) {
    const { article } = await client.request(ArticleDetailDocument, { id: listed.id });
    assert.ok(article, `article ${listed.id} exists`);
    assert.equal(article.id, listed.id);
    assert.equal(article.title, listed.title);
    assert.ok(article.body.length > 0, 'a body');
    if (article.links.some((l) => l.target) && article.entities.length > 0) {
      opened = article;
      break;
    }
  }
  assert.ok(opened, 'one of the 20 newest articles links to another stored article and names an entity');
  assert.match(opened.language, /^[a-z]{2}/);
  assert.ok(opened.keywords.length > 0, 'keywords');
});

test('linked articles: each link target opens as an article that exists', async () => {
  assert.ok(opened, 'needs an opened article');
  const targets = opened.links.flatMap((l) => (l.target ? [{ kind: l.kind, ...l.target }] : []));
  assert.ok(targets.length > 0);
  for (const target of targets) {
    assert.ok(['RELATED', 'READ_ALSO', 'SIMILAR'].includes(target.kind));
    const { node } = await client.request(LinkedArticleDocument, { id: target.id });
    assert.ok(node, `node ${target.id}`);
    assert.equal(node.__typename, 'Article');
    if (node.__typename !== 'Article') return;
    assert.equal(node.id, target.id);
    assert.equal(node.title, target.title);
    assert.notEqual(node.id, opened.id, 'an article does not link to itself');
  }
});

test('entity page: the entity with its articles and related entities', async () => {
  assert.ok(opened, 'needs an opened article');
  const mention = [...opened.entities].sort((a, b) => b.mentions - a.mentions)[0];
  assert.ok(mention);
  const { entity } = await client.request(EntityPageDocument, { id: mention.entity.id, first: 100 });
  assert.ok(entity, `entity ${mention.entity.id}`);
  assert.equal(entity.name, mention.entity.name);
  assert.equal(entity.type, mention.entity.type);
  assert.ok(entity.articleCount >= 1);
  assert.equal(entity.articles.totalCount, entity.articleCount);
  assert.ok(entity.articles.nodes.some((a) => a.id === opened!.id), 'the entity page lists the article we came from');
  const dates = entity.articles.nodes.map((a) => Date.parse(a.publishedAt));
  assert.deepEqual(dates, [...dates].sort((a, b) => b - a), 'newest first');
  for (const related of entity.relatedEntities) {
    assert.ok(related.count > 0);
    assert.notEqual(related.entity.name, entity.name);
  }

  const viaFilter = await client.request(ArticlesOfEntityDocument, { entityId: entity.id });
  assert.equal(viaFilter.articles.totalCount, entity.articleCount, 'articles(where: {entityIds}) agrees with articleCount');
  entityId = entity.id;
  entityName = entity.name;
});

test('search: the entity name finds its articles, with highlights', async () => {
  assert.ok(entityId && entityName, 'needs the entity page');
  const result = await client.request(SearchDocument, { query: `"${entityName}"`, first: 20 });
  assert.ok(result.search.totalCount > 0, `"${entityName}" finds something`);
  assert.ok(result.search.nodes.length > 0);
  const scores = result.search.nodes.map((n) => n.score);
  assert.deepEqual(scores, [...scores].sort((a, b) => b - a), 'best match first');
  assert.ok(result.search.nodes.every((n) => `${n.highlights.title} ${n.highlights.body}`.includes('<mark>')), 'each hit has a <mark>');
});

test('a wrong variable type is a GraphQL error, not a crash', async () => {
  // The typed client would not let this compile; a hand-written call shows what the server answers.
  await assert.rejects(
    client.request(print(SearchDocument), { query: 42, first: 'many' }),
    (error: unknown) => error instanceof ClientError && (error.response.errors?.length ?? 0) > 0,
  );
});

// Automatic persisted queries, as Apollo-style clients send them over GET.
function apqUrl(hash: string, query?: string): string {
  const params = new URLSearchParams();
  if (query !== undefined) params.set('query', query);
  params.set('extensions', JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } }));
  return `${endpoint}?${params}`;
}

interface GraphQLResponse<T> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
}

async function getJson<T>(url: string): Promise<{ status: number; body: GraphQLResponse<T>; headers: Headers }> {
  const response = await fetch(url, { headers: { accept: 'application/graphql-response+json, application/json' } });
  return { status: response.status, body: (await response.json()) as GraphQLResponse<T>, headers: response.headers };
}

test('persisted query over GET: unknown hash, then registered, then by hash alone', async () => {
  // A comment unique to this run makes the text, and so the hash, new to the server every time.
  const query = `${print(PersistedLatestTitlesDocument)}\n# client check ${randomUUID()}\n`;
  const hash = createHash('sha256').update(query, 'utf8').digest('hex');

  const unknown = await getJson<PersistedLatestTitlesQuery>(apqUrl(hash));
  assert.equal(unknown.status, 200);
  assert.equal(unknown.body.data, undefined);
  assert.equal(unknown.body.errors?.[0]?.extensions?.code, 'PERSISTED_QUERY_NOT_FOUND');

  const registered = await getJson<PersistedLatestTitlesQuery>(apqUrl(hash, query));
  assert.equal(registered.status, 200);
  assert.equal(registered.body.errors, undefined);
  assert.equal(registered.body.data?.articles.nodes.length, 3);

  const byHash = await getJson<PersistedLatestTitlesQuery>(apqUrl(hash));
  assert.equal(byHash.status, 200);
  assert.equal(byHash.body.errors, undefined);
  assert.deepEqual(byHash.body.data, registered.body.data);
  assert.ok(byHash.headers.get('etag'), 'a GET query result has an ETag, so HTTP caches can keep it');

  const mismatch = await getJson<PersistedLatestTitlesQuery>(apqUrl('0'.repeat(64), query));
  assert.equal(mismatch.status, 400);
  assert.equal(mismatch.body.errors?.[0]?.extensions?.code, 'PERSISTED_QUERY_HASH_MISMATCH');
});
