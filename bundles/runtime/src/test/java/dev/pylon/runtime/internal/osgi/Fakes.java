package dev.pylon.runtime.internal.osgi;

import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.function.Function;

/** Stand-ins for OSGi interfaces: each answers the methods it is given and fails on any other. */
final class Fakes {
    private Fakes() {
    }

    static <T> T of(Class<T> type, Map<String, Function<Object[], Object>> methods) {
        Object proxy = Proxy.newProxyInstance(Fakes.class.getClassLoader(), new Class<?>[] {type}, (self, m, args) -> {
            Function<Object[], Object> answer = methods.get(m.getName());
            if (answer != null) {
                return answer.apply(args == null ? new Object[0] : args);
            }
            switch (m.getName()) {
                case "hashCode":
                    return System.identityHashCode(self);
                case "equals":
                    return self == args[0];
                case "toString":
                    return "fake " + type.getSimpleName();
                default:
                    throw new UnsupportedOperationException(type.getSimpleName() + "." + m.getName());
            }
        });
        return type.cast(proxy);
    }
}
