/**
 * The bus-facing part of the Pylon API, shared by every generated interface: how vars are published
 * ({@link dev.pylon.api.VarPublisher}), how cmds reach a connected implementation
 * ({@link dev.pylon.api.CmdInvoker}), and what the runtime knows about each interface
 * ({@link dev.pylon.api.InterfaceDescriptor}, {@link dev.pylon.api.Interfaces}).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package dev.pylon.api;
