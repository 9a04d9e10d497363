// Written by `toile export --format neo4j`. See docs/formats.md.
//
// CSV encoding: a string cell (or a list item) whose first character is = + - @ TAB CR or '
// has a ' in front of it (spreadsheet formula injection); in a list, each item has % written
// %25 and ; written %3B. This script removes that encoding while loading.
//
// Copy entities.csv and facts.csv into the import directory of the Neo4j server, then:
//   cypher-shell -u neo4j -p PASSWORD -f load.cypher
// Values may hold line breaks inside quotes; if a value holds a backslash right before
// a quote, set dbms.import.csv.legacy_quote_escaping=false (see docs/formats.md).

CREATE CONSTRAINT toile_entity_id IF NOT EXISTS
FOR (e:`Entity`) REQUIRE e.id IS UNIQUE;

LOAD CSV WITH HEADERS FROM 'file:///entities.csv' AS row
WITH row, [c IN [row.`id:ID(Entity)`, row.`name`, row.`type`] |
      CASE WHEN c STARTS WITH "'" THEN substring(c, 1) ELSE c END] AS s
MERGE (e:`Entity` {id: s[0]})
SET e += {`name`: s[1],
      `type`: s[2],
      `aliases`: CASE WHEN row.`aliases:string[]` IS NULL THEN [] ELSE [item IN split(row.`aliases:string[]`, ';') | replace(replace(CASE WHEN item STARTS WITH "'" THEN substring(item, 1) ELSE item END, '%3B', ';'), '%25', '%')] END}
FOREACH (_ IN CASE WHEN 'Organization' IN split(row.`:LABEL`, ';') THEN [1] ELSE [] END | SET e:`Organization`)
FOREACH (_ IN CASE WHEN 'GovernmentBody' IN split(row.`:LABEL`, ';') THEN [1] ELSE [] END | SET e:`GovernmentBody`)
FOREACH (_ IN CASE WHEN 'Person' IN split(row.`:LABEL`, ';') THEN [1] ELSE [] END | SET e:`Person`)
FOREACH (_ IN CASE WHEN 'Place' IN split(row.`:LABEL`, ';') THEN [1] ELSE [] END | SET e:`Place`)
FOREACH (_ IN CASE WHEN 'Product' IN split(row.`:LABEL`, ';') THEN [1] ELSE [] END | SET e:`Product`)
;

LOAD CSV WITH HEADERS FROM 'file:///facts.csv' AS row
WITH row, [c IN [row.`:START_ID(Entity)`, row.`:END_ID(Entity)`, row.`id`, row.`statement`, row.`relation`, row.`document`, row.`sentence`, row.`rule`, row.`currency`, row.`amountPhrase`, row.`date`, row.`datePhrase`, row.`status`, row.`reportedBy`] |
      CASE WHEN c STARTS WITH "'" THEN substring(c, 1) ELSE c END] AS s
WITH row, s[0] AS startId, s[1] AS endId,
     {`id`: s[2],
      `statement`: s[3],
      `relation`: s[4],
      `confidence`: toFloat(row.`confidence:double`),
      `statementConfidence`: toFloat(row.`statementConfidence:double`),
      `document`: s[5],
      `sentence`: s[6],
      `start`: toInteger(row.`start:long`),
      `end`: toInteger(row.`end:long`),
      `sentenceStart`: toInteger(row.`sentenceStart:long`),
      `sentenceEnd`: toInteger(row.`sentenceEnd:long`),
      `rule`: s[7],
      `amount`: toFloat(row.`amount:double`),
      `currency`: s[8],
      `amountPhrase`: s[9],
      `date`: s[10],
      `datePhrase`: s[11],
      `status`: s[12],
      `negated`: toBoolean(row.`negated:boolean`),
      `hedged`: toBoolean(row.`hedged:boolean`),
      `reportedBy`: s[13],
      `clutter`: toBoolean(row.`clutter:boolean`)} AS p
MATCH (a:`Entity` {id: startId})
MATCH (b:`Entity` {id: endId})
FOREACH (_ IN CASE WHEN row.`:TYPE` = 'acquires' THEN [1] ELSE [] END |
  MERGE (a)-[r:`acquires` {id: p.id}]->(b) SET r += p)
FOREACH (_ IN CASE WHEN row.`:TYPE` = 'basedIn' THEN [1] ELSE [] END |
  MERGE (a)-[r:`basedIn` {id: p.id}]->(b) SET r += p)
FOREACH (_ IN CASE WHEN row.`:TYPE` = 'investigatedBy' THEN [1] ELSE [] END |
  MERGE (a)-[r:`investigatedBy` {id: p.id}]->(b) SET r += p)
FOREACH (_ IN CASE WHEN row.`:TYPE` = 'investsIn' THEN [1] ELSE [] END |
  MERGE (a)-[r:`investsIn` {id: p.id}]->(b) SET r += p)
FOREACH (_ IN CASE WHEN row.`:TYPE` = 'leaderOf' THEN [1] ELSE [] END |
  MERGE (a)-[r:`leaderOf` {id: p.id}]->(b) SET r += p)
FOREACH (_ IN CASE WHEN row.`:TYPE` = 'partnerOf' THEN [1] ELSE [] END |
  MERGE (a)-[r:`partnerOf` {id: p.id}]->(b) SET r += p)
FOREACH (_ IN CASE WHEN row.`:TYPE` = 'productOf' THEN [1] ELSE [] END |
  MERGE (a)-[r:`productOf` {id: p.id}]->(b) SET r += p)
;
