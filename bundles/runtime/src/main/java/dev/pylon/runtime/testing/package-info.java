/**
 * Test support for module authors: a bus that delivers at once on the calling thread, so a module's logic can be
 * unit-tested without OSGi (with {@link dev.pylon.runtime.timers.SimulatedTimers} for time).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package dev.pylon.runtime.testing;
