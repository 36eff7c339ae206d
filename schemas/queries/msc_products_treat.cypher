// name: msc_products_treat
// description: What do SOURCE cells and the products derived from them (DERIVED_FROM, e.g. MSC-derived extracellular vesicles) treat or decrease, and by which routes (ADMINISTERED_VIA) are they given? One row per agent, effect and target; routes of the agent itself, else of the source.
// param: source = "mesenchymal stem cell"  # name, synonym or id of the source (default: MSCs)
// param: limit = 50  # maximum rows
MATCH (src:Entity)
WHERE src.id = $source OR toLower(src.name) = toLower($source)
   OR any(s IN coalesce(src.synonyms, []) WHERE toLower(s) = toLower($source))
OPTIONAL MATCH (product:Entity)-[d:DERIVED_FROM]->(src)
WHERE d.negated = false
WITH src, collect(DISTINCT product) AS products
UNWIND [src] + products AS agent
MATCH (agent)-[effect:TREATS|DECREASES]->(target:Entity)
WHERE effect.negated = false
OPTIONAL MATCH (agent)-[via:ADMINISTERED_VIA]->(route:Entity)
WHERE via.negated = false
OPTIONAL MATCH (src)-[src_via:ADMINISTERED_VIA]->(src_route:Entity)
WHERE src_via.negated = false
WITH src, agent, effect, target, collect(DISTINCT route.name) AS own_routes,
     collect(DISTINCT src_route.name) AS source_routes
RETURN agent.name AS agent, agent.id AS agent_id,
       CASE WHEN agent = src THEN null ELSE src.name END AS derived_from,
       type(effect) AS effect, target.name AS target, target.category AS target_category,
       CASE WHEN size(own_routes) > 0 THEN own_routes ELSE source_routes END AS routes,
       effect.confidence AS confidence, effect.publications AS publications
ORDER BY derived_from IS NULL, agent, effect, confidence DESC, target
LIMIT $limit
