// Constraints and indexes of the kg graph (Neo4j 5 / ArcadeDB, portable subset).
// The loader (kg load / kg build --neo4j) runs these itself before writing, so this file
// is for neo4j-admin bulk imports and for reference:  cypher-shell -f neo4j-schema.cypher
// Kept equal to kg.sinks.neo4j.SCHEMA_STATEMENTS by tests/unit/test_store_schema.py.
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT document_id IF NOT EXISTS FOR (n:Document) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT evidence_id IF NOT EXISTS FOR (n:Evidence) REQUIRE n.id IS UNIQUE;
CREATE INDEX evidence_edge_id IF NOT EXISTS FOR (n:Evidence) ON (n.edge_id);
CREATE INDEX evidence_doc_id IF NOT EXISTS FOR (n:Evidence) ON (n.doc_id);
CREATE INDEX entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name);
CREATE INDEX rel_decreases_id IF NOT EXISTS FOR ()-[r:DECREASES]-() ON (r.id);
CREATE INDEX rel_increases_id IF NOT EXISTS FOR ()-[r:INCREASES]-() ON (r.id);
CREATE INDEX rel_regulates_id IF NOT EXISTS FOR ()-[r:REGULATES]-() ON (r.id);
CREATE INDEX rel_treats_id IF NOT EXISTS FOR ()-[r:TREATS]-() ON (r.id);
CREATE INDEX rel_causes_id IF NOT EXISTS FOR ()-[r:CAUSES]-() ON (r.id);
CREATE INDEX rel_prevents_id IF NOT EXISTS FOR ()-[r:PREVENTS]-() ON (r.id);
CREATE INDEX rel_associated_with_id IF NOT EXISTS FOR ()-[r:ASSOCIATED_WITH]-() ON (r.id);
CREATE INDEX rel_derived_from_id IF NOT EXISTS FOR ()-[r:DERIVED_FROM]-() ON (r.id);
CREATE INDEX rel_administered_via_id IF NOT EXISTS FOR ()-[r:ADMINISTERED_VIA]-() ON (r.id);
CREATE INDEX rel_located_in_id IF NOT EXISTS FOR ()-[r:LOCATED_IN]-() ON (r.id);
CREATE INDEX rel_is_a_id IF NOT EXISTS FOR ()-[r:IS_A]-() ON (r.id);
CREATE INDEX rel_differentiates_into_id IF NOT EXISTS FOR ()-[r:DIFFERENTIATES_INTO]-() ON (r.id);
CREATE INDEX rel_interacts_with_id IF NOT EXISTS FOR ()-[r:INTERACTS_WITH]-() ON (r.id);
