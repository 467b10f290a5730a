package dev.pylon.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * An error raised on the bus, with EVerest's fields and JSON names so that it can cross to EVerest modules unchanged.
 *
 * @param type        {@code <error file>/<Name>}, for example {@code evse_board_support/MREC2GroundFailure}
 * @param subType     distinguishes several errors of one type from one origin; empty when not needed
 * @param description what the error type means (from the error file)
 * @param message     what happened this time, for people
 * @param severity    how bad it is
 * @param origin      the implementation that raised it
 * @param timestamp   when it was raised, RFC 3339
 * @param uuid        unique per raise
 * @param state       active or how it was cleared
 * @param vendorId    optional vendor code
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ErrorObject(@JsonProperty(value = "type", required = true) String type,
        @JsonProperty("sub_type") String subType,
        @JsonProperty("description") String description,
        @JsonProperty("message") String message,
        @JsonProperty("severity") Severity severity,
        @JsonProperty(value = "origin", required = true) ImplementationId origin,
        @JsonProperty("timestamp") String timestamp,
        @JsonProperty("uuid") String uuid,
        @JsonProperty("state") ErrorState state,
        @JsonProperty("vendor_id") String vendorId) {

    public ErrorObject {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(origin, "origin");
        subType = subType == null ? "" : subType;
    }

    /** The same error in another state (for example cleared). */
    public ErrorObject withState(ErrorState newState) {
        return new ErrorObject(type, subType, description, message, severity, origin, timestamp, uuid, newState, vendorId);
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isActive() {
        return state == null || state == ErrorState.Active;
    }
}
