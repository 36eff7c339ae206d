// name: top_entities
// description: The most connected entities: degree (claims in and out) and mention count, ranked BY "degree" or "mentions", optionally of one CATEGORY (a label such as "Cell" or "Disease").
// param: by = "degree"  # "degree" or "mentions"
// param: category = null  # e.g. "ChemicalEntity" (null: every category)
// param: limit = 20  # maximum rows
MATCH (e:Entity)
WHERE $category IS NULL OR e.category = $category
OPTIONAL MATCH (e)-[r]-(:Entity)
WITH e, count(r) AS degree
RETURN e.name AS name, e.id AS id, e.category AS category, degree,
       coalesce(e.mention_count, 0) AS mentions
ORDER BY CASE WHEN $by = "mentions" THEN mentions ELSE degree END DESC,
         CASE WHEN $by = "mentions" THEN degree ELSE mentions END DESC, name
LIMIT $limit
