package dev.pylon.api;

import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.List;

/**
 * One cmd of an interface as the bus sees it.
 *
 * @param name          the cmd name in the contract
 * @param method        the Java method of the generated cmd interface
 * @param argumentNames the argument names in the contract, in call order
 * @param argumentTypes the Java types of the arguments (generic types included), in call order
 * @param resultType    the Java type of the result, {@code void.class} for none
 */
public record CmdInfo(String name, Method method, List<String> argumentNames, List<Type> argumentTypes,
        Type resultType) {
}
