// Loads a toile Kùzu export into a new, temporary Kùzu database (npm kuzu, embedded) with the
// export's own schema.cypher (CREATE NODE/REL TABLE, then COPY from the CSV files), and queries
// it with Cypher.
//
//   node tests/rdf/check_kuzu.mjs FOLDER
//
// Prints one JSON object: the tables copied, every investsIn fact with its evidence, the
// two-hop paths from an investor through the company it invests in to that company's place
// (empty when the graph has no such table), and a read-back of every entity and every
// relationship (all tables) with its properties.
// Exits 1 with a message on stderr on any failure. The database is deleted afterwards.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import kuzu from 'kuzu';

function fail(message) {
  process.stderr.write(`check_kuzu: ${message}\n`);
  process.exit(1);
}

async function all(connection, query) {
  let results = await connection.query(query);
  if (!Array.isArray(results)) results = [results];
  const rows = [];
  for (const result of results) rows.push(...(await result.getAll()));
  return rows;
}

const FACTS = `
MATCH (a:Entity)-[r:investsIn]->(b:Entity)
RETURN a.name AS subject, b.name AS object, r.document AS doc, r.sentence AS sentence,
       r.rule AS rule, r.confidence AS confidence
ORDER BY subject, object, doc`;

const TWO_HOPS = `
MATCH (i:Entity)-[:investsIn]->(c:Entity)-[:basedIn]->(p:Entity)
RETURN i.name AS investor, c.name AS company, p.name AS place
ORDER BY investor, company, place`;

const ENTITIES = 'MATCH (e:Entity) RETURN e.id AS id, e.name AS name, e.type AS type, e.aliases AS aliases';

const RELATIONSHIPS = `
MATCH (a:Entity)-[r]->(b:Entity)
RETURN a.id AS subject, b.id AS object, label(r) AS type, r AS r`;

const PROPERTIES = [
  'id', 'statement', 'relation', 'confidence', 'statementConfidence', 'document', 'sentence',
  'start', 'end', 'sentenceStart', 'sentenceEnd', 'rule', 'amount', 'currency', 'amountPhrase',
  'date', 'datePhrase', 'status', 'negated', 'hedged', 'reportedBy', 'clutter',
];

async function main() {
  const folder = process.argv[2];
  if (!folder) fail('usage: node check_kuzu.mjs FOLDER');
  const schema = readFileSync(join(folder, 'schema.cypher'), 'utf8');
  const scratch = mkdtempSync(join(tmpdir(), 'toile-kuzu-'));
  try {
    const db = new kuzu.Database(join(scratch, 'graph.kuzu'));
    const connection = new kuzu.Connection(db);
    // The CSV paths in schema.cypher are relative to the export folder.
    process.chdir(resolve(folder));
    const copied = (await all(connection, schema)).map((row) => row.result);

    const relationships = (await all(connection, RELATIONSHIPS)).map((row) => {
      const properties = {};
      for (const key of PROPERTIES) {
        const value = row.r[key];
        if (value !== null && value !== undefined) properties[key] = value;
      }
      return { subject: row.subject, object: row.object, type: row.type, properties };
    });
    const tables = new Set(
      (await all(connection, 'CALL show_tables() RETURN name')).map((row) => row.name));
    const result = {
      copied,
      tables: [...tables].sort(),
      investsIn: tables.has('investsIn') ? await all(connection, FACTS) : [],
      twoHops: tables.has('investsIn') && tables.has('basedIn') ? await all(connection, TWO_HOPS) : [],
      entities: await all(connection, ENTITIES),
      relationships,
    };
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((error) => fail(error && error.stack ? error.stack : String(error)));
