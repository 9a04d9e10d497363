// Parses Cypher scripts with Neo4j's own Cypher parser and semantic analysis (npm
// @neo4j-cypher/language-support, the engine behind Neo4j's editors), offline.
//
//   node tests/rdf/check_cypher.mjs FILE.cypher...
//
// Each file is split into statements by the parser itself; every statement is linted. Prints
// {"files": {FILE: {"statements": N, "errors": [...], "warnings": [...]}}} and exits 0 (the
// caller judges the diagnostics); exits 1 with a message on stderr when a file cannot be read.
import { readFileSync } from 'node:fs';
import { lintCypherQuery, parseStatementsStrs } from '@neo4j-cypher/language-support';

function fail(message) {
  process.stderr.write(`check_cypher: ${message}\n`);
  process.exit(1);
}

function main() {
  const files = process.argv.slice(2);
  if (files.length === 0) fail('usage: node check_cypher.mjs FILE.cypher...');
  const result = { files: {} };
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    // Statements as the parser splits them, less pieces that hold only comments or a ';'.
    const statements = parseStatementsStrs(text).filter((statement) => {
      const code = statement.replace(/^\s*\/\/.*$/gm, '').trim();
      return code !== '' && code !== ';';
    });
    const { diagnostics } = lintCypherQuery(text, {});
    const describe = (d) => {
      const line = text.slice(0, d.offsets.start).split('\n').length;
      return { line, message: d.message, near: text.slice(d.offsets.start, d.offsets.end + 20) };
    };
    result.files[file] = {
      statements: statements.length,
      errors: diagnostics.filter((d) => d.severity === 1).map(describe),
      warnings: diagnostics.filter((d) => d.severity !== 1).map(describe),
    };
  }
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}

try {
  main();
} catch (error) {
  fail(error && error.stack ? error.stack : String(error));
}
