package dev.pylon.runtime.internal.bus;

import dev.pylon.api.ImplementationId;
import dev.pylon.api.InterfaceDescriptor;
import dev.pylon.api.VarPublisher;
import dev.pylon.contract.SchemaValidator;
import dev.pylon.contract.SchemaViolation;
import dev.pylon.runtime.Subscription;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * Routes vars by (module id, implementation id). Each implementation has a channel holding the last value of each of
 * its vars and its subscribers; channels belong to the config, not to a provider, so subscriptions and last values
 * outlive a provider being replaced. Publishing validates (when on), stores the last value and queues the value for
 * every subscriber under the channel's lock, which is never held while a subscriber runs.
 */
public final class VarRouter {
    private static final System.Logger LOG = System.getLogger(VarRouter.class.getName());

    /** One published value on its way to a subscriber. */
    record VarEvent(ImplementationId origin, String var, Object value) {
    }

    private static final class Channel {
        final ImplementationId origin;
        final InterfaceDescriptor<?, ?> descriptor;
        final Map<String, Object> last = new LinkedHashMap<>(); // guarded by this
        final List<SubscriberQueue<VarEvent>> subscribers = new ArrayList<>(); // guarded by this

        Channel(ImplementationId origin, InterfaceDescriptor<?, ?> descriptor) {
            this.origin = origin;
            this.descriptor = descriptor;
        }
    }

    private final Map<ImplementationId, Channel> channels = new ConcurrentHashMap<>();
    private final SchemaValidator validator;
    private final int queueCapacity;
    private final Executor delivery;
    private final BusStats stats;

    /** @param validator checks every published value, or null when {@code validate_schema} is off */
    public VarRouter(SchemaValidator validator, int queueCapacity, Executor delivery, BusStats stats) {
        this.validator = validator;
        this.queueCapacity = queueCapacity;
        this.delivery = delivery;
        this.stats = stats;
    }

    /** Declares implementation {@code origin} of the config, which publishes the vars of {@code descriptor}. */
    public void declare(ImplementationId origin, InterfaceDescriptor<?, ?> descriptor) {
        channels.putIfAbsent(origin, new Channel(origin, descriptor));
    }

    /** The publisher of {@code origin}'s vars. */
    public VarPublisher publisher(ImplementationId origin) {
        Channel channel = channel(origin);
        return (var, value) -> publish(channel, var, value);
    }

    /** The last value of each var {@code origin} published, in order of first publication. */
    public Map<String, Object> lastValues(ImplementationId origin) {
        Channel channel = channel(origin);
        synchronized (channel) {
            return new LinkedHashMap<>(channel.last);
        }
    }

    private void publish(Channel channel, String var, Object value) {
        if (!channel.descriptor.vars().containsKey(var)) {
            throw new IllegalArgumentException("interface " + channel.descriptor.name() + " of " + channel.origin
                    + " has no var '" + var + "'; vars: " + channel.descriptor.vars().keySet());
        }
        if (validator != null) {
            try {
                validator.validateVar(channel.descriptor.name(), var, Json.mapper().valueToTree(value));
            } catch (SchemaViolation e) {
                stats.module(channel.origin.moduleId()).schemaViolations.increment();
                throw e;
            } catch (IllegalArgumentException e) {
                stats.module(channel.origin.moduleId()).schemaViolations.increment();
                throw new SchemaViolation(channel.descriptor.name() + "." + var,
                        List.of("cannot be written as JSON: " + e.getMessage()));
            }
        }
        VarEvent event = new VarEvent(channel.origin, var, value);
        synchronized (channel) {
            channel.last.put(var, value);
            for (SubscriberQueue<VarEvent> subscriber : channel.subscribers) {
                subscriber.offer(event);
            }
        }
        stats.module(channel.origin.moduleId()).varsPublished.increment();
    }

    /**
     * Delivers the vars of {@code origins} (all of interface {@code descriptor}) to {@code listener}: first the last
     * value of each var, then every new value, in publish order, through one queue.
     *
     * @param owner the module id of the subscriber
     * @param name  what it subscribes to (its requirement id), for stats and logs
     * @throws IllegalArgumentException when the listener is not a listener of the interface
     */
    public Subscription subscribe(String owner, String name, List<ImplementationId> origins,
            InterfaceDescriptor<?, ?> descriptor, Object listener) {
        Objects.requireNonNull(listener, "listener");
        if (!descriptor.listenerType().isInstance(listener)) {
            throw new IllegalArgumentException("the listener for " + name + " of module " + owner + " must implement "
                    + descriptor.listenerType().getName() + " (interface " + descriptor.name() + "), "
                    + listener.getClass().getName() + " does not");
        }
        SubscriberQueue<VarEvent> queue = new SubscriberQueue<>(owner, name, queueCapacity, delivery,
                event -> deliver(descriptor, listener, event.var(), event.value()),
                (event, t) -> {
                    stats.module(owner).listenerFailures.increment();
                    LOG.log(Level.WARNING, () -> "listener of module " + owner + " (" + name + ") threw on var "
                            + event.var() + " of " + event.origin(), t);
                });
        stats.add(queue);
        List<Channel> subscribed = new ArrayList<>();
        for (ImplementationId origin : origins) {
            Channel channel = channel(origin);
            if (channel.descriptor != descriptor) {
                throw new IllegalArgumentException(origin + " provides interface " + channel.descriptor.name()
                        + ", not " + descriptor.name());
            }
            subscribed.add(channel);
        }
        for (Channel channel : subscribed) {
            synchronized (channel) {
                channel.last.forEach((var, value) -> queue.offer(new VarEvent(channel.origin, var, value)));
                channel.subscribers.add(queue);
            }
        }
        return () -> {
            queue.close();
            stats.remove(queue);
            for (Channel channel : subscribed) {
                synchronized (channel) {
                    channel.subscribers.remove(queue);
                }
            }
        };
    }

    @SuppressWarnings("unchecked")
    private static void deliver(InterfaceDescriptor<?, ?> descriptor, Object listener, String var, Object value) {
        ((InterfaceDescriptor<Object, Object>) descriptor).deliver(listener, var, value);
    }

    private Channel channel(ImplementationId origin) {
        Channel channel = channels.get(origin);
        if (channel == null) {
            throw new IllegalArgumentException("no implementation " + origin + " in the running config");
        }
        return channel;
    }
}
