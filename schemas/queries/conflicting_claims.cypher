// name: conflicting_claims
// description: Claims that conflict: the same subject, relationship type and object asserted by some sentences and negated by others ("reduces" vs "did not reduce"). ENTITY (optional) keeps only claims about that entity.
// param: entity = null  # name, synonym or id of the subject or object (null: all)
// param: limit = 50  # maximum rows
MATCH (s:Entity)-[pos]->(o:Entity)
WHERE pos.negated = false
MATCH (s)-[neg]->(o)
WHERE neg.negated = true AND type(neg) = type(pos)
  AND ($entity IS NULL
       OR any(n IN [s, o] WHERE n.id = $entity OR toLower(n.name) = toLower($entity)
              OR any(x IN coalesce(n.synonyms, []) WHERE toLower(x) = toLower($entity))))
RETURN s.name AS subject, type(pos) AS type, o.name AS object,
       pos.evidence_count AS asserted_by, neg.evidence_count AS negated_by,
       pos.publications AS asserting_documents, neg.publications AS negating_documents,
       pos.supporting_text AS asserting_text, neg.supporting_text AS negating_text,
       pos.id AS asserted_edge_id, neg.id AS negated_edge_id
ORDER BY asserted_by + negated_by DESC, subject, type, object
LIMIT $limit
