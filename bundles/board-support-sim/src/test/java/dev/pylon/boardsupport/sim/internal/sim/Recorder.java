package dev.pylon.boardsupport.sim.internal.sim;

import dev.pylon.api.ErrorObject;
import dev.pylon.api.ErrorState;
import dev.pylon.api.ImplementationId;
import dev.pylon.api.Severity;
import dev.pylon.api.VarPublisher;
import dev.pylon.api.evboardsupport.EvBoardSupportPublisher;
import dev.pylon.api.evseboardsupport.EvseBoardSupportPublisher;
import dev.pylon.api.powermeter.PowermeterPublisher;
import dev.pylon.api.types.boardsupportcommon.BspEvent;
import dev.pylon.runtime.ErrorReporter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A fake bus for the simulation: records every var and every error raise and clear, in order. */
public final class Recorder {
    public record Published(String impl, String var, Object value) {
    }

    public record ErrorCall(String impl, boolean raised, String type, Severity severity, String message) {
    }

    public final List<Published> vars = new ArrayList<>();
    public final List<ErrorCall> errors = new ArrayList<>();

    public YetiSimulation.Outputs outputs() {
        return new YetiSimulation.Outputs(new EvseBoardSupportPublisher(publisher("board_support")),
                new EvBoardSupportPublisher(publisher("ev_board_support")),
                new PowermeterPublisher(publisher("powermeter")), reporter("board_support"),
                reporter("connector_lock"));
    }

    public VarPublisher publisher(String impl) {
        return (var, value) -> vars.add(new Published(impl, var, value));
    }

    /** The values of one var, in publish order. */
    public <T> List<T> values(String impl, String var, Class<T> type) {
        return vars.stream().filter(p -> p.impl().equals(impl) && p.var().equals(var))
                .map(p -> type.cast(p.value())).toList();
    }

    /** The board_support event var, as wire strings. */
    public List<String> boardEvents() {
        return values("board_support", "event", BspEvent.class).stream().map(e -> e.event().wire()).toList();
    }

    /** The ev_board_support bsp_event var, as wire strings. */
    public List<String> carEvents() {
        return values("ev_board_support", "bsp_event", BspEvent.class).stream().map(e -> e.event().wire()).toList();
    }

    public void clear() {
        vars.clear();
        errors.clear();
    }

    public ErrorReporter reporter(String impl) {
        return new ErrorReporter() {
            private final Map<String, ErrorObject> active = new LinkedHashMap<>();

            @Override
            public ErrorObject raise(String type, String subType, String message, Severity severity) {
                errors.add(new ErrorCall(impl, true, type, severity, message));
                ErrorObject error = new ErrorObject(type, subType, "", message, severity,
                        new ImplementationId("yeti", impl), "2026-01-01T00:00:00Z", "uuid", ErrorState.Active, null);
                active.put(type + "/" + subType, error);
                return error;
            }

            @Override
            public boolean clear(String type, String subType) {
                errors.add(new ErrorCall(impl, false, type, null, null));
                return active.remove(type + "/" + subType) != null;
            }

            @Override
            public int clearAll(String type) {
                throw new UnsupportedOperationException();
            }

            @Override
            public int clearAll() {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<ErrorObject> active() {
                return List.copyOf(active.values());
            }
        };
    }
}
