package dev.pylon.evsemanager.internal.errors;

import dev.pylon.api.ErrorObject;
import dev.pylon.api.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The active errors this EVSE cares about: those of the implementations it requires (keyed by origin, type and sub
 * type) and those it raised itself. Reduces them to one question: is there a fatal error, and how severe is the worst.
 */
public final class ErrorTracker {
    /** How charging is shut down while a fatal error is active. */
    public enum Shutdown {
        /** No fatal error. */
        NONE,
        /** A fatal error of severity Low or Medium: contactors open, PWM may stay on. */
        ERROR,
        /** A fatal error of severity High: contactors open and the PWM stops. */
        EMERGENCY
    }

    private final Map<String, ErrorObject> required = new LinkedHashMap<>();
    private final Map<String, Severity> own = new LinkedHashMap<>();

    /** Records a raise or clear from a required implementation; returns whether the set changed. */
    public boolean onRequired(ErrorObject error) {
        String key = error.origin() + "|" + error.type() + "|" + error.subType();
        if (error.isActive()) {
            return required.put(key, error) == null;
        }
        return required.remove(key) != null;
    }

    /** Records an error this module raised; returns whether it was new. */
    public boolean raisedOwn(String type, Severity severity) {
        return own.put(type, severity) == null;
    }

    /** Records that this module cleared its error {@code type}; returns whether it was active. */
    public boolean clearedOwn(String type) {
        return own.remove(type) != null;
    }

    public boolean ownActive(String type) {
        return own.containsKey(type);
    }

    /** The types of the own errors that are active, in raise order. */
    public List<String> ownTypes() {
        return List.copyOf(own.keySet());
    }

    /** Forgets the errors of one required implementation, e.g. when its provider left and the bus cleared them. */
    public void forgetOrigin(String originPrefix) {
        required.keySet().removeIf(k -> k.startsWith(originPrefix + "|"));
    }

    public boolean fatal() {
        return shutdown() != Shutdown.NONE;
    }

    public Shutdown shutdown() {
        Severity worst = null;
        boolean any = false;
        for (ErrorObject e : required.values()) {
            if (ErrorPolicy.isFatal(e.type())) {
                any = true;
                worst = max(worst, e.severity());
            }
        }
        for (Map.Entry<String, Severity> e : own.entrySet()) {
            if (ErrorPolicy.isFatal(e.getKey())) {
                any = true;
                worst = max(worst, e.getValue());
            }
        }
        if (!any) {
            return Shutdown.NONE;
        }
        return worst == Severity.High ? Shutdown.EMERGENCY : Shutdown.ERROR;
    }

    /** The fatal errors, for messages: {@code type (origin)}. */
    public List<String> fatalCauses() {
        List<String> causes = new ArrayList<>();
        for (ErrorObject e : required.values()) {
            if (ErrorPolicy.isFatal(e.type())) {
                causes.add(e.type() + " (" + e.origin() + ")");
            }
        }
        for (String type : own.keySet()) {
            if (ErrorPolicy.isFatal(type)) {
                causes.add(type);
            }
        }
        return causes;
    }

    private static Severity max(Severity a, Severity b) {
        // An error without a severity counts as High: unknown is treated as the worst case.
        Severity bb = b == null ? Severity.High : b;
        return a == null || bb.compareTo(a) > 0 ? bb : a;
    }
}
