// name: document_claims
// description: Every claim extracted from one DOCUMENT (a PMID such as "PMID:123" or just "123", or any document id), with its sentence, in sentence order.
// param: document = "DOI:10.34172/bi.30648"  # document id; a bare number means a PMID
// param: limit = 500  # maximum rows
MATCH (d:Document)
WHERE d.id = $document OR d.id = "PMID:" + toString($document)
MATCH (ev:Evidence)-[:FROM_DOCUMENT]->(d)
MATCH (s:Entity)-[:MENTIONED_IN]->(d)
MATCH (s)-[r]->(o:Entity)
WHERE r.id = ev.edge_id
RETURN d.id AS document, ev.sentence_index AS sentence_index, s.name AS subject, type(r) AS type,
       o.name AS object, ev.negated AS negated, ev.hedged AS hedged, ev.sentence AS sentence,
       ev.score AS score, r.id AS edge_id
ORDER BY sentence_index, subject, type, object
LIMIT $limit
