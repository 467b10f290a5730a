/**
 * The simulated board's own API beyond the contract: {@link dev.pylon.boardsupport.sim.SimulatorControl} injects
 * errors and shows the simulated hardware.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package dev.pylon.boardsupport.sim;
