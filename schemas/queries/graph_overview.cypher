// name: graph_overview
// description: What the graph holds: node counts per label and relationship counts per type (a table; for the drawn schema run CALL db.schema.visualization() in Neo4j).
MATCH (n)
UNWIND labels(n) AS name
RETURN "label" AS kind, name, count(*) AS count
UNION ALL
MATCH ()-[r]->()
RETURN "relationship" AS kind, type(r) AS name, count(*) AS count
