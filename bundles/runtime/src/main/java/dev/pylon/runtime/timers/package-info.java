/** Time for tests: a clock that moves only when the test says so. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package dev.pylon.runtime.timers;
