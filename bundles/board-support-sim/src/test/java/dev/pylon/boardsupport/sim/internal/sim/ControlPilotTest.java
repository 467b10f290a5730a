package dev.pylon.boardsupport.sim.internal.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.pylon.api.types.boardsupportcommon.BspEvent.Event;
import dev.pylon.boardsupport.sim.internal.sim.ControlPilot.Car;
import dev.pylon.boardsupport.sim.internal.sim.ControlPilot.Drive;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ControlPilotTest {

    @ParameterizedTest(name = "board enabled={0}, charger drives {1}, car {2} -> {3}")
    @CsvSource({
            // no car: A whatever the charger drives, unless it drives F or E itself
            "true,  X1,  UNPLUGGED, A",
            "true,  PWM, UNPLUGGED, A",
            "true,  F,   UNPLUGGED, F",
            "true,  E,   UNPLUGGED, E",
            // a car: its switch S2 decides, with or without PWM (C with steady +12 V is C1)
            "true,  X1,  B, B",
            "true,  PWM, B, B",
            "true,  X1,  C, C",
            "true,  PWM, C, C",
            "true,  PWM, D, D",
            // the car shorts the line
            "true,  PWM, E, E",
            // the charger's own F or E wins over the car
            "true,  F,   C, F",
            "true,  E,   C, E",
            // out of service: F
            "false, PWM, C, F",
            "false, X1,  UNPLUGGED, F",
    })
    void theMeasuredStateFollowsTheChargerThenTheCar(boolean enabled, Drive drive, Car car, Event expected) {
        assertThat(ControlPilot.measured(enabled, drive, car)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} with car {1} is seen by the car as {2}")
    @CsvSource({"A, UNPLUGGED, Disconnected", "F, UNPLUGGED, Disconnected", "B, B, B", "C, C, C", "F, C, F"})
    void theCarSeesDisconnectedWhileUnplugged(Event measured, Car car, Event seen) {
        assertThat(ControlPilot.seenByCar(measured, car)).isEqualTo(seen);
    }

    @ParameterizedTest(name = "{0} % offers {1} A")
    @CsvSource({
            "5,      0",     // digital communication only
            "7.9,    0",
            "8,      6",
            "9.9,    6",
            "10,     6",
            "26.6667, 16",   // what EvseManager sends for 16 A
            "53.3333, 32",
            "85,     51",
            "90,     65",
            "96,     80",
            "97,     80",
            "97.1,   0",
            "100,    0",
    })
    void dutyCycleToAmps(double duty, double amps) {
        assertThat(ControlPilot.ampsFromDuty(duty)).isCloseTo(amps, within(0.001));
    }

    @ParameterizedTest(name = "board enabled={0}, drive {1} at {2} % -> car measures {3} %")
    @CsvSource({"true, PWM, 26.67, 26.67", "true, X1, 26.67, 100", "true, F, 26.67, 0", "true, E, 50, 0",
            "false, PWM, 26.67, 0"})
    void theCarMeasuresTheDutyCycleOfWhatIsDriven(boolean enabled, Drive drive, double pwm, double measured) {
        assertThat(ControlPilot.measuredDuty(enabled, drive, pwm)).isEqualTo(measured);
    }
}
