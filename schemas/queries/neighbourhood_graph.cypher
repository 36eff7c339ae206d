// name: neighbourhood_graph
// description: ENTITY and everything up to HOPS (1 or 2) claims away, as paths: Neo4j Browser draws them as a graph (use the kg.grass style).
// param: entity = "mesenchymal stem cell"  # name, synonym or id
// param: hops = 1  # 1 or 2
// param: limit = 200  # maximum paths
MATCH (c:Entity)
WHERE c.id = $entity OR toLower(c.name) = toLower($entity)
   OR any(x IN coalesce(c.synonyms, []) WHERE toLower(x) = toLower($entity))
MATCH p = (c)-[:DECREASES|INCREASES|REGULATES|TREATS|CAUSES|PREVENTS|ASSOCIATED_WITH|DERIVED_FROM|ADMINISTERED_VIA|LOCATED_IN|IS_A|DIFFERENTIATES_INTO|INTERACTS_WITH*1..2]-(:Entity)
WHERE length(p) <= $hops
RETURN p
LIMIT $limit
