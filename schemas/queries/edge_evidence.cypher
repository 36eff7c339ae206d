// name: edge_evidence
// description: The evidence sentences behind the edges from SUBJECT to OBJECT (optionally only of relationship TYPE), with the document, negation and hedging of each sentence.
// param: subject = "mesenchymal stem cell"  # name, synonym or id of the subject
// param: object = "reactive oxygen species"  # name, synonym or id of the object
// param: type = null  # relationship type, e.g. "DECREASES" (null: every type)
// param: limit = 100  # maximum rows
MATCH (s:Entity)
WHERE s.id = $subject OR toLower(s.name) = toLower($subject)
   OR any(x IN coalesce(s.synonyms, []) WHERE toLower(x) = toLower($subject))
MATCH (o:Entity)
WHERE o.id = $object OR toLower(o.name) = toLower($object)
   OR any(x IN coalesce(o.synonyms, []) WHERE toLower(x) = toLower($object))
MATCH (s)-[r]->(o)
WHERE r.id IS NOT NULL AND ($type IS NULL OR type(r) = toUpper($type))
MATCH (ev:Evidence)
WHERE ev.edge_id = r.id
RETURN s.name AS subject, type(r) AS type, o.name AS object, r.negated AS negated,
       ev.hedged AS hedged, ev.doc_id AS document, ev.sentence AS sentence,
       ev.subject_text AS subject_text, ev.object_text AS object_text, ev.trigger AS trigger,
       ev.extractor AS extractor, ev.score AS score, r.id AS edge_id
ORDER BY type, negated, score DESC, document, ev.sentence_index
LIMIT $limit
