package io.lancers.client.ui;

import io.lancers.map.MapLoader;
import javafx.util.StringConverter;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Built-in map ids shown by their names in a choice box; the empty id as {@code forEmpty}. */
final class MapNames extends StringConverter<String> {
    /** Each map is parsed once for its name: screens refresh every second. */
    private static final Map<String, String> NAMES = new ConcurrentHashMap<>();
    private final String forEmpty;

    MapNames(String forEmpty) {
        this.forEmpty = forEmpty;
    }

    @Override
    public String toString(String id) {
        return id == null || id.isEmpty() ? forEmpty : name(id);
    }

    /** The name of built-in map {@code id}. */
    static String name(String id) {
        return NAMES.computeIfAbsent(id, key -> MapLoader.load(key).name());
    }

    @Override
    public String fromString(String text) {
        throw new UnsupportedOperationException("map boxes are not editable");
    }
}
