"""Sinks: one class per output format (KGX JSON Lines, Neo4j over Bolt, neo4j-admin CSV)."""
