// Written by `toile export --format kuzu`. See docs/formats.md.
// Run its statements in order with this folder as the current directory (the CSV
// paths are relative).
// CSV encoding, removed by the statements below: a string cell (or a list item) whose
// first character is = + - @ TAB CR or ' has a ' in front of it (spreadsheet formula
// injection); in a list, each item has % written %25 and ; written %3B.

CREATE NODE TABLE `Entity`(`id` STRING PRIMARY KEY, `name` STRING, `type` STRING, `aliases` STRING[]);
CREATE REL TABLE `acquires`(FROM `Entity` TO `Entity`, `id` STRING, `statement` STRING, `relation` STRING, `confidence` DOUBLE, `statementConfidence` DOUBLE, `document` STRING, `sentence` STRING, `start` INT64, `end` INT64, `sentenceStart` INT64, `sentenceEnd` INT64, `rule` STRING, `amount` DOUBLE, `currency` STRING, `amountPhrase` STRING, `date` STRING, `datePhrase` STRING, `status` STRING, `negated` BOOLEAN, `hedged` BOOLEAN, `reportedBy` STRING, `clutter` BOOLEAN);
CREATE REL TABLE `basedIn`(FROM `Entity` TO `Entity`, `id` STRING, `statement` STRING, `relation` STRING, `confidence` DOUBLE, `statementConfidence` DOUBLE, `document` STRING, `sentence` STRING, `start` INT64, `end` INT64, `sentenceStart` INT64, `sentenceEnd` INT64, `rule` STRING, `amount` DOUBLE, `currency` STRING, `amountPhrase` STRING, `date` STRING, `datePhrase` STRING, `status` STRING, `negated` BOOLEAN, `hedged` BOOLEAN, `reportedBy` STRING, `clutter` BOOLEAN);
CREATE REL TABLE `investigatedBy`(FROM `Entity` TO `Entity`, `id` STRING, `statement` STRING, `relation` STRING, `confidence` DOUBLE, `statementConfidence` DOUBLE, `document` STRING, `sentence` STRING, `start` INT64, `end` INT64, `sentenceStart` INT64, `sentenceEnd` INT64, `rule` STRING, `amount` DOUBLE, `currency` STRING, `amountPhrase` STRING, `date` STRING, `datePhrase` STRING, `status` STRING, `negated` BOOLEAN, `hedged` BOOLEAN, `reportedBy` STRING, `clutter` BOOLEAN);
CREATE REL TABLE `investsIn`(FROM `Entity` TO `Entity`, `id` STRING, `statement` STRING, `relation` STRING, `confidence` DOUBLE, `statementConfidence` DOUBLE, `document` STRING, `sentence` STRING, `start` INT64, `end` INT64, `sentenceStart` INT64, `sentenceEnd` INT64, `rule` STRING, `amount` DOUBLE, `currency` STRING, `amountPhrase` STRING, `date` STRING, `datePhrase` STRING, `status` STRING, `negated` BOOLEAN, `hedged` BOOLEAN, `reportedBy` STRING, `clutter` BOOLEAN);
CREATE REL TABLE `leaderOf`(FROM `Entity` TO `Entity`, `id` STRING, `statement` STRING, `relation` STRING, `confidence` DOUBLE, `statementConfidence` DOUBLE, `document` STRING, `sentence` STRING, `start` INT64, `end` INT64, `sentenceStart` INT64, `sentenceEnd` INT64, `rule` STRING, `amount` DOUBLE, `currency` STRING, `amountPhrase` STRING, `date` STRING, `datePhrase` STRING, `status` STRING, `negated` BOOLEAN, `hedged` BOOLEAN, `reportedBy` STRING, `clutter` BOOLEAN);
CREATE REL TABLE `partnerOf`(FROM `Entity` TO `Entity`, `id` STRING, `statement` STRING, `relation` STRING, `confidence` DOUBLE, `statementConfidence` DOUBLE, `document` STRING, `sentence` STRING, `start` INT64, `end` INT64, `sentenceStart` INT64, `sentenceEnd` INT64, `rule` STRING, `amount` DOUBLE, `currency` STRING, `amountPhrase` STRING, `date` STRING, `datePhrase` STRING, `status` STRING, `negated` BOOLEAN, `hedged` BOOLEAN, `reportedBy` STRING, `clutter` BOOLEAN);
CREATE REL TABLE `productOf`(FROM `Entity` TO `Entity`, `id` STRING, `statement` STRING, `relation` STRING, `confidence` DOUBLE, `statementConfidence` DOUBLE, `document` STRING, `sentence` STRING, `start` INT64, `end` INT64, `sentenceStart` INT64, `sentenceEnd` INT64, `rule` STRING, `amount` DOUBLE, `currency` STRING, `amountPhrase` STRING, `date` STRING, `datePhrase` STRING, `status` STRING, `negated` BOOLEAN, `hedged` BOOLEAN, `reportedBy` STRING, `clutter` BOOLEAN);

COPY `Entity` FROM (
  LOAD WITH HEADERS (`id` STRING, `name` STRING, `type` STRING, `aliases` STRING)
  FROM 'entities.csv' (HEADER=true, PARALLEL=false)
  RETURN CASE WHEN starts_with(`id`, "'") THEN substring(`id`, 2, size(`id`)) ELSE `id` END,
       CASE WHEN starts_with(`name`, "'") THEN substring(`name`, 2, size(`name`)) ELSE `name` END,
       CASE WHEN starts_with(`type`, "'") THEN substring(`type`, 2, size(`type`)) ELSE `type` END,
       CASE WHEN `aliases` IS NULL OR `aliases` = '' THEN CAST([] AS STRING[]) ELSE list_transform(string_split(`aliases`, ';'), item -> regexp_replace(regexp_replace(CASE WHEN starts_with(item, "'") THEN substring(item, 2, size(item)) ELSE item END, '%3B', ';', 'g'), '%25', '%', 'g')) END);

COPY `acquires` FROM (
  LOAD WITH HEADERS (`from` STRING, `to` STRING, `id` STRING, `statement` STRING, `relation` STRING, `confidence` DOUBLE, `statementConfidence` DOUBLE, `document` STRING, `sentence` STRING, `start` INT64, `end` INT64, `sentenceStart` INT64, `sentenceEnd` INT64, `rule` STRING, `amount` DOUBLE, `currency` STRING, `amountPhrase` STRING, `date` STRING, `datePhrase` STRING, `status` STRING, `negated` BOOLEAN, `hedged` BOOLEAN, `reportedBy` STRING, `clutter` BOOLEAN)
  FROM 'facts.csv' (HEADER=true, PARALLEL=false)
  WHERE `relation` IN ['acquires']
  RETURN CASE WHEN starts_with(`from`, "'") THEN substring(`from`, 2, size(`from`)) ELSE `from` END, CASE WHEN starts_with(`to`, "'") THEN substring(`to`, 2, size(`to`)) ELSE `to` END, `id`, `statement`, `relation`, `confidence`, `statementConfidence`, `document`, `sentence`, `start`, `end`, `sentenceStart`, `sentenceEnd`, `rule`, `amount`, `currency`, `amountPhrase`, `date`, `datePhrase`, `status`, `negated`, `hedged`, `reportedBy`, `clutter`);

COPY `basedIn` FROM (
  LOAD WITH HEADERS (`from` STRING, `to` STRING, `id` STRING, `statement` STRING, `relation` STRING, `confidence` DOUBLE, `statementConfidence` DOUBLE, `document` STRING, `sentence` STRING, `start` INT64, `end` INT64, `sentenceStart` INT64, `sentenceEnd` INT64, `rule` STRING, `amount` DOUBLE, `currency` STRING, `amountPhrase` STRING, `date` STRING, `datePhrase` STRING, `status` STRING, `negated` BOOLEAN, `hedged` BOOLEAN, `reportedBy` STRING, `clutter` BOOLEAN)
  FROM 'facts.csv' (HEADER=true, PARALLEL=false)
  WHERE `relation` IN ['based-in']
  RETURN CASE WHEN starts_with(`from`, "'") THEN substring(`from`, 2, size(`from`)) ELSE `from` END, CASE WHEN starts_with(`to`, "'") THEN substring(`to`, 2, size(`to`)) ELSE `to` END, `id`, `statement`, `relation`, `confidence`, `statementConfidence`, `document`, `sentence`, `start`, `end`, `sentenceStart`, `sentenceEnd`, `rule`, `amount`, `currency`, `amountPhrase`, `date`, `datePhrase`, `status`, `negated`, `hedged`, `reportedBy`, `clutter`);

COPY `investigatedBy` FROM (
  LOAD WITH HEADERS (`from` STRING, `to` STRING, `id` STRING, `statement` STRING, `relation` STRING, `confidence` DOUBLE, `statementConfidence` DOUBLE, `document` STRING, `sentence` STRING, `start` INT64, `end` INT64, `sentenceStart` INT64, `sentenceEnd` INT64, `rule` STRING, `amount` DOUBLE, `currency` STRING, `amountPhrase` STRING, `date` STRING, `datePhrase` STRING, `status` STRING, `negated` BOOLEAN, `hedged` BOOLEAN, `reportedBy` STRING, `clutter` BOOLEAN)
  FROM 'facts.csv' (HEADER=true, PARALLEL=false)
  WHERE `relation` IN ['investigated-by']
  RETURN CASE WHEN starts_with(`from`, "'") THEN substring(`from`, 2, size(`from`)) ELSE `from` END, CASE WHEN starts_with(`to`, "'") THEN substring(`to`, 2, size(`to`)) ELSE `to` END, `id`, `statement`, `relation`, `confidence`, `statementConfidence`, `document`, `sentence`, `start`, `end`, `sentenceStart`, `sentenceEnd`, `rule`, `amount`, `currency`, `amountPhrase`, `date`, `datePhrase`, `status`, `negated`, `hedged`, `reportedBy`, `clutter`);

COPY `investsIn` FROM (
  LOAD WITH HEADERS (`from` STRING, `to` STRING, `id` STRING, `statement` STRING, `relation` STRING, `confidence` DOUBLE, `statementConfidence` DOUBLE, `document` STRING, `sentence` STRING, `start` INT64, `end` INT64, `sentenceStart` INT64, `sentenceEnd` INT64, `rule` STRING, `amount` DOUBLE, `currency` STRING, `amountPhrase` STRING, `date` STRING, `datePhrase` STRING, `status` STRING, `negated` BOOLEAN, `hedged` BOOLEAN, `reportedBy` STRING, `clutter` BOOLEAN)
  FROM 'facts.csv' (HEADER=true, PARALLEL=false)
  WHERE `relation` IN ['invests-in']
  RETURN CASE WHEN starts_with(`from`, "'") THEN substring(`from`, 2, size(`from`)) ELSE `from` END, CASE WHEN starts_with(`to`, "'") THEN substring(`to`, 2, size(`to`)) ELSE `to` END, `id`, `statement`, `relation`, `confidence`, `statementConfidence`, `document`, `sentence`, `start`, `end`, `sentenceStart`, `sentenceEnd`, `rule`, `amount`, `currency`, `amountPhrase`, `date`, `datePhrase`, `status`, `negated`, `hedged`, `reportedBy`, `clutter`);

COPY `leaderOf` FROM (
  LOAD WITH HEADERS (`from` STRING, `to` STRING, `id` STRING, `statement` STRING, `relation` STRING, `confidence` DOUBLE, `statementConfidence` DOUBLE, `document` STRING, `sentence` STRING, `start` INT64, `end` INT64, `sentenceStart` INT64, `sentenceEnd` INT64, `rule` STRING, `amount` DOUBLE, `currency` STRING, `amountPhrase` STRING, `date` STRING, `datePhrase` STRING, `status` STRING, `negated` BOOLEAN, `hedged` BOOLEAN, `reportedBy` STRING, `clutter` BOOLEAN)
  FROM 'facts.csv' (HEADER=true, PARALLEL=false)
  WHERE `relation` IN ['leader-of']
  RETURN CASE WHEN starts_with(`from`, "'") THEN substring(`from`, 2, size(`from`)) ELSE `from` END, CASE WHEN starts_with(`to`, "'") THEN substring(`to`, 2, size(`to`)) ELSE `to` END, `id`, `statement`, `relation`, `confidence`, `statementConfidence`, `document`, `sentence`, `start`, `end`, `sentenceStart`, `sentenceEnd`, `rule`, `amount`, `currency`, `amountPhrase`, `date`, `datePhrase`, `status`, `negated`, `hedged`, `reportedBy`, `clutter`);

COPY `partnerOf` FROM (
  LOAD WITH HEADERS (`from` STRING, `to` STRING, `id` STRING, `statement` STRING, `relation` STRING, `confidence` DOUBLE, `statementConfidence` DOUBLE, `document` STRING, `sentence` STRING, `start` INT64, `end` INT64, `sentenceStart` INT64, `sentenceEnd` INT64, `rule` STRING, `amount` DOUBLE, `currency` STRING, `amountPhrase` STRING, `date` STRING, `datePhrase` STRING, `status` STRING, `negated` BOOLEAN, `hedged` BOOLEAN, `reportedBy` STRING, `clutter` BOOLEAN)
  FROM 'facts.csv' (HEADER=true, PARALLEL=false)
  WHERE `relation` IN ['partner-of']
  RETURN CASE WHEN starts_with(`from`, "'") THEN substring(`from`, 2, size(`from`)) ELSE `from` END, CASE WHEN starts_with(`to`, "'") THEN substring(`to`, 2, size(`to`)) ELSE `to` END, `id`, `statement`, `relation`, `confidence`, `statementConfidence`, `document`, `sentence`, `start`, `end`, `sentenceStart`, `sentenceEnd`, `rule`, `amount`, `currency`, `amountPhrase`, `date`, `datePhrase`, `status`, `negated`, `hedged`, `reportedBy`, `clutter`);

COPY `productOf` FROM (
  LOAD WITH HEADERS (`from` STRING, `to` STRING, `id` STRING, `statement` STRING, `relation` STRING, `confidence` DOUBLE, `statementConfidence` DOUBLE, `document` STRING, `sentence` STRING, `start` INT64, `end` INT64, `sentenceStart` INT64, `sentenceEnd` INT64, `rule` STRING, `amount` DOUBLE, `currency` STRING, `amountPhrase` STRING, `date` STRING, `datePhrase` STRING, `status` STRING, `negated` BOOLEAN, `hedged` BOOLEAN, `reportedBy` STRING, `clutter` BOOLEAN)
  FROM 'facts.csv' (HEADER=true, PARALLEL=false)
  WHERE `relation` IN ['product-of']
  RETURN CASE WHEN starts_with(`from`, "'") THEN substring(`from`, 2, size(`from`)) ELSE `from` END, CASE WHEN starts_with(`to`, "'") THEN substring(`to`, 2, size(`to`)) ELSE `to` END, `id`, `statement`, `relation`, `confidence`, `statementConfidence`, `document`, `sentence`, `start`, `end`, `sentenceStart`, `sentenceEnd`, `rule`, `amount`, `currency`, `amountPhrase`, `date`, `datePhrase`, `status`, `negated`, `hedged`, `reportedBy`, `clutter`);

MATCH ()-[r]->()
SET r.`id` = CASE WHEN starts_with(r.`id`, "'") THEN substring(r.`id`, 2, size(r.`id`)) ELSE r.`id` END,
    r.`statement` = CASE WHEN starts_with(r.`statement`, "'") THEN substring(r.`statement`, 2, size(r.`statement`)) ELSE r.`statement` END,
    r.`relation` = CASE WHEN starts_with(r.`relation`, "'") THEN substring(r.`relation`, 2, size(r.`relation`)) ELSE r.`relation` END,
    r.`document` = CASE WHEN starts_with(r.`document`, "'") THEN substring(r.`document`, 2, size(r.`document`)) ELSE r.`document` END,
    r.`sentence` = CASE WHEN starts_with(r.`sentence`, "'") THEN substring(r.`sentence`, 2, size(r.`sentence`)) ELSE r.`sentence` END,
    r.`rule` = CASE WHEN starts_with(r.`rule`, "'") THEN substring(r.`rule`, 2, size(r.`rule`)) ELSE r.`rule` END,
    r.`currency` = CASE WHEN starts_with(r.`currency`, "'") THEN substring(r.`currency`, 2, size(r.`currency`)) ELSE r.`currency` END,
    r.`amountPhrase` = CASE WHEN starts_with(r.`amountPhrase`, "'") THEN substring(r.`amountPhrase`, 2, size(r.`amountPhrase`)) ELSE r.`amountPhrase` END,
    r.`date` = CASE WHEN starts_with(r.`date`, "'") THEN substring(r.`date`, 2, size(r.`date`)) ELSE r.`date` END,
    r.`datePhrase` = CASE WHEN starts_with(r.`datePhrase`, "'") THEN substring(r.`datePhrase`, 2, size(r.`datePhrase`)) ELSE r.`datePhrase` END,
    r.`status` = CASE WHEN starts_with(r.`status`, "'") THEN substring(r.`status`, 2, size(r.`status`)) ELSE r.`status` END,
    r.`reportedBy` = CASE WHEN starts_with(r.`reportedBy`, "'") THEN substring(r.`reportedBy`, 2, size(r.`reportedBy`)) ELSE r.`reportedBy` END;
