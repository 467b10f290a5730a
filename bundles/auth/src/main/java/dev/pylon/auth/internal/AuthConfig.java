package dev.pylon.auth.internal;

import dev.pylon.runtime.ModuleConfig;
import dev.pylon.api.types.authorization.SelectionAlgorithm;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * The config of one Auth instance (keys as in its manifest), typed before the logic sees it.
 *
 * @param connectionTimeout      how long an authorization waits for a transaction, and a token for a plug-in
 * @param selectionAlgorithm     how a token is assigned to one of several free EVSEs
 * @param masterPassGroupId      parent id token of tokens that may only stop transactions; empty: none
 * @param prioritizeAuthorization a token matching a running transaction's parent token authorizes a free EVSE first
 * @param ignoreConnectorFaults  a faulted EVSE may still be authorized
 * @param plugInTimeoutEnabled   with several EVSEs, a plug-in without a token in time is not considered any more
 */
public record AuthConfig(Duration connectionTimeout, SelectionAlgorithm selectionAlgorithm, String masterPassGroupId,
        boolean prioritizeAuthorization, boolean ignoreConnectorFaults, boolean plugInTimeoutEnabled) {

    public AuthConfig {
        Objects.requireNonNull(selectionAlgorithm, "selection_algorithm");
        Objects.requireNonNull(masterPassGroupId, "master_pass_group_id");
        if (connectionTimeout.isNegative() || connectionTimeout.isZero()) {
            throw new IllegalArgumentException("connection_timeout must be positive: " + connectionTimeout);
        }
    }

    /** The config as config-sil.yaml sets it, with {@code connection_timeout} given. */
    public static AuthConfig of(Duration connectionTimeout, SelectionAlgorithm selectionAlgorithm) {
        return new AuthConfig(connectionTimeout, selectionAlgorithm, "", true, false, false);
    }

    public static AuthConfig from(Map<String, ?> properties) {
        ModuleConfig p = new ModuleConfig(properties);
        return new AuthConfig(Duration.ofSeconds(p.integer("connection_timeout")),
                SelectionAlgorithm.fromWire(p.string("selection_algorithm")),
                p.string("master_pass_group_id"),
                p.bool("prioritize_authorization_over_stopping_transaction"),
                p.bool("ignore_connector_faults"),
                p.bool("plug_in_timeout_enabled"));
    }

    public AuthConfig withConnectionTimeout(Duration timeout) {
        return new AuthConfig(timeout, selectionAlgorithm, masterPassGroupId, prioritizeAuthorization,
                ignoreConnectorFaults, plugInTimeoutEnabled);
    }

    public AuthConfig withMasterPassGroupId(String groupId) {
        return new AuthConfig(connectionTimeout, selectionAlgorithm, groupId, prioritizeAuthorization,
                ignoreConnectorFaults, plugInTimeoutEnabled);
    }
}
