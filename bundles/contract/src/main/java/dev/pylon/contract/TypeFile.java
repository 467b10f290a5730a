package dev.pylon.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** One type file: named JSON schemas that interfaces and other types reach with {@code $ref: /<stem>#/<Name>}. */
public record TypeFile(String stem, String description, Map<String, JsonNode> types) {

    public TypeFile {
        types = Collections.unmodifiableMap(new LinkedHashMap<>(types));
    }
}
