// Written by `toile export --format neo4j`. See docs/formats.md.
//
// CSV encoding: a string cell (or a list item) whose first character is = + - @ TAB CR or '
// has a ' in front of it (spreadsheet formula injection); in a list, each item has % written
// %25 and ; written %3B. neo4j-admin imports the cells as they are: run this script once
// after the import to remove that encoding (not after load.cypher, which decodes):
//   neo4j-admin database import full --multiline-fields=true \
//     --nodes=entities.csv --relationships=facts.csv neo4j
//   cypher-shell -u neo4j -p PASSWORD -f after-import.cypher

CREATE CONSTRAINT toile_entity_id IF NOT EXISTS
FOR (e:`Entity`) REQUIRE e.id IS UNIQUE;

MATCH (e:`Entity`)
WITH e, [c IN [e.`id`, e.`name`, e.`type`] |
      CASE WHEN c STARTS WITH "'" THEN substring(c, 1) ELSE c END] AS s
SET e += {`id`: s[0],
      `name`: s[1],
      `type`: s[2],
      `aliases`: [item IN coalesce(e.`aliases`, []) | replace(replace(CASE WHEN item STARTS WITH "'" THEN substring(item, 1) ELSE item END, '%3B', ';'), '%25', '%')]};

MATCH (:`Entity`)-[r]->(:`Entity`)
WHERE r.statement IS NOT NULL
WITH r, [c IN [r.`id`, r.`statement`, r.`relation`, r.`document`, r.`sentence`, r.`rule`, r.`currency`, r.`amountPhrase`, r.`date`, r.`datePhrase`, r.`status`, r.`reportedBy`] |
      CASE WHEN c STARTS WITH "'" THEN substring(c, 1) ELSE c END] AS s
SET r += {`id`: s[0],
      `statement`: s[1],
      `relation`: s[2],
      `document`: s[3],
      `sentence`: s[4],
      `rule`: s[5],
      `currency`: s[6],
      `amountPhrase`: s[7],
      `date`: s[8],
      `datePhrase`: s[9],
      `status`: s[10],
      `reportedBy`: s[11]};
