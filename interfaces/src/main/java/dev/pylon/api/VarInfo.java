package dev.pylon.api;

import java.lang.reflect.Method;
import java.lang.reflect.Type;

/**
 * One var of an interface as the bus sees it.
 *
 * @param name           the var name in the contract
 * @param listenerMethod the method of the generated listener that receives it
 * @param type           its Java type (generic types included)
 */
public record VarInfo(String name, Method listenerMethod, Type type) {
}
