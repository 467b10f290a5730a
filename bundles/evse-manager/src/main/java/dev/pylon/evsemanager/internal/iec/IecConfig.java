package dev.pylon.evsemanager.internal.iec;

/**
 * The settings of the IEC layer.
 *
 * @param hasVentilation  state D may get power
 * @param lockInStateB    lock the connector in B already (IEC 61851-1:2019 D.6.5), not only in C/D
 */
public record IecConfig(boolean hasVentilation, boolean lockInStateB) {
}
