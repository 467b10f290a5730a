package dev.pylon.scenarios;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;

/**
 * The little of Declarative Services the harness needs, done the way SCR does it: bind, activate and deactivate
 * methods are called by name (they are package-private in the modules, as DS allows), and a component property type
 * (an annotation such as {@code EvseManagerConfig}) is backed by the component properties.
 */
final class Ds {
    private Ds() {
    }

    /** Calls {@code target.name(args)}, whatever its visibility; an exception of the method is thrown as it is. */
    static Object call(Object target, String name, Object... args) {
        Method method = find(target.getClass(), name, args.length);
        try {
            method.setAccessible(true);
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(name + " of " + target.getClass().getName() + " failed", cause);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot call " + name + " of " + target.getClass().getName(), e);
        }
    }

    private static Method find(Class<?> type, String name, int arity) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                if (m.getName().equals(name) && m.getParameterCount() == arity) {
                    return m;
                }
            }
        }
        throw new IllegalArgumentException(type.getName() + " has no method " + name + " with " + arity
                + " parameters (renamed? the harness calls it as SCR would)");
    }

    /**
     * A component property type backed by {@code properties}, as SCR makes one: a method name maps to a property name
     * ({@code __} to {@code _}, {@code _} to {@code .}, {@code $$} to {@code $}, a single {@code $} dropped), values
     * are converted to the method's return type, and a missing property gives the method's default.
     */
    static <A> A componentPropertyType(Class<A> type, Map<String, ?> properties) {
        Object proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
            switch (method.getName()) {
                case "annotationType":
                    return type;
                case "toString":
                    return type.getSimpleName() + properties;
                case "hashCode":
                    return System.identityHashCode(self);
                case "equals":
                    return self == args[0];
                default:
                    Object value = properties.get(propertyName(method.getName()));
                    return value == null ? method.getDefaultValue() : convert(value, method.getReturnType());
            }
        });
        return type.cast(proxy);
    }

    static String propertyName(String methodName) {
        StringBuilder out = new StringBuilder(methodName.length());
        for (int i = 0; i < methodName.length(); i++) {
            char c = methodName.charAt(i);
            boolean doubled = i + 1 < methodName.length() && methodName.charAt(i + 1) == c;
            if (c == '_') {
                out.append(doubled ? '_' : '.');
                i += doubled ? 1 : 0;
            } else if (c == '$') {
                if (doubled) {
                    out.append('$');
                    i++;
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static Object convert(Object value, Class<?> to) {
        if (to == String.class) {
            return String.valueOf(value);
        }
        if (to == boolean.class) {
            return value instanceof Boolean b ? b : Boolean.parseBoolean(String.valueOf(value));
        }
        Number n = value instanceof Number number ? number : Double.valueOf(String.valueOf(value));
        if (to == int.class) {
            return n.intValue();
        }
        if (to == long.class) {
            return n.longValue();
        }
        if (to == double.class) {
            return n.doubleValue();
        }
        if (to == float.class) {
            return n.floatValue();
        }
        throw new IllegalArgumentException("cannot convert " + value + " to " + to);
    }
}
