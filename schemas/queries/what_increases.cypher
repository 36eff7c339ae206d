// name: what_increases
// description: What increases TARGET? Entities with a positive (not negated) INCREASES claim on the target, most confident first. TARGET is a name, synonym or id (case-insensitive).
// param: target = "nerve regeneration"  # entity name, synonym or id
// param: limit = 25  # maximum rows
MATCH (t:Entity)
WHERE t.id = $target OR toLower(t.name) = toLower($target)
   OR any(s IN coalesce(t.synonyms, []) WHERE toLower(s) = toLower($target))
MATCH (s:Entity)-[r:INCREASES]->(t)
WHERE r.negated = false
RETURN s.name AS subject, s.id AS subject_id, s.category AS subject_category,
       t.name AS target, r.confidence AS confidence, r.hedged AS hedged,
       r.evidence_count AS evidence_count, r.publications AS publications
ORDER BY confidence DESC, subject
LIMIT $limit
