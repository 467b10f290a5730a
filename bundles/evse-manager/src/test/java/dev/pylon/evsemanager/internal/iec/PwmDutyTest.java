package dev.pylon.evsemanager.internal.iec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PwmDutyTest {
    @ParameterizedTest(name = "{0} A -> {1} %")
    @CsvSource({
        // below the range: no valid PWM
        "0, 100", "5.0, 100", "5.89, 100",
        // 5.9..6.1 A: 10 %
        "5.9, 10", "6.0, 10", "6.1, 10",
        // up to 51 A: A / 0.6
        "6.2, 10.3333333", "10, 16.6666667", "13, 21.6666667", "16, 26.6666667", "20, 33.3333333",
        "32, 53.3333333", "51, 85",
        // 51..52.5 A has no duty cycle: clamped to 51 A
        "51.5, 85", "52.4, 85",
        // 52.5..80 A: A / 2.5 + 64
        "52.5, 85", "63, 89.2", "70, 92", "80, 96",
        // up to 80.1 A: 97 %; above: invalid
        "80.05, 97", "80.1, 97", "80.2, 100", "100, 100"
    })
    void dutyCycleForCurrent(double ampere, double percent) {
        assertThat(PwmDuty.percentFor(ampere)).isCloseTo(percent, within(1e-6));
    }

    @ParameterizedTest(name = "{0} % signals {1} A")
    @CsvSource({"100, 0", "0, 0", "5, 0", "10, 6", "26.6666667, 16", "53.3333333, 32", "85, 51", "89.2, 63", "96, 80"})
    void currentForDutyCycle(double percent, double ampere) {
        assertThat(PwmDuty.ampereFor(percent)).isCloseTo(ampere, within(1e-5));
    }

    @ParameterizedTest(name = "{0} A available: {1}")
    @CsvSource({"0, false", "5.9, false", "5.91, true", "6, true", "32, true"})
    void powerAvailable(double ampere, boolean available) {
        assertThat(PwmDuty.powerAvailable(ampere)).isEqualTo(available);
    }
}
