package dev.pylon.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * One implementation of one module instance: the address of a provider on the bus, and the origin of its errors.
 * Written {@code module_id/implementation_id} in messages, as in EVerest's config connections.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImplementationId(@JsonProperty(value = "module_id", required = true) String moduleId,
        @JsonProperty(value = "implementation_id", required = true) String implementationId) {

    public ImplementationId {
        Objects.requireNonNull(moduleId, "module_id");
        Objects.requireNonNull(implementationId, "implementation_id");
    }

    @Override
    public String toString() {
        return moduleId + "/" + implementationId;
    }
}
