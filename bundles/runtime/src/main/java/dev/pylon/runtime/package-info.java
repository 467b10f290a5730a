/**
 * What a module sees of the runtime: {@link dev.pylon.runtime.ModuleBus} hands each module instance its
 * {@link dev.pylon.runtime.ModuleContext} (publish vars, raise and clear errors, subscribe to the vars and errors of
 * what it requires, signal ready). Cmds of required implementations arrive as DS references.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package dev.pylon.runtime;
