package dev.pylon.evsemanager.internal.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pylon.api.types.evsemanager.EnableDisableSource;
import dev.pylon.api.types.evsemanager.EnableDisableSource.EnableSource;
import dev.pylon.api.types.evsemanager.EnableDisableSource.EnableState;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The enable_disable priority table: requests in order, then whether the EVSE is enabled and who decided. */
class EnableTableTest {
    record Row(String name, List<String> requests, boolean enabled, EnableSource decidedBy) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Row> rows() {
        return Stream.of(
                new Row("empty table: enabled", List.of(), true, EnableSource.Unspecified),
                new Row("one disable", List.of("CSMS Disable 100"), false, EnableSource.CSMS),
                new Row("lower number wins", List.of("CSMS Disable 100", "ServiceTechnician Enable 10"), true,
                        EnableSource.ServiceTechnician),
                new Row("higher number loses", List.of("CSMS Disable 100", "MobileApp Enable 200"), false,
                        EnableSource.CSMS),
                new Row("tie: disable wins", List.of("LocalAPI Enable 50", "RemoteKeyLock Disable 50"), false,
                        EnableSource.RemoteKeyLock),
                new Row("tie either order", List.of("RemoteKeyLock Disable 50", "LocalAPI Enable 50"), false,
                        EnableSource.RemoteKeyLock),
                new Row("same source replaces its row", List.of("CSMS Disable 100", "CSMS Enable 100"), true,
                        EnableSource.CSMS),
                new Row("unassigned removes the row", List.of("CSMS Disable 100", "CSMS Unassigned 0"), true,
                        EnableSource.CSMS),
                new Row("unassigned reveals the next row", List.of("FirmwareUpdate Disable 5",
                        "ServiceTechnician Enable 1", "ServiceTechnician Unassigned 0"), false,
                        EnableSource.FirmwareUpdate),
                new Row("priority 0 beats all", List.of("LocalKeyLock Disable 0", "CSMS Enable 1",
                        "ServiceTechnician Enable 10000"), false, EnableSource.LocalKeyLock));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void decides(Row row) {
        EnableTable table = new EnableTable();
        for (String r : row.requests()) {
            String[] p = r.split(" ");
            table.apply(new EnableDisableSource(EnableSource.valueOf(p[0]), EnableState.valueOf(p[1]),
                    Integer.parseInt(p[2])));
        }
        assertThat(table.enabled()).isEqualTo(row.enabled());
        assertThat(table.effectiveSource().enableSource()).isEqualTo(row.decidedBy());
    }
}
