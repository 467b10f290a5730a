package dev.pylon.runtime.internal.bus;

import dev.pylon.api.CmdException;
import dev.pylon.api.CmdException.Kind;
import dev.pylon.api.CmdInfo;
import dev.pylon.api.ImplementationId;
import dev.pylon.api.InterfaceDescriptor;
import dev.pylon.api.Severity;
import dev.pylon.api.errors.PylonErrors;
import dev.pylon.contract.SchemaValidator;
import dev.pylon.contract.SchemaViolation;
import java.lang.System.Logger.Level;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Carries cmd calls from endpoints to raw providers: checks arguments and result against the contract (when
 * {@code validate_schema} is on), turns every failure into a typed {@link CmdException}, and runs the handler either
 * on a shared cached pool with a time limit (the default) or on the caller's thread ({@code cmd_direct}). No lock is
 * held while a handler runs, and the pool grows as needed, so modules calling each other cannot deadlock on the bus.
 */
public final class CmdRouter {
    private static final System.Logger LOG = System.getLogger(CmdRouter.class.getName());

    private final Map<ImplementationId, Endpoint> endpoints = new LinkedHashMap<>();
    private final SchemaValidator validator;
    private final long timeoutMs;
    private final boolean direct;
    private final ExecutorService pool;
    private final ErrorRegistry errors;
    private final BusStats stats;
    private volatile boolean closed;
    private volatile boolean stopping;

    /**
     * @param validator checks arguments and results, or null when {@code validate_schema} is off
     * @param pool      runs handlers in pool mode; must not bound its threads (a cached pool)
     */
    public CmdRouter(BusSettings settings, SchemaValidator validator, ExecutorService pool, ErrorRegistry errors,
            BusStats stats) {
        this.validator = validator;
        this.timeoutMs = settings.cmdTimeoutMs();
        this.direct = settings.cmdDirect();
        this.pool = pool;
        this.errors = errors;
        this.stats = stats;
    }

    /** Creates the endpoint of implementation {@code id} (done once per implementation when the config is applied). */
    public synchronized Endpoint declare(ImplementationId id, InterfaceDescriptor<?, ?> descriptor) {
        return endpoints.computeIfAbsent(id, k -> new Endpoint(id, descriptor, this));
    }

    public synchronized Endpoint endpoint(ImplementationId id) {
        Endpoint endpoint = endpoints.get(id);
        if (endpoint == null) {
            throw new IllegalArgumentException("no implementation " + id + " in the running config");
        }
        return endpoint;
    }

    public synchronized Collection<Endpoint> endpoints() {
        return Collections.unmodifiableCollection(List.copyOf(endpoints.values()));
    }

    /** From now on every call fails with {@link Kind#Shutdown}. */
    public void close() {
        closed = true;
    }

    /** The framework is stopping: providers going away are expected and no longer reported as missing. */
    public void stopping() {
        stopping = true;
    }

    Object call(Endpoint endpoint, String cmd, Object[] args) {
        String target = endpoint.id() + "." + cmd;
        if (closed) {
            throw new CmdException(Kind.Shutdown, target, "the runtime is stopping", null);
        }
        InterfaceDescriptor<?, ?> descriptor = endpoint.descriptor();
        CmdInfo info = descriptor.cmds().get(cmd);
        Object[] arguments = args == null ? new Object[0] : args;
        if (info == null || info.argumentNames().size() != arguments.length) {
            throw new CmdException(Kind.MessageParsingError, target, info == null
                    ? "interface " + descriptor.name() + " has no such cmd; cmds: " + descriptor.cmds().keySet()
                    : "expects arguments " + info.argumentNames() + ", got " + arguments.length, null);
        }
        Object provider = endpoint.current();
        if (provider == null) {
            throw new CmdException(Kind.NotReady, target, "no provider is running", null);
        }
        if (validator != null) {
            validateArguments(descriptor.name(), info, arguments, target);
        }
        BusStats.Counters counters = stats.module(endpoint.id().moduleId());
        counters.cmdCalls.increment();
        Object result = direct ? runDirect(endpoint, provider, cmd, arguments, target)
                : runPooled(endpoint, provider, cmd, arguments, target);
        if (validator != null) {
            try {
                validator.validateResult(descriptor.name(), cmd, Json.mapper().valueToTree(result));
            } catch (SchemaViolation | IllegalArgumentException e) {
                counters.schemaViolations.increment();
                LOG.log(Level.WARNING, () -> "the result of " + target + " breaks the contract: " + e.getMessage());
                throw new CmdException(Kind.SchemaValidationError, target, e.getMessage(), e);
            }
        }
        if (endpoint.markWorking(cmd)) {
            errors.clear(endpoint.id(), PylonErrors.HANDLER_EXCEPTION, cmd);
        }
        return result;
    }

    private void validateArguments(String iface, CmdInfo info, Object[] args, String target) {
        for (int i = 0; i < args.length; i++) {
            String name = info.argumentNames().get(i);
            try {
                validator.validateArgument(iface, info.name(), name, Json.mapper().valueToTree(args[i]));
            } catch (SchemaViolation | IllegalArgumentException e) {
                throw new CmdException(Kind.SchemaValidationError, target, e.getMessage(), e);
            }
        }
    }

    private static Object dispatch(Endpoint endpoint, Object provider, String cmd, Object[] args) {
        @SuppressWarnings("unchecked")
        InterfaceDescriptor<Object, ?> descriptor = (InterfaceDescriptor<Object, ?>) endpoint.descriptor();
        return descriptor.dispatch(provider, cmd, args);
    }

    private Object runDirect(Endpoint endpoint, Object provider, String cmd, Object[] args, String target) {
        try {
            return dispatch(endpoint, provider, cmd, args);
        } catch (Throwable t) { // whatever the handler throws reaches the caller typed
            throw handlerFailed(endpoint, cmd, target, t);
        }
    }

    private Object runPooled(Endpoint endpoint, Object provider, String cmd, Object[] args, String target) {
        Future<Object> future;
        try {
            future = pool.submit(() -> dispatch(endpoint, provider, cmd, args));
        } catch (RejectedExecutionException e) {
            throw new CmdException(Kind.Shutdown, target, "the runtime is stopping", e);
        }
        try {
            return future.get(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw handlerFailed(endpoint, cmd, target, e.getCause());
        } catch (TimeoutException e) {
            // not interrupted: an interrupt could break the provider's own I/O (an interrupted NIO channel closes)
            future.cancel(false);
            stats.module(endpoint.id().moduleId()).cmdTimeouts.increment();
            String message = "no result within " + timeoutMs + " ms";
            report(endpoint, cmd, target, message, null);
            throw new CmdException(Kind.CmdTimeout, target, message, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(false);
            throw new CmdException(Kind.Shutdown, target, "the caller was interrupted", e);
        }
    }

    private CmdException handlerFailed(Endpoint endpoint, String cmd, String target, Throwable cause) {
        stats.module(endpoint.id().moduleId()).handlerExceptions.increment();
        report(endpoint, cmd, target, String.valueOf(cause), cause);
        return new CmdException(Kind.HandlerException, target, String.valueOf(cause), cause);
    }

    /** Logs a failing cmd (loudly the first time in a row) and raises {@code pylon/HandlerException} for it. */
    private void report(Endpoint endpoint, String cmd, String target, String message, Throwable cause) {
        if (endpoint.markFailing(cmd)) {
            LOG.log(Level.WARNING, "cmd " + target + " failed: " + message, cause);
            errors.raise(endpoint.id(), PylonErrors.HANDLER_EXCEPTION, cmd, message, Severity.Medium);
        } else {
            LOG.log(Level.DEBUG, () -> "cmd " + target + " failed again: " + message);
        }
    }

    void providerMissing(Endpoint endpoint) {
        if (stopping) {
            LOG.log(Level.DEBUG, () -> "provider of " + endpoint.id() + " stopped with the framework");
            return;
        }
        LOG.log(Level.WARNING, () -> "no provider left for " + endpoint.id() + " (" + endpoint.descriptor().name() + ")");
        errors.raise(endpoint.id(), PylonErrors.PROVIDER_MISSING, "", "no provider of " + endpoint.descriptor().name()
                + " is running for " + endpoint.id(), Severity.High);
    }

    void providerBack(Endpoint endpoint) {
        LOG.log(Level.INFO, () -> "provider back for " + endpoint.id());
        errors.clear(endpoint.id(), PylonErrors.PROVIDER_MISSING, "");
    }
}
