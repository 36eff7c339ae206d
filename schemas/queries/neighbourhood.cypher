// name: neighbourhood
// description: The claims around ENTITY up to HOPS (1 or 2) steps away, one row per relationship (direction kept, documents and evidence nodes left out). Used by kg.connect().neighbourhood(); neighbourhood_graph draws the same in Neo4j Browser.
// param: entity = "mesenchymal stem cell"  # name, synonym or id
// param: hops = 1  # 1 or 2
// param: limit = 500  # maximum rows
MATCH (c:Entity)
WHERE c.id = $entity OR toLower(c.name) = toLower($entity)
   OR any(x IN coalesce(c.synonyms, []) WHERE toLower(x) = toLower($entity))
MATCH p = (c)-[:DECREASES|INCREASES|REGULATES|TREATS|CAUSES|PREVENTS|ASSOCIATED_WITH|DERIVED_FROM|ADMINISTERED_VIA|LOCATED_IN|IS_A|DIFFERENTIATES_INTO|INTERACTS_WITH*1..2]-(:Entity)
WHERE length(p) <= $hops
UNWIND relationships(p) AS r
WITH DISTINCT r
WITH r, startNode(r) AS s, endNode(r) AS o
RETURN s.id AS subject_id, s.name AS subject, s.category AS subject_category,
       type(r) AS type, r.negated AS negated, r.hedged AS hedged, r.confidence AS confidence,
       r.evidence_count AS evidence_count, r.publications AS publications,
       o.id AS object_id, o.name AS object, o.category AS object_category, r.id AS edge_id
ORDER BY subject, type, object, negated
LIMIT $limit
