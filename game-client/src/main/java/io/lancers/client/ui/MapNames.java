package io.lancers.client.ui;

import io.lancers.map.MapLoader;
import javafx.util.StringConverter;

/** Built-in map ids shown by their names in a choice box; the empty id as {@code forEmpty}. */
final class MapNames extends StringConverter<String> {
    private final String forEmpty;

    MapNames(String forEmpty) {
        this.forEmpty = forEmpty;
    }

    @Override
    public String toString(String id) {
        return id == null || id.isEmpty() ? forEmpty : MapLoader.load(id).name();
    }

    @Override
    public String fromString(String text) {
        throw new UnsupportedOperationException("map boxes are not editable");
    }
}
