package dev.pylon.auth.internal;

import dev.pylon.api.ErrorObject;
import dev.pylon.api.ImplementationId;
import dev.pylon.api.auth.Auth;
import dev.pylon.api.auth.AuthPublisher;
import dev.pylon.api.authtokenprovider.AuthTokenProvider;
import dev.pylon.api.authtokenprovider.AuthTokenProviderListener;
import dev.pylon.api.authtokenvalidator.AuthTokenValidator;
import dev.pylon.api.errors.EvseManagerErrors;
import dev.pylon.api.evsemanager.EvseManager;
import dev.pylon.api.evsemanager.EvseManagerListener;
import dev.pylon.api.types.authorization.ProvidedIdToken;
import dev.pylon.api.types.authorization.WithdrawAuthorizationRequest;
import dev.pylon.api.types.authorization.WithdrawAuthorizationResult;
import dev.pylon.api.types.evsemanager.SessionEvent;
import dev.pylon.auth.internal.AuthAction.TimerId;
import dev.pylon.runtime.ModuleBus;
import dev.pylon.runtime.ModuleContext;
import dev.pylon.runtime.Subscription;
import dev.pylon.runtime.Timers;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Module Auth: the shell around {@link AuthLogic}. Every input (a token, a session event, an EVSE error, a timer, a
 * cmd) becomes a task on one worker, which runs the logic and carries out its actions; cmd calls to validators and
 * EVSE managers happen on that worker, never on a bus or timer thread, and no lock is held across them.
 */
@Component(name = "Auth", configurationPolicy = ConfigurationPolicy.REQUIRE, service = Auth.class)
public final class AuthModule implements Auth {
    static final String EVSE_MANAGER = "evse_manager";
    static final String TOKEN_PROVIDER = "token_provider";
    static final String TOKEN_VALIDATOR = "token_validator";
    private static final System.Logger LOG = System.getLogger(AuthModule.class.getName());

    private final ModuleContext context;
    private final Timers timers;
    private final ExecutorService ownThread;
    private final Executor worker;
    private final AuthLogic logic;
    private final AuthPublisher publisher;
    private final List<ImplementationId> evseIds;
    private final List<ImplementationId> validatorIds;
    private final Map<ImplementationId, EvseManager> evses = new ConcurrentHashMap<>();
    private final Map<ImplementationId, AuthTokenValidator> validators = new ConcurrentHashMap<>();
    private final Map<TimerId, Timers.Timer> timersRunning = new ConcurrentHashMap<>();
    /** Active evse_manager/Inoperative errors (by sub type) per EVSE; touched on the worker only. */
    private final Map<Integer, Set<String>> inoperative = new HashMap<>();
    private final List<Subscription> subscriptions = new ArrayList<>();
    private volatile boolean closed;

    @Activate
    public AuthModule(@Reference ModuleBus bus, @Reference Timers timers, Map<String, Object> properties) {
        this(bus.context(properties), timers, AuthConfig.from(properties), null);
    }

    /**
     * Not for DS: runs the module's steps on {@code executor} (one at a time, in order) instead of a thread of its
     * own, for a harness that drives the whole stack from one thread; {@code Runnable::run} runs them on the thread
     * that delivers the input.
     */
    public AuthModule(ModuleBus bus, Timers timers, Map<String, Object> properties, Executor executor) {
        this(bus.context(properties), timers, AuthConfig.from(properties), Objects.requireNonNull(executor));
    }

    /** With {@code executor} null the module runs its own worker thread; tests pass a direct executor. */
    AuthModule(ModuleContext context, Timers timers, AuthConfig config, Executor executor) {
        this.context = context;
        this.timers = timers;
        this.evseIds = context.connections(EVSE_MANAGER);
        this.validatorIds = context.connections(TOKEN_VALIDATOR);
        if (evseIds.size() > 1) {
            // AuthLogic handles any number of EVSEs; the bus merges the vars of all connections of a requirement,
            // so which EVSE sent a session event cannot be told yet (needs a per-connection subscribe).
            throw new IllegalStateException("Auth " + context.moduleId() + ": " + evseIds.size()
                    + " evse_manager connections " + evseIds + "; this version supports one per Auth instance");
        }
        this.logic = new AuthLogic(config, evseIds.size());
        this.publisher = new AuthPublisher(context.publisher("main"));
        if (executor == null) {
            this.ownThread = Executors.newSingleThreadExecutor(task -> {
                Thread thread = new Thread(task, "pylon-auth-" + context.moduleId());
                thread.setDaemon(true);
                return thread;
            });
            this.worker = ownThread;
        } else {
            this.ownThread = null;
            this.worker = new SerialExecutor(executor);
        }
    }

    /**
     * Subscribes once SCR has bound the references (after the constructor), so that the first token, which may be
     * a var's last value delivered at once, already finds its validators and EVSE managers.
     */
    @Activate
    void start() {
        subscriptions.add(context.subscribe(TOKEN_PROVIDER, new AuthTokenProviderListener() {
            @Override
            public void onProvidedToken(ProvidedIdToken token) {
                submit(() -> logic.onToken(token));
            }
        }));
        subscriptions.add(context.subscribe(EVSE_MANAGER, new EvseManagerListener() {
            @Override
            public void onSessionEvent(SessionEvent event) {
                submit(() -> logic.onSessionEvent(0, event));
            }
        }));
        subscriptions.add(context.subscribeErrors(EVSE_MANAGER, this::onEvseError));
        context.ready();
    }

    @Reference(name = EVSE_MANAGER, service = EvseManager.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void bindEvseManager(EvseManager evse, Map<String, Object> properties) {
        evses.put(idOf(properties), evse);
    }

    void unbindEvseManager(EvseManager evse, Map<String, Object> properties) {
        evses.remove(idOf(properties), evse);
    }

    @Reference(name = TOKEN_VALIDATOR, service = AuthTokenValidator.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void bindTokenValidator(AuthTokenValidator validator, Map<String, Object> properties) {
        validators.put(idOf(properties), validator);
    }

    void unbindTokenValidator(AuthTokenValidator validator, Map<String, Object> properties) {
        validators.remove(idOf(properties), validator);
    }

    /** Token providers have no cmds; the reference only makes Auth start once they are wired, as EVerest does. */
    @Reference(name = TOKEN_PROVIDER, service = AuthTokenProvider.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void bindTokenProvider(AuthTokenProvider provider) {
        // nothing to keep: tokens arrive as vars
    }

    void unbindTokenProvider(AuthTokenProvider provider) {
        // nothing kept
    }

    @Deactivate
    void stop() {
        closed = true;
        subscriptions.forEach(Subscription::close);
        timersRunning.values().forEach(Timers.Timer::cancel);
        timersRunning.clear();
        if (ownThread != null) {
            ownThread.shutdownNow();
        }
    }

    @Override
    public void setConnectionTimeout(int connectionTimeout) {
        if (connectionTimeout <= 0) {
            throw new IllegalArgumentException("connection_timeout must be positive: " + connectionTimeout);
        }
        submit(() -> {
            logic.setConnectionTimeout(Duration.ofSeconds(connectionTimeout));
            return List.of();
        });
    }

    @Override
    public void setMasterPassGroupId(String masterPassGroupId) {
        submit(() -> {
            logic.setMasterPassGroupId(masterPassGroupId);
            return List.of();
        });
    }

    @Override
    public WithdrawAuthorizationResult withdrawAuthorization(WithdrawAuthorizationRequest request) {
        if (closed) {
            return WithdrawAuthorizationResult.Rejected;
        }
        CompletableFuture<WithdrawAuthorizationResult> answer = new CompletableFuture<>();
        worker.execute(() -> {
            try {
                AuthLogic.Withdrawal withdrawal = logic.withdraw(request);
                apply(withdrawal.actions());
                answer.complete(withdrawal.result());
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        });
        return answer.join();
    }

    private void onEvseError(ErrorObject error) {
        int evse = evseIds.indexOf(error.origin());
        if (evse < 0 || !EvseManagerErrors.INOPERATIVE.equals(error.type())) {
            return;
        }
        submit(() -> {
            Set<String> active = inoperative.computeIfAbsent(evse, k -> new HashSet<>());
            if (error.isActive()) {
                active.add(error.subType());
            } else {
                active.remove(error.subType());
            }
            logic.onFault(evse, !active.isEmpty());
            return List.of();
        });
    }

    /** Runs a step of the logic on the worker and carries out what it decided. */
    private void submit(Supplier<List<AuthAction>> step) {
        if (closed) {
            return;
        }
        worker.execute(() -> {
            if (closed) {
                return;
            }
            try {
                apply(step.get());
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, "Auth " + context.moduleId() + ": step failed", e);
            }
        });
    }

    private void apply(List<AuthAction> actions) {
        for (AuthAction action : actions) {
            if (closed) {
                return;
            }
            if (action instanceof AuthAction.Validate v) {
                List<AuthTokenValidator> ordered = validatorIds.stream().map(validators::get)
                        .filter(Objects::nonNull).toList();
                apply(logic.onValidated(v.token(), Validators.ask(ordered, v.token())));
            } else if (action instanceof AuthAction.Authorize a) {
                call(a.evse(), "authorize_response", e -> e.authorizeResponse(a.token(), a.result()));
            } else if (action instanceof AuthAction.Withdraw w) {
                call(w.evse(), "withdraw_authorization", EvseManager::withdrawAuthorization);
            } else if (action instanceof AuthAction.Stop s) {
                call(s.evse(), "stop_transaction", e -> e.stopTransaction(s.request()));
            } else if (action instanceof AuthAction.Status s) {
                publisher.publishTokenValidationStatus(s.message());
            } else if (action instanceof AuthAction.StartTimer t) {
                timersRunning.put(t.id(), timers.schedule(t.delay(), () -> {
                    timersRunning.remove(t.id());
                    submit(() -> logic.onTimeout(t.id()));
                }));
            } else if (action instanceof AuthAction.CancelTimer c) {
                Timers.Timer timer = timersRunning.remove(c.id());
                if (timer != null) {
                    timer.cancel();
                }
            }
        }
    }

    private void call(int evse, String cmd, java.util.function.Consumer<EvseManager> call) {
        ImplementationId id = evseIds.get(evse);
        EvseManager target = evses.get(id);
        if (target == null) {
            LOG.log(Level.WARNING, () -> "Auth " + context.moduleId() + ": " + id + " is not connected; " + cmd
                    + " not sent");
            return;
        }
        try {
            call.accept(target);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, () -> "Auth " + context.moduleId() + ": " + cmd + " on " + id + " failed: "
                    + e.getMessage());
        }
    }

    private static ImplementationId idOf(Map<String, Object> properties) {
        return new ImplementationId(String.valueOf(properties.get(ModuleBus.MODULE_ID)),
                String.valueOf(properties.get(ModuleBus.IMPL_ID)));
    }
}
