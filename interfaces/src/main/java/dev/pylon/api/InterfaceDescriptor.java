package dev.pylon.api;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * What the runtime knows about one interface of the contract: its cmds and vars with their Java types, the error
 * types its providers may raise, and calls between contract names and Java methods that use no reflection on the
 * hot path. One generated subclass exists per interface ({@code <Interface>Descriptor.INSTANCE}).
 *
 * @param <C> the generated cmd interface, implemented by providers
 * @param <L> the generated var listener, implemented by requirers
 */
@ProviderType
public abstract class InterfaceDescriptor<C, L> {
    private final String name;
    private final Class<C> cmdType;
    private final Class<L> listenerType;
    private final List<String> errors;
    private final Map<String, CmdInfo> cmds;
    private final Map<String, VarInfo> vars;

    /**
     * @param cmdRows each {@code {cmd name, Java method name, argument names...}}
     * @param varRows each {@code {var name, listener method name}}
     */
    protected InterfaceDescriptor(String name, Class<C> cmdType, Class<L> listenerType, List<String> errors,
            String[][] cmdRows, String[][] varRows) {
        this.name = name;
        this.cmdType = cmdType;
        this.listenerType = listenerType;
        this.errors = List.copyOf(errors);
        Map<String, CmdInfo> cmdMap = new LinkedHashMap<>();
        for (String[] row : cmdRows) {
            Method method = method(cmdType, row[1]);
            cmdMap.put(row[0], new CmdInfo(row[0], method, List.of(Arrays.copyOfRange(row, 2, row.length)),
                    List.of(method.getGenericParameterTypes()), method.getGenericReturnType()));
        }
        this.cmds = Collections.unmodifiableMap(cmdMap);
        Map<String, VarInfo> varMap = new LinkedHashMap<>();
        for (String[] row : varRows) {
            Method method = method(listenerType, row[1]);
            varMap.put(row[0], new VarInfo(row[0], method, method.getGenericParameterTypes()[0]));
        }
        this.vars = Collections.unmodifiableMap(varMap);
    }

    private static Method method(Class<?> type, String javaName) {
        List<Method> found = new ArrayList<>();
        for (Method m : type.getMethods()) {
            if (m.getName().equals(javaName) && !m.isSynthetic()) {
                found.add(m);
            }
        }
        if (found.size() != 1) {
            throw new IllegalStateException(type.getName() + " has " + found.size() + " methods named " + javaName);
        }
        return found.get(0);
    }

    /** The interface name in the contract, for example {@code evse_board_support}. */
    public final String name() {
        return name;
    }

    public final Class<C> cmdType() {
        return cmdType;
    }

    public final Class<L> listenerType() {
        return listenerType;
    }

    /** The error types ({@code <file>/<Name>}) a provider of this interface may raise. */
    public final List<String> errors() {
        return errors;
    }

    /** The cmds by contract name, in contract order. */
    public final Map<String, CmdInfo> cmds() {
        return cmds;
    }

    /** The vars by contract name, in contract order. */
    public final Map<String, VarInfo> vars() {
        return vars;
    }

    /**
     * Calls cmd {@code cmd} on {@code target} with already typed arguments in contract order; returns its result or
     * {@code null}. Exceptions thrown by the target propagate unchanged.
     */
    public abstract Object dispatch(C target, String cmd, Object[] args);

    /** A {@code C} whose every cmd goes through {@code invoker}. */
    public abstract C client(CmdInvoker invoker);

    /** Hands var {@code var} with an already typed value to {@code listener}. */
    public abstract void deliver(L listener, String var, Object value);

    /** Casts a provider object to the cmd interface, with a message naming the interface when it is not one. */
    public final C cast(Object provider) {
        if (!cmdType.isInstance(provider)) {
            throw new ClassCastException(provider.getClass().getName() + " does not implement " + cmdType.getName()
                    + " (interface " + name + ")");
        }
        return cmdType.cast(provider);
    }

    protected final IllegalArgumentException unknownCmd(String cmd) {
        return new IllegalArgumentException("interface " + name + " has no cmd '" + cmd + "'; cmds: " + cmds.keySet());
    }

    protected final IllegalArgumentException unknownVar(String var) {
        return new IllegalArgumentException("interface " + name + " has no var '" + var + "'; vars: " + vars.keySet());
    }

    @Override
    public String toString() {
        return "interface " + name;
    }
}
