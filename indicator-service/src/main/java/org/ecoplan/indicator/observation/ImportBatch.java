package org.ecoplan.indicator.observation;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The commit record of a bulk import: its one insert is the moment the import happened. Before it the import's
 * rows wait in staging where no reader looks; after it they are published, and {@link StagedImports} finishes a
 * publication that a crash cut short.
 *
 * @param id the import id, which the rows carry
 * @param rows how many observations the import holds
 * @param published whether every row has reached the observations
 */
@Document("observation_imports")
record ImportBatch(@Id String id, int rows, Instant committedAt, boolean published) {
}
