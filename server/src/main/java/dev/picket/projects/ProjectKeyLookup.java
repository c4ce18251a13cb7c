package dev.picket.projects;

import java.util.Optional;

/** Finds DSN keys for ingestion. Cached: ingestion does not read the database per request. */
public interface ProjectKeyLookup {

    Optional<ProjectKey> findByPublicKey(String publicKey);
}
