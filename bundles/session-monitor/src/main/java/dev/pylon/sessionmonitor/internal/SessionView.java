package dev.pylon.sessionmonitor.internal;

import dev.pylon.api.types.authorization.ProvidedIdToken;
import dev.pylon.api.types.evsemanager.PauseChargingEVSEReasonEnum;
import dev.pylon.api.types.evsemanager.SessionEvent;
import dev.pylon.api.types.powermeter.Powermeter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a person watching one EVSE wants to read: one line per session event, and one line when the power changes or,
 * while power flows, every {@code powerInterval}. No threads, no clock, no bus: every input carries its time and
 * returns the lines to print, for example
 *
 * <pre>
 * connector_1  ChargingStarted       0.0 kW    0.00 kWh
 * connector_1  charging             11.0 kW    0.00 kWh  16.0 A x3
 * connector_1  charging             11.0 kW    0.09 kWh  16.0 A x3
 * connector_1  TransactionFinished   0.0 kW    0.10 kWh  EVDisconnected after 33 s
 * </pre>
 *
 * Energy is that of the session: the meter's import total minus its value at {@code TransactionStarted}; after the
 * transaction it stays on the final value until the next {@code SessionStarted}. Not thread-safe: the caller serialises inputs.
 */
public final class SessionView {
    /** Power below this counts as none, in W. */
    static final double NO_POWER_W = 1.0;
    /** A change of power is printed at once when it is larger than both of these. */
    static final double CHANGE_W = 100.0;
    static final double CHANGE_FRACTION = 0.10;
    private static final int EVENT_WIDTH = 20;
    private static final Duration READING_SLACK = Duration.ofMillis(500);

    private final String label;
    private final Duration powerInterval;
    private double powerW;
    private double totalWh = Double.NaN;
    private String currents = "";
    private Double baseWh;
    private Double finalWh;
    private Instant transactionStart;
    private double printedPowerW;
    private Instant printedPowerAt;

    /**
     * @param label         how lines name the EVSE, for example its module id {@code connector_1}
     * @param powerInterval how often power is printed while it flows; zero prints it only on change
     */
    public SessionView(String label, Duration powerInterval) {
        this.label = label;
        this.powerInterval = powerInterval;
    }

    /** The lines for a session event. */
    public List<String> onSessionEvent(SessionEvent event, Instant now) {
        if (event == null || event.event() == null) {
            return List.of();
        }
        String detail = "";
        switch (event.event()) {
            case SessionStarted -> {
                finalWh = null;
                baseWh = null;
                if (event.sessionStarted() != null && event.sessionStarted().reason() != null) {
                    detail = event.sessionStarted().reason().wire();
                }
            }
            case TransactionStarted -> {
                Powermeter meter = event.transactionStarted() == null ? null : event.transactionStarted().meterValue();
                baseWh = meter != null && meter.energyWhImport() != null ? meter.energyWhImport().total()
                        : Double.isNaN(totalWh) ? 0.0 : totalWh;
                finalWh = null;
                transactionStart = now;
                if (event.transactionStarted() != null) {
                    detail = token(event.transactionStarted().idTag());
                }
            }
            case TransactionFinished -> {
                Powermeter meter = event.transactionFinished() == null ? null
                        : event.transactionFinished().meterValue();
                if (meter != null && meter.energyWhImport() != null) {
                    totalWh = meter.energyWhImport().total();
                }
                finalWh = sessionWh();
                baseWh = null;
                List<String> parts = new ArrayList<>();
                if (event.transactionFinished() != null && event.transactionFinished().reason() != null) {
                    parts.add(event.transactionFinished().reason().wire());
                }
                if (transactionStart != null) {
                    parts.add("after " + duration(Duration.between(transactionStart, now)));
                    transactionStart = null;
                }
                detail = String.join(" ", parts);
            }
            case ChargingPausedEVSE -> {
                if (event.chargingPausedEvse() != null && event.chargingPausedEvse().reasons() != null) {
                    detail = event.chargingPausedEvse().reasons().stream().map(PauseChargingEVSEReasonEnum::wire)
                            .collect(Collectors.joining(", "));
                }
            }
            case SessionFinished -> {
                // the final energy stays on show until the next session starts
                finalWh = sessionWh();
                baseWh = null;
            }
            case Enabled, Disabled -> {
                if (event.source() != null && event.source().enableSource() != null) {
                    detail = "by " + event.source().enableSource().wire();
                }
            }
            default -> {
                // the event name says it all
            }
        }
        return List.of(line(event.event().wire(), sessionWh(), detail));
    }

    /** The lines for a meter reading: none, or one when the power changed or the interval has passed. */
    public List<String> onPowermeter(Powermeter meter, Instant now) {
        if (meter == null) {
            return List.of();
        }
        if (meter.energyWhImport() != null) {
            totalWh = meter.energyWhImport().total();
        }
        powerW = meter.powerW() != null ? meter.powerW().total() : 0.0;
        currents = currents(meter);
        boolean flowing = powerW >= NO_POWER_W;
        double change = Math.abs(powerW - printedPowerW);
        boolean changed = printedPowerAt == null ? flowing
                : change > CHANGE_W && change > CHANGE_FRACTION * Math.max(printedPowerW, powerW);
        // readings come about once a second: one that arrives up to half a second early counts as due
        boolean due = flowing && !powerInterval.isZero() && printedPowerAt != null
                && !now.plus(READING_SLACK).isBefore(printedPowerAt.plus(powerInterval));
        if (!changed && !due) {
            return List.of();
        }
        printedPowerW = powerW;
        printedPowerAt = now;
        return List.of(line(flowing ? "charging" : "no power", sessionWh(), flowing ? currents : ""));
    }

    /** Energy of the current (or just finished) transaction in Wh, or null outside one. */
    Double sessionWh() {
        if (baseWh != null) {
            return Double.isNaN(totalWh) ? 0.0 : Math.max(0.0, totalWh - baseWh);
        }
        return finalWh;
    }

    private String line(String what, Double wh, String detail) {
        StringBuilder s = new StringBuilder(96);
        s.append(label).append("  ").append(what);
        s.append(" ".repeat(Math.max(1, EVENT_WIDTH - what.length())));
        s.append(String.format(Locale.ROOT, "%5.1f kW  %7.2f kWh", powerW / 1000.0, wh == null ? 0.0 : wh / 1000.0));
        if (!detail.isEmpty()) {
            s.append("  ").append(detail);
        }
        return s.toString();
    }

    private static String currents(Powermeter meter) {
        if (meter.currentA() == null) {
            return "";
        }
        double max = 0;
        int phases = 0;
        for (Double amps : new Double[] {meter.currentA().l1(), meter.currentA().l2(), meter.currentA().l3()}) {
            if (amps != null && amps > 0.1) {
                phases++;
                max = Math.max(max, amps);
            }
        }
        return phases == 0 ? "" : String.format(Locale.ROOT, "%.1f A x%d", max, phases);
    }

    private static String token(ProvidedIdToken token) {
        if (token == null || token.idToken() == null) {
            return "";
        }
        return "token " + token.idToken().value();
    }

    static String duration(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
    }
}
