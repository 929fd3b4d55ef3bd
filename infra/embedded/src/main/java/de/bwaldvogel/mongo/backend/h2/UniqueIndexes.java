package de.bwaldvogel.mongo.backend.h2;

import java.util.List;

import org.h2.mvstore.MVMap;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;

/** Upstream's unique index on a map of the caller's making (its constructor is visible only in this package). */
public final class UniqueIndexes {

    private UniqueIndexes() {
    }

    public static Index<Object> on(MVMap<KeyValue, Object> map, String name, List<IndexKey> keys, boolean sparse) {
        return new H2UniqueIndex(map, name, keys, sparse);
    }
}
