package dev.pylon.evsimulator.internal.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.pylon.api.ErrorObject;
import dev.pylon.api.Severity;
import dev.pylon.api.carsimulator.CarSimulatorPublisher;
import dev.pylon.api.evboardsupport.EvBoardSupport;
import dev.pylon.api.evboardsupport.EvBoardSupportDescriptor;
import dev.pylon.api.evboardsupport.EvBoardSupportListener;
import dev.pylon.api.evboardsupport.EvBoardSupportPublisher;
import dev.pylon.api.evseboardsupport.EvseBoardSupport;
import dev.pylon.api.evseboardsupport.EvseBoardSupportPublisher;
import dev.pylon.api.powermeter.PowermeterPublisher;
import dev.pylon.api.types.boardsupportcommon.BspEvent;
import dev.pylon.api.types.boardsupportcommon.BspMeasurement;
import dev.pylon.api.types.evseboardsupport.PowerOnOff;
import dev.pylon.api.types.powermeter.Powermeter;
import dev.pylon.boardsupport.sim.internal.boardsupport.BoardSupportImpl;
import dev.pylon.boardsupport.sim.internal.evboardsupport.EvBoardSupportImpl;
import dev.pylon.boardsupport.sim.internal.sim.YetiConfig;
import dev.pylon.boardsupport.sim.internal.sim.YetiSimulation;
import dev.pylon.runtime.ErrorReporter;
import dev.pylon.runtime.timers.SimulatedTimers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The EV simulator and the simulated board wired directly, with a fake bus that delivers every var and cmd as a
 * separate task on the Timers thread (as the real bus does: never re-entrantly), and a fake charger side that does
 * what EvseManager does in the simplest AC session: PWM at 16 A and permission to switch on once a car is plugged in,
 * X1 and no permission once it leaves.
 */
class PlugChargeUnplugTest {
    static final double WATTS = 230 * 16 * 3;

    final SimulatedTimers timers = new SimulatedTimers();
    final List<String> boardEvents = new ArrayList<>();
    final List<String> carEvents = new ArrayList<>();
    final List<Powermeter> readings = new ArrayList<>();
    YetiSimulation board;
    CarSimulation car;
    EvseBoardSupport chargerToBoard;

    @BeforeEach
    void wire() {
        EvBoardSupportListener carListener = new EvBoardSupportListener() {
            @Override
            public void onBspEvent(BspEvent value) {
                carEvents.add(value.event().wire());
                car.onBspEvent(value);
            }

            @Override
            public void onBspMeasurement(BspMeasurement value) {
                car.onBspMeasurement(value);
            }
        };
        board = new YetiSimulation(YetiConfig.defaults(1), timers, new YetiSimulation.Outputs(
                new EvseBoardSupportPublisher((var, value) -> later(() -> {
                    if (var.equals("event")) {
                        charger(((BspEvent) value).event());
                    }
                })),
                new EvBoardSupportPublisher(
                        (var, value) -> later(() -> EvBoardSupportDescriptor.INSTANCE.deliver(carListener, var, value))),
                new PowermeterPublisher((var, value) -> readings.add((Powermeter) value)),
                ignoringErrors(), ignoringErrors()));
        chargerToBoard = new BoardSupportImpl(board, this::later);
        EvBoardSupport boardForCar = EvBoardSupportDescriptor.INSTANCE.client((cmd, args) -> {
            later(() -> EvBoardSupportDescriptor.INSTANCE.dispatch(new EvBoardSupportImpl(board, Runnable::run), cmd,
                    args));
            return null;
        });
        car = new CarSimulation(EvConfig.defaults(1), timers, boardForCar, new CarSimulatorPublisher((var, v) -> {
        }));
        board.start();
        car.start(List.of());
        car.enable(true);
        timers.runDue();
    }

    @Test
    void plugChargeUnplug() {
        car.execute(ScriptParser.parse("sleep 1;iec_wait_pwr_ready;sleep 1;draw_power_regulated 16,3;sleep 60;unplug"),
                false);
        timers.advance(Duration.ofSeconds(10));
        assertThat(boardEvents).containsExactly("A", "B", "C", "PowerOn");
        assertThat(board.status().currentL1()).isCloseTo(16, within(1e-9));
        assertThat(board.status().currentL3()).isCloseTo(16, within(1e-9));
        assertThat(board.status().powerW()).isCloseTo(WATTS, within(1e-6));

        timers.advance(Duration.ofSeconds(60));
        assertThat(boardEvents).containsExactly("A", "B", "C", "PowerOn", "A", "PowerOff");
        assertThat(carEvents).containsExactly("Disconnected", "B", "C", "PowerOn", "Disconnected", "PowerOff");
        assertThat(car.running()).isFalse();
        assertThat(board.status().powerW()).isZero();
        // Power flows from the board tick after C (within 250 ms) until unplug 60 s after C: 59.75..60 s at 11 040 W.
        assertThat(board.energyWh()).isBetween(WATTS * 59.75 / 3600 - 1e-6, WATTS * 60 / 3600);
        timers.advance(Duration.ofSeconds(2));
        Powermeter last = readings.get(readings.size() - 1);
        assertThat(last.energyWhImport().total()).isCloseTo(board.energyWh(), within(1e-9));
        assertThat(last.powerW().total()).isZero();
    }

    @Test
    void theCarPausesAndResumes() {
        car.execute(ScriptParser.parse("iec_wait_pwr_ready;draw_power_regulated 16,3;sleep 10;pause;sleep 5;"
                + "draw_power_regulated 16,3;sleep 10;unplug"), false);
        timers.advance(Duration.ofSeconds(40));
        assertThat(boardEvents).containsExactly("A", "B", "C", "PowerOn", "B", "PowerOff", "C", "PowerOn", "A",
                "PowerOff");
        assertThat(board.energyWh()).isBetween(WATTS * 19.5 / 3600, WATTS * 20 / 3600);
    }

    @Test
    void theCarDrawsNoMoreThanItsOwnMaximumOnItsPhases() {
        car.execute(ScriptParser.parse("iec_wait_pwr_ready;draw_power_regulated 10,1;sleep 30"), false);
        timers.advance(Duration.ofSeconds(5));
        assertThat(board.status().currentL1()).isCloseTo(10, within(1e-9));
        assertThat(board.status().currentL2()).isZero();
        assertThat(board.status().powerW()).isCloseTo(2300, within(1e-6));
    }

    @Test
    void errorEStopsPowerAtOnce() {
        car.execute(ScriptParser.parse("iec_wait_pwr_ready;draw_power_regulated 16,3;sleep 5;error_e;sleep 10"),
                false);
        timers.advance(Duration.ofSeconds(10));
        assertThat(boardEvents).containsExactly("A", "B", "C", "PowerOn", "E", "PowerOff");
    }

    /** The fake charger: what EvseManager does in a plain AC session, as far as the board sees it. */
    private void charger(BspEvent.Event event) {
        boardEvents.add(event.wire());
        switch (event) {
            case B -> {
                chargerToBoard.pwmOn(16 / 0.6);
                chargerToBoard.allowPowerOn(new PowerOnOff(true, PowerOnOff.Reason.FullPowerCharging));
            }
            case A, E, F -> {
                chargerToBoard.allowPowerOn(new PowerOnOff(false, PowerOnOff.Reason.PowerOff));
                chargerToBoard.cpStateX1();
            }
            default -> {
            }
        }
    }

    private void later(Runnable task) {
        timers.schedule(Duration.ZERO, task);
    }

    private static ErrorReporter ignoringErrors() {
        return new ErrorReporter() {
            @Override
            public ErrorObject raise(String type, String subType, String message, Severity severity) {
                throw new AssertionError("no error expected, got " + type);
            }

            @Override
            public boolean clear(String type, String subType) {
                return false;
            }

            @Override
            public int clearAll(String type) {
                return 0;
            }

            @Override
            public int clearAll() {
                return 0;
            }

            @Override
            public List<ErrorObject> active() {
                return List.of();
            }
        };
    }
}
