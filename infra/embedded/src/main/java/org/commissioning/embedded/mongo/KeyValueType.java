package org.commissioning.embedded.mongo;

import java.nio.ByteBuffer;

import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

import de.bwaldvogel.mongo.backend.KeyValue;

/**
 * The keys of a unique index's map, compared value by value. Upstream stores them through H2's {@link ObjectDataType},
 * which cannot compare a {@link KeyValue} (not {@code Comparable}) but by Java-serializing both keys, at every step of
 * every B-tree search: a third of the store's CPU under load. Each value here is compared, and stored, as
 * {@link ObjectDataType} does a lone value of its type (natively for strings and numbers, serialized only for the rest),
 * so two keys compare equal exactly when they did before. The order differs from upstream's, so a map written in
 * upstream's order is never opened with this type ({@link IndexedH2Database} names its maps apart).
 */
final class KeyValueType extends BasicDataType<KeyValue> {

    private static final int KEY_OVERHEAD = 24;

    private final ObjectDataType values = new ObjectDataType();

    @Override
    public int compare(KeyValue a, KeyValue b) {
        int common = Math.min(a.size(), b.size());
        for (int i = 0; i < common; i++) {
            int compared = values.compare(a.get(i), b.get(i));
            if (compared != 0) {
                return compared;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    @Override
    public int getMemory(KeyValue key) {
        int memory = KEY_OVERHEAD;
        for (Object value : key) {
            memory += values.getMemory(value);
        }
        return memory;
    }

    @Override
    public void write(WriteBuffer buffer, KeyValue key) {
        buffer.putVarInt(key.size());
        for (Object value : key) {
            values.write(buffer, value);
        }
    }

    @Override
    public KeyValue read(ByteBuffer buffer) {
        Object[] read = new Object[DataUtils.readVarInt(buffer)];
        for (int i = 0; i < read.length; i++) {
            read[i] = values.read(buffer);
        }
        return new KeyValue(read);
    }

    @Override
    public KeyValue[] createStorage(int size) {
        return new KeyValue[size];
    }
}
