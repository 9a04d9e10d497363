// Loads a toile JSON-LD export into two real RDF processors, offline, and queries it.
//
//   node tests/rdf/check_jsonld.mjs FILE.jsonld
//
// (a) jsonld.js (the reference processor) expands the file and converts it to RDF in safe mode,
//     with a document loader that refuses every remote URL: the file must be self-contained;
// (b) Oxigraph loads the file as application/ld+json into an in-memory store;
// (c) two SPARQL SELECTs run on the store: every `?a toile:investsIn ?b`, and each invests-in
//     statement joined to its evidence (document and sentence).
// Prints {"quads": {"jsonld", "oxigraph"}, "investsIn": [...], "evidence": [...]} as JSON and
// exits 0; exits 1 (message on stderr) on any failure. Set up once with `npm install` here.
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

function fail(message) {
  process.stderr.write(`check_jsonld: ${message}\n`);
  process.exit(1);
}

// Every term of a result row as a plain string (IRIs and literals alike).
function rows(results) {
  if (!Array.isArray(results)) fail('SELECT did not return rows');
  return results.map((binding) => {
    const row = {};
    for (const [name, term] of binding) row[name] = term.value;
    return row;
  });
}

async function main() {
  const file = process.argv[2];
  if (!file) fail('usage: node check_jsonld.mjs FILE.jsonld');
  const text = await readFile(file, 'utf8');

  // (a) The reference processor, no network.
  const documentLoader = async (url) => {
    throw new Error(`refusing to load ${url}: the export must be self-contained`);
  };
  const doc = JSON.parse(text);
  const expanded = await jsonld.expand(doc, { documentLoader, safe: true });
  if (!Array.isArray(expanded) || expanded.length === 0) fail('expansion is empty');
  const nquads = await jsonld.toRDF(doc, {
    documentLoader, safe: true, format: 'application/n-quads',
  });
  const jsonldQuads = nquads.split('\n').filter((line) => line.trim() !== '').length;

  // (b) Oxigraph.
  const store = new oxigraph.Store();
  store.load(text, { format: 'application/ld+json' });

  // The two processors must read the same number of triples.
  const check = new oxigraph.Store();
  check.load(nquads, { format: 'application/n-quads' });

  // (c) SPARQL.
  const result = {
    quads: { jsonld: jsonldQuads, oxigraph: store.size, oxigraphFromJsonld: check.size },
    investsIn: rows(store.query(INVESTS_IN)),
    evidence: rows(store.query(EVIDENCE)),
  };
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}

main().catch((error) => fail(error && error.stack ? error.stack : String(error)));
