// Loads one toile RDF export (JSON-LD, Turtle or N-Triples) into real RDF tools, offline, and
// prints what they read, for the tests of export/ to compare across formats.
//
//   node tests/rdf/check_rdf.mjs jsonld|turtle|ntriples FILE
//
// (a) The triples, canonicalised with RDFC-1.0 (jsonld.js / rdf-canonize), so that blank node
//     labels and order do not matter: JSON-LD is read by jsonld.js (safe mode, remote contexts
//     refused) and also by Oxigraph's own JSON-LD parser; Turtle and N-Triples by Oxigraph.
// (b) SPARQL on an Oxigraph store holding the file: every `?a toile:investsIn ?b`, each
//     invests-in statement with its evidence, and a read-back of every entity (id, name, type,
//     aliases) and every piece of evidence with its statement's relation and ends.
// Prints one JSON object and exits 0; exits 1 with a message on stderr on any failure.
import { readFile } from 'node:fs/promises';
import jsonld from 'jsonld';
import oxigraph from 'oxigraph';

const PREFIXES = `
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX schema: <https://schema.org/>
PREFIX toile: <https://toile.dev/ns#>
`;

const INVESTS_IN = `${PREFIXES}
SELECT ?a ?b WHERE { ?a toile:investsIn ?b } ORDER BY ?a ?b`;

const EVIDENCE = `${PREFIXES}
SELECT ?subject ?object ?doc ?sentence WHERE {
  ?statement a rdf:Statement ;
             rdf:subject ?a ; rdf:predicate toile:investsIn ; rdf:object ?b ;
             toile:evidence ?evidence .
  ?evidence toile:document ?doc ; toile:sentence ?sentence .
  ?a schema:name ?subject .
  ?b schema:name ?object .
} ORDER BY ?subject ?object ?doc ?sentence`;

const ENTITIES = `${PREFIXES}
SELECT ?e ?type ?name WHERE { ?e toile:entityType ?type ; schema:name ?name }`;

const ALIASES = `${PREFIXES}
SELECT ?e ?alias WHERE { ?e toile:entityType ?type ; schema:alternateName ?alias }`;

const FACTS = `${PREFIXES}
SELECT * WHERE {
  ?st a rdf:Statement ; rdf:subject ?subject ; rdf:object ?object ; toile:relation ?relation ;
      toile:confidence ?statementConfidence ; toile:evidence ?ev .
  ?ev toile:document ?document ; toile:sentence ?sentence ; toile:start ?start ; toile:end ?end ;
      toile:sentenceStart ?sentenceStart ; toile:sentenceEnd ?sentenceEnd ; toile:rule ?rule ;
      toile:confidence ?confidence .
  OPTIONAL { ?ev toile:amount ?a . ?a schema:value ?amount ; schema:currency ?currency .
             OPTIONAL { ?a toile:phrase ?amountPhrase } }
  OPTIONAL { ?ev toile:date ?date }
  OPTIONAL { ?ev toile:datePhrase ?datePhrase }
  OPTIONAL { ?ev toile:status ?status }
  OPTIONAL { ?ev toile:reportedBy ?reportedBy }
  OPTIONAL { ?ev toile:negated ?negated }
  OPTIONAL { ?ev toile:hedged ?hedged }
  OPTIONAL { ?ev toile:clutter ?clutter }
}`;

const ENTITY_BASE = 'https://toile.dev/entity/';
const MEDIA_TYPES = {
  jsonld: 'application/ld+json',
  turtle: 'text/turtle',
  ntriples: 'application/n-triples',
};

function fail(message) {
  process.stderr.write(`check_rdf: ${message}\n`);
  process.exit(1);
}

function rows(results) {
  if (!Array.isArray(results)) fail('SELECT did not return rows');
  return results.map((binding) => {
    const row = {};
    for (const [name, term] of binding) row[name] = term.value;
    return row;
  });
}

function entityId(iri) {
  if (!iri.startsWith(ENTITY_BASE)) fail(`not an entity IRI: ${iri}`);
  return decodeURIComponent(iri.slice(ENTITY_BASE.length));
}

function readBack(store) {
  const entities = new Map();
  for (const row of rows(store.query(ENTITIES))) {
    entities.set(row.e, { id: entityId(row.e), name: row.name, type: row.type, aliases: [] });
  }
  for (const row of rows(store.query(ALIASES))) entities.get(row.e).aliases.push(row.alias);
  for (const e of entities.values()) e.aliases.sort();
  const facts = rows(store.query(FACTS)).map((row) => {
    const fact = {
      subject: entityId(row.subject),
      relation: row.relation,
      object: entityId(row.object),
      document: row.document,
      sentence: row.sentence,
      start: Number(row.start),
      end: Number(row.end),
      sentenceStart: Number(row.sentenceStart),
      sentenceEnd: Number(row.sentenceEnd),
      rule: row.rule,
      confidence: Number(row.confidence),
      statementConfidence: Number(row.statementConfidence),
      negated: row.negated === 'true',
      hedged: row.hedged === 'true',
      clutter: row.clutter === 'true',
    };
    if (row.amount !== undefined) fact.amount = Number(row.amount);
    for (const key of ['currency', 'amountPhrase', 'date', 'datePhrase', 'status', 'reportedBy'])
      if (row[key] !== undefined) fact[key] = row[key];
    return fact;
  });
  return { entities: [...entities.values()], facts };
}

async function canonical(nquads) {
  return jsonld.canonize(nquads, {
    algorithm: 'RDFC-1.0', inputFormat: 'application/n-quads', format: 'application/n-quads',
  });
}

async function main() {
  const [format, file] = process.argv.slice(2);
  if (!MEDIA_TYPES[format] || !file) fail('usage: node check_rdf.mjs jsonld|turtle|ntriples FILE');
  const text = await readFile(file, 'utf8');

  const store = new oxigraph.Store();
  store.load(text, { format: MEDIA_TYPES[format] });
  const oxigraphQuads = store.dump({ format: 'application/n-quads' });

  const result = { format, quads: store.size };
  if (format === 'jsonld') {
    const documentLoader = async (url) => {
      throw new Error(`refusing to load ${url}: the export must be self-contained`);
    };
    const nquads = await jsonld.toRDF(JSON.parse(text), {
      documentLoader, safe: true, format: 'application/n-quads',
    });
    result.canonical = await canonical(nquads);
    result.canonicalOxigraph = await canonical(oxigraphQuads);
  } else {
    result.canonical = await canonical(oxigraphQuads);
  }
  result.investsIn = rows(store.query(INVESTS_IN));
  result.evidence = rows(store.query(EVIDENCE));
  result.readBack = readBack(store);
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}

main().catch((error) => fail(error && error.stack ? error.stack : String(error)));
