package dev.pylon.boardsupport.sim.internal.sim;

import dev.pylon.api.types.powermeter.Powermeter;
import dev.pylon.api.types.units.Current;
import dev.pylon.api.types.units.Energy;
import dev.pylon.api.types.units.Frequency;
import dev.pylon.api.types.units.Power;
import dev.pylon.api.types.units.Voltage;
import java.time.Duration;
import java.time.Instant;

/**
 * A simulated three-phase meter. The phase currents are piecewise constant: every change goes through
 * {@link #setCurrents}, which first books the energy of the interval that ends now at the old currents, so the
 * counters are exact (energy = V × I × t per phase) however rarely they are read.
 */
public final class EnergyMeter {
    private static final double FREQUENCY_HZ = 50.0;

    private final String meterId;
    private final double voltage;
    private final double[] amps = new double[3];
    private final double[] importedWh = new double[3];
    private Instant bookedUntil;

    public EnergyMeter(String meterId, double voltage, Instant start) {
        this.meterId = meterId;
        this.voltage = voltage;
        this.bookedUntil = start;
    }

    /** Books the energy up to {@code now} and then draws these currents (A per phase) from {@code now} on. */
    public void setCurrents(Instant now, double l1, double l2, double l3) {
        book(now);
        amps[0] = l1;
        amps[1] = l2;
        amps[2] = l3;
    }

    /** Sets the energy counters back to zero at {@code now}. */
    public void reset(Instant now) {
        book(now);
        java.util.Arrays.fill(importedWh, 0);
    }

    /** Energy imported so far on all phases, in Wh. */
    public double totalWh(Instant now) {
        book(now);
        return importedWh[0] + importedWh[1] + importedWh[2];
    }

    /** The current on phase 1..3, in A. */
    public double amps(int phase) {
        return amps[phase - 1];
    }

    /** Momentary active power of all phases, in W (unity power factor). */
    public double powerW() {
        return voltage * (amps[0] + amps[1] + amps[2]);
    }

    /** A full reading at {@code now}, as the powermeter var carries it (no signed fields: the simulator cannot sign). */
    public Powermeter reading(Instant now) {
        book(now);
        double neutral = neutralAmps();
        return Powermeter.builder()
                .timestamp(now.toString())
                .meterId(meterId)
                .energyWhImport(Energy.builder().total(importedWh[0] + importedWh[1] + importedWh[2])
                        .l1(importedWh[0]).l2(importedWh[1]).l3(importedWh[2]).build())
                .energyWhExport(Energy.builder().total(0).l1(0.0).l2(0.0).l3(0.0).build())
                .powerW(Power.builder().total(powerW())
                        .l1(voltage * amps[0]).l2(voltage * amps[1]).l3(voltage * amps[2]).build())
                .voltageV(Voltage.builder().l1(voltage).l2(voltage).l3(voltage).build())
                .currentA(Current.builder().l1(amps[0]).l2(amps[1]).l3(amps[2]).n(neutral).build())
                .frequencyHz(Frequency.builder().l1(FREQUENCY_HZ).l2(FREQUENCY_HZ).l3(FREQUENCY_HZ).build())
                .build();
    }

    private void book(Instant now) {
        if (now.isAfter(bookedUntil)) {
            double hours = Duration.between(bookedUntil, now).toNanos() / 3.6e12;
            for (int i = 0; i < 3; i++) {
                importedWh[i] += voltage * amps[i] * hours;
            }
            bookedUntil = now;
        }
    }

    /**
     * Neutral current of three resistive phase currents 120° apart: |I1 + I2·a + I3·a²|, which is 0 for a balanced
     * load and the phase current for a single-phase one.
     */
    private double neutralAmps() {
        double re = amps[0] - 0.5 * amps[1] - 0.5 * amps[2];
        double im = Math.sqrt(3) / 2 * (amps[1] - amps[2]);
        return Math.hypot(re, im);
    }
}
